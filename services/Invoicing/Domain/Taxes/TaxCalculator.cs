using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Fiscal;

namespace TrayBridge.Invoicing.Domain.Taxes;

/// <summary>An item's CFOP and taxes from the emitter's regime and <see cref="TaxRules"/>, the <see cref="Operation"/>
/// and the item's value. The ICMS base is the value of the operation: product − discount + freight + other charges
/// (freight and charges are part of it, unconditional discounts are not; LC 87/1996 art. 13).</summary>
public static class TaxCalculator
{
    public static ItemTaxes For(Emitter emitter, Operation operation, string recipientUf, string ncm, int origin, decimal operationValue)
    {
        var rules = emitter.Taxes;
        var st = rules.IsSubstituicaoTributaria(ncm);
        var imported = origin is 1 or 2 or 3 or 8;
        var interstateRate = Uf.InterstateRate(emitter.Uf, recipientUf, imported);
        var icms = Icms(emitter, operation, st, origin, operationValue, interstateRate);
        var pisCofins = emitter.Crt == Crt.RegimeNormal ? rules.RegimeNormalPisCofins : rules.SimplesNacionalPisCofins;
        return new ItemTaxes(
            rules.Cfop.For(operation, st), icms,
            PisCofins(pisCofins, pisCofins.PisRate, operationValue), PisCofins(pisCofins, pisCofins.CofinsRate, operationValue),
            operation.RequiresDifal ? Difal(emitter.EffectiveDifal, rules.Icms.For(recipientUf), interstateRate, operationValue) : null);
    }

    private static IcmsTax Icms(Emitter emitter, Operation operation, bool st, int origin, decimal value, decimal interstateRate)
    {
        var rules = emitter.Taxes;
        if (emitter.Crt.UsesCsosn())
        {
            var csosn = st ? rules.CsosnSt : rules.Csosn;
            return new(CsosnGroup(csosn), origin, csosn, 0, 0, 0);
        }
        if (st) return new("ICMS60", origin, "60", 0, 0, 0);
        // CST 00: the emitter UF's own rate within the UF, the interstate rate across.
        var rate = operation.Interstate ? interstateRate : rules.Icms.For(emitter.Uf).Internal;
        return new("ICMS00", origin, "00", value, rate, Percent(value, rate));
    }

    // Only the CSOSNs that carry no values of their own; 101, 201, 202 and 900 need credit or ST data this table lacks.
    private static string CsosnGroup(string csosn) => csosn switch
    {
        "102" or "103" or "300" or "400" => "ICMSSN102",
        "500" => "ICMSSN500",
        _ => throw new NfeDataException($"O CSOSN {csosn} não é emitido por aqui (use 102, 103, 300, 400 ou 500)"),
    };

    private static PisCofinsTax PisCofins(PisCofinsRule rule, decimal rate, decimal value) => rule.Group switch
    {
        PisCofinsGroup.NT => new(rule.Group, rule.Cst, 0, 0, 0),
        _ when rate == 0 => new(rule.Group, rule.Cst, 0, 0, 0),
        _ => new(rule.Group, rule.Cst, value, rate, Percent(value, rate)),
    };

    // DIFAL on a single base (base única): base × (internal − interstate), never negative; FCP on the same base.
    // Not due: no group, or (for an authorizer still asking for it) the group with zero base and values, so nothing is
    // declared due; the rates stay the real ones, since SEFAZ checks pICMSInter against the UFs (697/698).
    private static DifalTax? Difal(DifalPolicy policy, UfIcmsRate destination, decimal interstateRate, decimal value) => policy switch
    {
        DifalPolicy.NotDue => null,
        DifalPolicy.NotDueZeroGroup => new(Base: 0, FcpRate: 0, DestinationRate: destination.Internal, InterstateRate: interstateRate,
            FcpValue: 0, DestinationValue: 0),
        _ => new(Base: value, FcpRate: destination.Fcp, DestinationRate: destination.Internal, InterstateRate: interstateRate,
            FcpValue: Percent(value, destination.Fcp),
            DestinationValue: Percent(value, Math.Max(destination.Internal - interstateRate, 0))),
    };

    private static decimal Percent(decimal value, decimal rate) => NfeFormat.Cents(value * rate / 100m);
}
