namespace TrayBridge.Api;

/// <summary>What every error answer of the API carries besides RFC 9457's fields: a stable <c>code</c> (lower-case,
/// dot-separated, never reworded; clients and the panel decide on it) and a <c>detail</c> in Portuguese for people.
/// Per-item reasons (an export's product, an import's order, a note's rejection, a skipped sales order) carry the same
/// pair as <see cref="Reason"/>.</summary>
public static class ApiProblem
{
    /// <summary>The ProblemDetails extension member holding the stable code.</summary>
    public const string CodeMember = "code";

    /// <summary>The code of a 400 whose <c>errors</c> name the fields at fault (each message in Portuguese).</summary>
    public const string Validation = "validation";
}

/// <summary>Why one item of a batch did not go through: a stable <paramref name="Code"/> and a Portuguese
/// <paramref name="Detail"/>.</summary>
public sealed record Reason(string Code, string Detail);
