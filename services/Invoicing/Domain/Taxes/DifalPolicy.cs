using TrayBridge.Invoicing.Domain.Emitters;

namespace TrayBridge.Invoicing.Domain.Taxes;

/// <summary>Whether an interstate sale to a non-contributor final consumer carries the DIFAL (<c>ICMSUFDest</c>). The
/// emitter's accountant decides; without a choice the regime does (<see cref="DifalPolicies.DefaultFor"/>).</summary>
public enum DifalPolicy
{
    /// <summary>DIFAL due to the destination UF: the group with its values (EC 87/2015, LC 190/2022).</summary>
    Due = 1,
    /// <summary>Not due: no group. SEFAZ's rule 694 does not apply to Simples Nacional emitters (CRT 1).</summary>
    NotDue = 2,
    /// <summary>Not due, but the group goes with zero base and values: for an authorizer that still rejects with 694 without it.</summary>
    NotDueZeroGroup = 3,
}

public static class DifalPolicies
{
    /// <summary>The legal basis written in <c>infCpl</c> of a note whose DIFAL is not due.</summary>
    public const string SimplesNacionalBasis =
        "DIFAL NAO DEVIDO: EMITENTE OPTANTE PELO SIMPLES NACIONAL (STF, ADI 5464 E ADI 5469; LC 190/2022).";

    /// <summary>Simples Nacional and MEI: DIFAL is not due from them (STF, ADI 5464 and ADI 5469 struck clause nine of
    /// Convênio ICMS 93/2015; LC 190/2022 did not create it for them). CRT 2 pays ICMS outside the Simples, and regime
    /// normal pays it: due.</summary>
    public static DifalPolicy DefaultFor(Crt crt) => crt.UsesCsosn() ? DifalPolicy.NotDue : DifalPolicy.Due;

    public static bool IsDue(this DifalPolicy policy) => policy == DifalPolicy.Due;
}
