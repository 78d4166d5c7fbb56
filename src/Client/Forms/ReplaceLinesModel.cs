using System.ComponentModel.DataAnnotations;

namespace TraceFix.Client.Forms;

/// <summary>The REPLACE_LINES fields of the manual-play form.</summary>
public sealed class ReplaceLinesModel : IValidatableObject
{
    [Required(ErrorMessage = "Give the first line to replace.")]
    [Range(1, 10_000, ErrorMessage = "Line numbers start at 1.")]
    public int? StartLine { get; set; }

    [Required(ErrorMessage = "Give the last line to replace.")]
    [Range(1, 10_000, ErrorMessage = "Line numbers start at 1.")]
    public int? EndLine { get; set; }

    public string NewCode { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartLine is { } start && EndLine is { } end && end < start)
        {
            yield return new ValidationResult("The last line must not come before the first.", [nameof(EndLine)]);
        }
    }
}
