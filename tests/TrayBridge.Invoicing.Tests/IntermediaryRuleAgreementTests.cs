using TrayBridge.Api.Orders;
using TrayBridge.Invoicing.Domain;
using TrayBridge.Invoicing.Domain.Building;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.Orders.Domain;
using static TrayBridge.Invoicing.Tests.NfeXmlAssert;

namespace TrayBridge.Invoicing.Tests;

/// <summary>Issue 10: Orders called marketplace orders ready that the NF-e builder then refused (no idCadIntTran), so every
/// batch skipped them. Readiness and the builder now apply one rule (<c>IntermediaryRule</c>); this table of intermediaries
/// goes through both, and an order is ready exactly when its note builds and passes the schema.</summary>
public sealed class IntermediaryRuleAgreementTests
{
    public static TheoryData<string, string?, string?> Intermediaries => new()
    {
        { "complete", "03007331000141", "LOJAEXEMPLO123" },
        { "seller id with spaces around and inside", "03007331000141", "  LOJA   EXEMPLO 123 " },
        { "seller id of two characters", "03007331000141", "ML" },
        { "seller id of sixty characters", "03007331000141", new string('9', 60) },
        { "seller id with accents", "03007331000141", "Loja São João" },
        { "no seller id", "03007331000141", null },
        { "empty seller id", "03007331000141", "" },
        { "blank seller id", "03007331000141", "   " },
        { "seller id of one character", "03007331000141", "7" },
        { "seller id of sixty-one characters", "03007331000141", new string('9', 61) },
        { "seller id with an emoji", "03007331000141", "LOJA \U0001F600" },
        { "seller id with a control character", "03007331000141", "LOJA\u0007123" },
        { "no cnpj", null, "LOJAEXEMPLO123" },
        { "cnpj with wrong check digits", "03007331000142", "LOJAEXEMPLO123" },
        { "alphanumeric cnpj", "12ABC34501DE35", "LOJAEXEMPLO123" },
        { "nothing", null, null },
    };

    [Theory]
    [MemberData(nameof(Intermediaries))]
    public void An_order_is_ready_exactly_when_its_intermediary_makes_a_valid_note(string @case, string? cnpj, string? sellerId)
    {
        var salesOrder = new SalesOrder
        {
            TenantId = "t", StoreId = "1", TrayOrderId = "1001", Customer = new SalesOrderCustomer { Name = "MARIA DA SILVA" },
            Totals = new SalesOrderTotals(0, 0, 0, 0), Intermediary = new MarketplaceIntermediary("Mercado Livre", cnpj, sellerId, "2000001"),
        };
        var intermediaryGaps = Readiness.Of(salesOrder).Items
            .Where(i => i.Code is MissingCodes.IntermediaryCnpj or MissingCodes.IntermediarySellerId).ToList();
        // The same values through the NF-e check and the builder (which writes infIntermed from them).
        var nfeOrder = Samples.Tshirts() with { Intermediary = new NfeIntermediary(cnpj ?? "", sellerId ?? "") };
        // PL_010: the alphanumeric CNPJ is the emitter's package's question, not the order's.
        var builder = new NfeBuilder(NfeSchemaPackage.Pl010V130, appVersion: "Loja 1.0");

        string? xml = null;
        IReadOnlyList<string> problems = [];
        try { xml = builder.Build(nfeOrder, Samples.SimplesNacional, Samples.Identity()).Xml; }
        catch (NfeDataException refused) { problems = refused.Problems; }

        Assert.True(intermediaryGaps.Count == 0 == (xml is not null),
            $"{@case}: readiness says [{string.Join("; ", intermediaryGaps.Select(g => g.Detail))}], the builder [{string.Join("; ", problems)}]");
        if (xml is not null) SignedAndValid(xml, NfeSchemaPackage.Pl010V130);
        else Assert.Equal(intermediaryGaps.Select(g => g.Code).Order(), problems.Select(p => p.StartsWith("O CNPJ") || p.StartsWith("Falta o CNPJ")
            ? MissingCodes.IntermediaryCnpj : MissingCodes.IntermediarySellerId).Order());
    }
}
