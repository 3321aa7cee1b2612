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

    /// <summary>The accountant's DIFAL choice; null: the regime's default (<see cref="DifalPolicies.DefaultFor"/>).</summary>
    public DifalPolicy? Difal { get; init; }

    /// <summary>What the notes apply: the choice, else the regime's default.</summary>
    public DifalPolicy EffectiveDifal => Difal ?? DifalPolicies.DefaultFor(Crt);

    public string Uf => Address.Uf;

    /// <summary>What keeps this emitter from issuing; empty when it can.</summary>
    public IReadOnlyList<string> Problems() => [.. FieldProblems().Select(p => p.Message)];

    /// <summary>The same problems, each with the field at fault as the emitter's JSON names it (<c>cnpj</c>,
    /// <c>address.zipCode</c>…), so a form can show each beside its field.</summary>
    public IEnumerable<(string Field, string Message)> FieldProblems()
    {
        if (!TrayBridge.ServiceDefaults.Brazil.Cnpj.IsValidBare(Cnpj)) yield return ("cnpj", $"O CNPJ do emitente '{Cnpj}' não é válido");
        if (StateRegistration is not { Length: >= 2 and <= 14 } || !StateRegistration.All(char.IsAsciiDigit))
            yield return ("stateRegistration", $"A IE do emitente '{StateRegistration}' deve ter de 2 a 14 dígitos");
        if (NfeText.Clean(Name, 60).Length < 2) yield return ("name", "O emitente não tem razão social");
        if (Series is < 0 or > 999) yield return ("series", $"A série {Series} não está entre 0 e 999");
        foreach (var (field, message) in Address.FieldProblems("do emitente")) yield return ("address." + field, message);
    }
}
