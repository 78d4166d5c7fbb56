namespace TraceFix.Server.Tests.Hosting;

/// <summary>
/// Tests that read counters from /metrics run alone: the meters are process-wide by name, so a host of another test
/// class, started or disposed meanwhile, would add to the counters or take its counts away between two scrapes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
