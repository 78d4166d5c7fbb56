using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TraceFix.Server.Store;

/// <summary>Stores a DateTimeOffset as its UTC ticks; reads it back as UTC.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
