using TrayBridge.Invoicing.Domain.Taxes;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary>The API's names of <see cref="DifalPolicy"/> (<c>due</c>, <c>not_due</c>, <c>not_due_zero_group</c>): stable
/// codes, not the enum's numbers, so the panel and scripts read what they choose.</summary>
public static class DifalCodes
{
    public const string Due = "due", NotDue = "not_due", NotDueZeroGroup = "not_due_zero_group";

    /// <summary>Null for empty (the regime decides) and for anything unknown (the caller tells the two apart).</summary>
    public static DifalPolicy? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        Due => DifalPolicy.Due,
        NotDue => DifalPolicy.NotDue,
        NotDueZeroGroup => DifalPolicy.NotDueZeroGroup,
        _ => null,
    };

    public static string? Code(DifalPolicy? policy) => policy switch
    {
        DifalPolicy.Due => Due,
        DifalPolicy.NotDue => NotDue,
        DifalPolicy.NotDueZeroGroup => NotDueZeroGroup,
        _ => null,
    };
}
