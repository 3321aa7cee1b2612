using System.Text.Json;
using TrayBridge.Api.Orders;
using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Tests;

public sealed class SalesOrderReadinessTests
{
    private static readonly IbgeCities Cities = SalesOrderFactoryTests.Cities;

    /// <summary>No CPF, no NCM on the cap, an unknown delivery city: pending on all three.</summary>
    private static SalesOrder Pending() => SalesOrderFactoryTests.Import(TrayOrders.Order() with
    {
        Customer = TrayOrders.Person with { Cpf = null, DeliveryAddress = TrayOrders.Delivery with { City = "Sampa" } },
        Items = [TrayOrders.Item("CAM-1", 2, 50m), TrayOrders.Item("BON-1", 1, 30m, ncm: null)],
    }).Order!;

    [Fact]
    public void Supplying_each_missing_datum_clears_its_reason_until_the_order_is_ready()
    {
        var order = Pending();
        Assert.Equal("Pendente: falta CPF/CNPJ; falta NCM (SKU BON-1); falta código IBGE do município", order.StatusLabel);

        Assert.Equal(OrderChange.Invalid, order.SetCustomerTaxId("529.982.247-24"));
        Assert.Equal(OrderChange.Applied, order.SetCustomerTaxId("529.982.247-25"));
        Assert.Equal("Pendente: falta NCM (SKU BON-1); falta código IBGE do município", order.StatusLabel);

        Assert.Equal(OrderChange.Invalid, order.SetItemNcm(2, "6505.00"));
        Assert.Equal(OrderChange.NotFound, order.SetItemNcm(3, "65050022"));
        Assert.Equal(OrderChange.Applied, order.SetItemNcm(2, "6505.00.22"));
        Assert.Equal("65050022", order.Items[1].Ncm);
        Assert.Equal(["falta código IBGE do município"], order.Missing);

        Assert.Equal(OrderChange.Invalid, order.SetInvoiceCity("SP", "Sampa", Cities));
        Assert.Equal(OrderChange.Applied, order.SetInvoiceCity("sp", "sao paulo", Cities));
        Assert.Equal(("São Paulo", "3550308"), (order.Customer.DeliveryAddress?.City, order.Customer.DeliveryAddress?.IbgeCode));
        Assert.Equal((SalesOrderStatus.ProntoParaFaturar, "Pronto para faturar"), (order.Status, order.StatusLabel));
        Assert.Empty(order.Missing);
    }

    [Fact]
    public void What_is_missing_comes_one_by_one_with_a_stable_code_and_the_line_of_each_item_without_ncm()
    {
        var order = SalesOrderFactoryTests.Import(TrayOrders.Order() with
        {
            Customer = TrayOrders.Person with { Cpf = null, DeliveryAddress = TrayOrders.Delivery with { City = "Sampa" } },
            Items = [TrayOrders.Item("CAM-1", 2, 50m, ncm: "6109"), TrayOrders.Item("BON-1", 1, 30m, ncm: null)],
            Marketplace = new("Shopee", "S-1", null, null, null),
        }, MarketplaceIntermediaries.None).Order!;

        var items = Readiness.Of(order).Items;

        Assert.Equal([(MissingCodes.TaxId, null), (MissingCodes.Ncm, 1), (MissingCodes.Ncm, 2), (MissingCodes.CityCode, null),
            (MissingCodes.IntermediaryCnpj, null), (MissingCodes.IntermediarySellerId, (int?)null)], items.Select(i => (i.Code, i.Line)));
        Assert.Equal("Falta o NCM do item 2 (SKU BON-1).", items[2].Detail);
        Assert.Contains("\"Sampa\" (SP)", items[3].Detail);
        Assert.Contains("Shopee", items[4].Detail);
        Assert.StartsWith("Falta o id do vendedor no marketplace (Shopee)", items[5].Detail);
        Assert.Equal("Pendente: falta CPF/CNPJ; falta NCM (SKU CAM-1, SKU BON-1); falta código IBGE do município; falta CNPJ do intermediador (Shopee); "
            + "falta id do vendedor no marketplace (Shopee)", order.StatusLabel);
        order.SetCustomerTaxId("529.982.247-25");
        order.SetItemNcm(1, "61091000");
        Assert.Equal([MissingCodes.Ncm, MissingCodes.CityCode, MissingCodes.IntermediaryCnpj, MissingCodes.IntermediarySellerId],
            Readiness.Of(order).Items.Select(i => i.Code));
    }

    /// <summary>Issue 10: Mercado Livre's CNPJ known, the seller's id on it not — the NF-e builder refuses such an order
    /// (idCadIntTran), so readiness must not call it ready.</summary>
    [Fact]
    public void A_marketplace_order_without_the_sellers_id_there_is_pending_on_it_until_it_is_given()
    {
        var order = SalesOrderFactoryTests.Import(TrayOrders.Order() with { Marketplace = new("Mercado Livre", "2000001", "03.007.331/0001-41", null, null) }).Order!;

        Assert.Equal((SalesOrderStatus.PendenteDados, "Pendente: falta id do vendedor no marketplace (Mercado Livre)"), (order.Status, order.StatusLabel));
        Assert.Equal([MissingCodes.IntermediarySellerId], Readiness.Of(order).Items.Select(i => i.Code));

        Assert.Equal(OrderChange.Invalid, order.SetIntermediarySellerId("   "));
        Assert.Equal(OrderChange.Invalid, order.SetIntermediarySellerId("7"));
        Assert.Equal(OrderChange.Invalid, order.SetIntermediarySellerId(new string('9', 61)));
        Assert.Equal(OrderChange.Invalid, order.SetIntermediarySellerId("LOJA \U0001F600"));
        Assert.Equal(OrderChange.Applied, order.SetIntermediarySellerId("  LOJA   EXEMPLO 123 "));
        Assert.Equal(("LOJA EXEMPLO 123", SalesOrderStatus.ProntoParaFaturar), (order.Intermediary?.SellerId, order.Status));
        Assert.Equal(OrderChange.NotFound, SalesOrderFactoryTests.Import(TrayOrders.Order()).Order!.SetIntermediarySellerId("LOJA-1"));
    }

    [Fact]
    public void The_stores_seller_id_fills_an_order_without_one_and_never_replaces_the_orders_own()
    {
        var without = SalesOrderFactoryTests.Import(TrayOrders.Order() with { Marketplace = new("Mercado Livre", "1", "03.007.331/0001-41", " ", null) }).Order!;
        var own = SalesOrderFactoryTests.Import(TrayOrders.Order() with { Marketplace = new("Mercado Livre", "2", "03.007.331/0001-41", "ML-OWN", null) }).Order!;
        var invoiced = SalesOrderFactoryTests.Import(TrayOrders.Order() with { Marketplace = new("Mercado Livre", "3", "03.007.331/0001-41", null, null) }).Order!;
        invoiced.Invoiced = true;

        Assert.True(without.FillIntermediarySellerId("LOJA-ML"));
        Assert.False(own.FillIntermediarySellerId("LOJA-ML"));
        Assert.False(invoiced.FillIntermediarySellerId("LOJA-ML"));

        Assert.Equal(("LOJA-ML", SalesOrderStatus.ProntoParaFaturar), (without.Intermediary?.SellerId, without.Status));
        Assert.Equal("ML-OWN", own.Intermediary?.SellerId);
        Assert.Null(invoiced.Intermediary?.SellerId);

        // The store's id corrected: what came from the store follows it; an id typed on the order is the order's own.
        Assert.False(without.FillIntermediarySellerId("LOJA-ML"));
        Assert.True(without.FillIntermediarySellerId("LOJA-ML-2"));
        Assert.Equal("LOJA-ML-2", without.Intermediary?.SellerId);
        Assert.Equal(OrderChange.Applied, without.SetIntermediarySellerId("TYPED-1"));
        Assert.False(without.FillIntermediarySellerId("LOJA-ML-3"));
        Assert.Equal("TYPED-1", without.Intermediary?.SellerId);
    }

    [Theory]
    [InlineData(SalesOrderStatus.PendenteDados, "pending")]
    [InlineData(SalesOrderStatus.ProntoParaFaturar, "ready")]
    [InlineData(SalesOrderStatus.CanceladoNaTray, "cancelled_on_tray")]
    [InlineData(SalesOrderStatus.Divergente, "divergent")]
    [InlineData(SalesOrderStatus.Faturado, "invoiced")]
    [InlineData(SalesOrderStatus.CanceladoNaTrayNfeAutorizada, "cancelled_on_tray_invoiced")]
    [InlineData(SalesOrderStatus.Cancelado, "cancelled")]
    public void Each_status_has_a_situation_code_and_back(SalesOrderStatus status, string code)
    {
        Assert.Equal(code, status.Situation());
        Assert.Equal(status, SalesOrderStatusLabels.FromSituation(code));
        Assert.Contains(code, SalesOrderSituations.All);
    }

    [Fact]
    public void A_cnpj_turns_the_buyer_into_a_company()
    {
        var order = Pending();

        order.SetCustomerTaxId("11.222.333/0001-81");

        Assert.True(order.Customer.IsCompany);
        Assert.Equal(TaxIdKind.Cnpj, order.Customer.TaxId?.Kind);
    }

    [Fact]
    public void A_divergent_order_stays_divergent_when_its_data_is_completed()
    {
        var order = Pending();
        order.MarkDivergent("Itens alterados na Tray");
        order.SetCustomerTaxId("52998224725");
        order.SetItemNcm(2, "65050022");
        order.SetInvoiceCity("SP", "São Paulo", Cities);

        Assert.Equal((SalesOrderStatus.Divergente, "Divergente"), (order.Status, order.StatusLabel));
        Assert.True(order.Evaluate().IsReady);
        Assert.Equal(SalesOrderStatus.Divergente, order.Status);
        Assert.Equal(OrderChange.Invalid, order.MarkInvoiced());
    }

    [Fact]
    public void A_ready_order_cancelled_on_tray_is_cancelled_and_cancelling_beats_divergence()
    {
        var order = SalesOrderFactoryTests.Import(TrayOrders.Order()).Order!;
        Assert.Equal(SalesOrderStatus.ProntoParaFaturar, order.Status);

        order.MarkDivergent("Total alterado na Tray");
        order.MarkCancelled();

        Assert.Equal(SalesOrderStatus.CanceladoNaTray, order.Status);
        Assert.Equal(OrderChange.Applied, order.SetItemNcm(1, "61091000"));
        Assert.Equal(SalesOrderStatus.CanceladoNaTray, order.Status);
    }

    [Fact]
    public void Only_a_ready_order_is_invoiced_and_then_its_data_is_final()
    {
        var pending = Pending();
        var ready = SalesOrderFactoryTests.Import(TrayOrders.Order()).Order!;

        Assert.Equal(OrderChange.Invalid, pending.MarkInvoiced());
        Assert.Equal(OrderChange.Applied, ready.MarkInvoiced());
        Assert.Equal((SalesOrderStatus.Faturado, "Faturado"), (ready.Status, ready.StatusLabel));
        Assert.Equal(OrderChange.Locked, ready.SetCustomerTaxId("11222333000181"));
        Assert.Equal(OrderChange.Locked, ready.SetItemNcm(1, "61091000"));
        Assert.Equal(OrderChange.Locked, ready.MarkInvoiced());

        // Issue 13: Tray's cancellation of an invoiced order shows as waiting for the NF-e's cancellation; still invoiced.
        ready.MarkCancelled();
        Assert.Equal((SalesOrderStatus.CanceladoNaTrayNfeAutorizada, "Cancelado na Tray — NF-e autorizada"), (ready.Status, ready.StatusLabel));
        Assert.True(ready.CancelledOnTray && ready.Invoiced);
    }

    [Fact]
    public void A_sales_order_survives_a_system_text_json_round_trip()
    {
        var order = SalesOrderFactoryTests.Import(TrayOrders.Order() with { Marketplace = new("Mercado Livre", "2000001", null, "ML-9", null) }).Order!;

        var copy = JsonSerializer.Deserialize<SalesOrder>(JsonSerializer.Serialize(order))!;

        Assert.Equal((order.Id, order.Status, order.PlacedAt, order.Totals), (copy.Id, copy.Status, copy.PlacedAt, copy.Totals));
        Assert.Equal(order.Customer.TaxId, copy.Customer.TaxId);
        Assert.Equal(order.Customer.DeliveryAddress, copy.Customer.DeliveryAddress);
        Assert.Equal(order.Intermediary, copy.Intermediary);
        Assert.Equal(order.Items.Select(i => (i.Line, i.Sku, i.Ncm, i.Discount, i.Freight)), copy.Items.Select(i => (i.Line, i.Sku, i.Ncm, i.Discount, i.Freight)));
        Assert.Equal(order.StatusLabel, copy.StatusLabel);
    }
}
