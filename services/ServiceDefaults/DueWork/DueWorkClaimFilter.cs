namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>Narrows what this host's runner claims, e.g. the connector's stores served by a dedicated process: a SQL
/// predicate over the claimed row (alias <c>d</c>) whose parameters are numbered from <c>$6</c>. A host registers at most
/// one (<see cref="DueWorkExtensions.AddDueWorkClaimFilter"/>); without one the runner claims every due row, as before.</summary>
public sealed record DueWorkClaimFilter(string Predicate, IReadOnlyList<object> Parameters)
{
    public const int FirstParameter = 6;
}
