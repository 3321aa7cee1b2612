namespace TrayBridge.Invoicing.Domain;

/// <summary>The data cannot make a valid NF-e: the order, the emitter or the configuration needs a fix first. Each
/// problem is one sentence in Portuguese a user can act on; nothing was numbered or signed.</summary>
public sealed class NfeDataException(IReadOnlyList<string> problems)
    : Exception("A NF-e não pode ser montada: " + string.Join("; ", problems))
{
    public NfeDataException(string problem) : this([problem]) { }

    public IReadOnlyList<string> Problems { get; } = problems;
}
