using TrayBridge.Api.Orders;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.ServiceDefaults.Fiscal;

/// <summary>One thing an order's marketplace intermediary lacks for its NF-e: the code (<see cref="MissingCodes"/>), the
/// short phrase of the status ("falta …") and the sentence that says what to do.</summary>
public sealed record IntermediaryGap(string Code, string Missing, string Detail);

/// <summary>
/// What the NF-e's <c>infIntermed</c> (NT 2020.006) requires of a marketplace order: the marketplace's CNPJ and the
/// seller's id on it (<c>idCadIntTran</c>, the schema's TString of 2 to 60 characters). The ONE rule both the Orders
/// service (an order is "Pronto para faturar" only when it holds) and Invoicing (the note's check before it is
/// numbered) apply, so readiness and the builder cannot disagree again — they did: Orders checked only the CNPJ and
/// every batch skipped such "ready" orders. It lives here because both services already reference this internal library
/// and neither references the other; the public contracts package is no place for a domain rule. What depends on the
/// emitter rather than the order (an alphanumeric CNPJ only under PL_010) stays with Invoicing.
/// </summary>
public static class IntermediaryRule
{
    public const int SellerIdMinLength = 2;
    public const int SellerIdMaxLength = 60;

    /// <summary>What the intermediary lacks; empty when its NF-e group can be written. <paramref name="marketplace"/> names
    /// it in the texts (Invoicing, which does not know the name, passes null).</summary>
    public static IReadOnlyList<IntermediaryGap> Gaps(string? marketplace, string? cnpj, string? sellerId)
    {
        var gaps = new List<IntermediaryGap>(2);
        var name = string.IsNullOrWhiteSpace(marketplace) ? "" : $" ({marketplace.Trim()})";
        if (string.IsNullOrWhiteSpace(cnpj))
            gaps.Add(new(MissingCodes.IntermediaryCnpj, $"falta CNPJ do intermediador{name}", $"Falta o CNPJ do intermediador{name}."));
        else if (!IsCnpj(cnpj))
            gaps.Add(new(MissingCodes.IntermediaryCnpj, $"CNPJ do intermediador inválido{name}",
                $"O CNPJ do intermediador{name} '{cnpj}' não é válido: confira os dígitos."));
        var seller = NormalizeSellerId(sellerId);
        if (seller is null)
            gaps.Add(new(MissingCodes.IntermediarySellerId, $"falta id do vendedor no marketplace{name}",
                $"Falta o id do vendedor no marketplace{name} (idCadIntTran): o código da sua conta de vendedor lá."));
        else if (SellerIdProblem(seller) is { } problem)
            gaps.Add(new(MissingCodes.IntermediarySellerId, $"id do vendedor no marketplace inválido{name}",
                $"O id do vendedor no marketplace{name} não é válido: {problem}"));
        return gaps;
    }

    /// <summary>The seller's id as kept and printed: trimmed, inner runs of spaces as one; null when nothing is left.</summary>
    public static string? NormalizeSellerId(string? sellerId)
    {
        var words = (sellerId ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(' ', words);
    }

    /// <summary>Why a (normalised) seller id cannot be printed in <c>idCadIntTran</c>, in Portuguese; null when it can.
    /// Refused rather than cut or cleaned: an id changed on the way is another seller's.</summary>
    public static string? SellerIdProblem(string seller)
    {
        if (seller.Length is < SellerIdMinLength or > SellerIdMaxLength)
            return $"tem de {SellerIdMinLength} a {SellerIdMaxLength} caracteres.";
        // TString: Latin-1 printable characters only (no control characters, no emoji).
        return seller.All(c => c is >= ' ' and <= 'ÿ' && !char.IsControl(c)) ? null : "use apenas letras, números e sinais comuns.";
    }

    /// <summary>A bare CNPJ (14 characters, the first 12 digits or A–Z since IN RFB 2.229/2024, then two mod-11 check
    /// digits).</summary>
    public static bool IsCnpj(string? value) => Cnpj.IsValidBare(value);
}
