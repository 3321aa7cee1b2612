namespace TrayBridge.Invoicing.Domain.Schemas;

/// <summary>A document that fails the NF-e schema; SEFAZ would reject it (215 for a note, 225 for a lot).</summary>
public sealed class NfeSchemaException(IReadOnlyList<string> errors)
    : Exception("The XML does not satisfy the NF-e schema: " + string.Join(" | ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
