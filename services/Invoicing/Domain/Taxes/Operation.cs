namespace TrayBridge.Invoicing.Domain.Taxes;

/// <summary><c>indIEDest</c>: whether the recipient is an ICMS contributor.</summary>
public enum RecipientIe
{
    Contribuinte = 1,
    /// <summary>Contribuinte isento de inscrição: no IE is sent.</summary>
    Isento = 2,
    NaoContribuinte = 9,
}

/// <summary>What kind of sale this is for the taxes: within the UF or interstate (<c>idDest</c> 1/2), to a contributor
/// or not (<c>indIEDest</c>), to a final consumer or not (<c>indFinal</c>). Exports (<c>idDest</c> 3) are not made here.</summary>
public sealed record Operation(bool Interstate, RecipientIe RecipientIe, bool FinalConsumer)
{
    public int IdDest => Interstate ? 2 : 1;
    public bool Contributor => RecipientIe == RecipientIe.Contribuinte;

    /// <summary>nfe.md §2.4: an interstate sale to a final consumer who is not a contributor carries the DIFAL group
    /// <c>ICMSUFDest</c> on every item (694 otherwise), and only such a sale does.</summary>
    public bool RequiresDifal => Interstate && FinalConsumer && RecipientIe == RecipientIe.NaoContribuinte;

    public static Operation For(string emitterUf, string recipientUf, string? recipientIe, TaxRules rules)
    {
        var ie = (recipientIe ?? "").Trim();
        var kind = ie.All(char.IsAsciiDigit) && ie.Length >= 2 ? RecipientIe.Contribuinte
            : ie.Equals("ISENTO", StringComparison.OrdinalIgnoreCase) ? RecipientIe.Isento
            : RecipientIe.NaoContribuinte;
        // A non-contributor can only be a final consumer: indIEDest 9 with indFinal 0 is rejected (696).
        var final = kind != RecipientIe.Contribuinte || rules.ContributorsAreFinalConsumers;
        return new Operation(emitterUf != recipientUf, kind, final);
    }
}
