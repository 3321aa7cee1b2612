using TrayBridge.Invoicing.Domain.Fiscal;
using TrayBridge.Invoicing.Domain.Taxes;

namespace TrayBridge.Invoicing.Domain.Emitters;

/// <summary>The company issuing the notes (<c>emit</c>): one per tenant. The A1 certificate, its storage and the SEFAZ
/// endpoints belong to the service around this; here are only the fields that go into the XML and decide its taxes.</summary>
public sealed record Emitter(
    string Cnpj, string StateRegistration, string Name, NfeAddress Address, Crt Crt, int Series, NfeEnvironment Environment)
{
    /// <summary><c>xFant</c>, optional.</summary>
    public string? TradeName { get; init; }

    /// <summary>The emitter's own tax table; the defaults are safe, not final (see <see cref="TaxRules"/>).</summary>
    public TaxRules Taxes { get; init; } = TaxRules.Default;

    public string Uf => Address.Uf;

    /// <summary>What keeps this emitter from issuing; empty when it can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!TaxIds.IsCnpj(Cnpj)) problems.Add($"The emitter's CNPJ '{Cnpj}' is not valid");
        if (StateRegistration is not { Length: >= 2 and <= 14 } || !StateRegistration.All(char.IsAsciiDigit))
            problems.Add($"The emitter's IE '{StateRegistration}' must be 2 to 14 digits");
        if (NfeText.Clean(Name, 60).Length < 2) problems.Add("The emitter has no razão social");
        if (Series is < 0 or > 999) problems.Add($"The série {Series} is not 0-999");
        problems.AddRange(Address.Problems("The emitter's"));
        return problems;
    }
}
