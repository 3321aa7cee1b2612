using TrayBridge.Api.Orders;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Tests;

public sealed class SalesOrderFactoryTests
{
    internal static readonly IbgeCities Cities = IbgeCities.Load();
    private static readonly MarketplaceIntermediaries Table = new(new Dictionary<string, string> { ["Mercado Livre"] = "03.007.331/0001-41" });

    internal static ImportResult Import(TrayOrderFetched order, MarketplaceIntermediaries? table = null) =>
        SalesOrderFactory.FromTray(order, TrayOrders.ProductsFor(order), Cities, Guid.NewGuid(), table ?? Table);

    [Fact]
    public void A_complete_order_is_ready_with_its_snapshot_and_prorated_lines()
    {
        var order = TrayOrders.Order();
        var products = TrayOrders.ProductsFor(order);
        var id = Guid.NewGuid();

        var result = SalesOrderFactory.FromTray(order, products, Cities, id, Table);

        Assert.True(result.Imported);
        var sales = result.Order;
        Assert.Equal((id, "acme", "391250", "1001", "LOJA VIRTUAL"), (sales.Id, sales.TenantId, sales.StoreId, sales.TrayOrderId, sales.Origin));
        Assert.Equal(order.PlacedAt, sales.PlacedAt);
        Assert.Equal((SalesOrderStatus.ProntoParaFaturar, "Pronto para faturar"), (sales.Status, sales.StatusLabel));
        Assert.Equal("52998224725", sales.Customer.TaxId?.Value);
        Assert.False(sales.Customer.IsCompany);
        Assert.Equal("3550308", sales.Customer.DeliveryAddress?.IbgeCode);
        Assert.Equal("3545803", sales.Customer.BillingAddress?.IbgeCode);
        Assert.Equal(new SalesOrderTotals(130m, 10m, 15m, 0m), sales.Totals);
        Assert.Equal([1, 2], sales.Items.Select(i => i.Line));
        Assert.Equal([products[0].ProductId, products[1].ProductId], sales.Items.Select(i => i.ProductId));
        // 10.00 off and 15.00 freight over 100.00 and 30.00: 7.6923/2.3077 and 11.5385/3.4615, to the cent by largest remainder.
        Assert.Equal([7.69m, 2.31m], sales.Items.Select(i => i.Discount));
        Assert.Equal([11.54m, 3.46m], sales.Items.Select(i => i.Freight));
        Assert.Equal([100m, 30m], sales.Items.Select(i => i.Gross));
    }

    [Fact]
    public void An_order_with_progressive_discounts_Tray_took_off_its_total_is_imported_with_them_prorated_to_the_cent()
    {
        var result = Import(TrayOrders.Order() with { ProgressiveDiscount = 7.50m, ShippingProgressiveDiscount = 5.00m, Total = 122.50m });

        Assert.True(result.Imported);
        var sales = result.Order;
        Assert.Equal(new SalesOrderTotals(130.00m, 17.50m, 10.00m, 0), sales.Totals);
        Assert.Equal(122.50m, sales.Totals.Total);
        // 17.50 off over 100.00 and 30.00: 13.4615/4.0385 → 13.46 and 4.04 (the larger remainder takes the cent);
        // freight 15.00 − 5.00 = 10.00: 7.6923/2.3077 → 7.69 and 2.31.
        Assert.Equal([13.46m, 4.04m], sales.Items.Select(i => i.Discount));
        Assert.Equal([7.69m, 2.31m], sales.Items.Select(i => i.Freight));
        Assert.Equal(122.50m, sales.Items.Sum(i => i.Gross - i.Discount + i.Freight + i.OtherCharges));
    }

    [Fact]
    public void Totals_that_do_not_add_up_are_an_error_with_both_numbers()
    {
        var result = Import(TrayOrders.Order() with { Total = 134.90m });

        Assert.False(result.Imported);
        Assert.Equal(ImportErrorKind.TotalsMismatch, result.Error.Kind);
        Assert.Equal("Totais não conferem: Tray R$ 134,90, calculado R$ 135,00", result.Error.Message);
    }

    [Fact]
    public void An_order_without_items_or_with_a_quantity_not_positive_is_malformed()
    {
        var empty = Import(TrayOrders.Order() with { Items = [] });
        var zero = Import(TrayOrders.Order() with { Items = [TrayOrders.Item("CAM-1", 0, 50m)], Total = 15m, Discount = 0 });
        var negative = Import(TrayOrders.Order() with { Items = [TrayOrders.Item("CAM-1", -1, 50m)], Total = -35m });

        Assert.Equal((ImportErrorKind.Malformed, "Pedido sem itens"), (empty.Error?.Kind, empty.Error?.Message));
        Assert.Equal((ImportErrorKind.Malformed, "Quantidade inválida (0) no item 1, SKU CAM-1"), (zero.Error?.Kind, zero.Error?.Message));
        Assert.Equal(ImportErrorKind.Malformed, negative.Error?.Kind);
        Assert.Throws<ArgumentException>(() => SalesOrderFactory.FromTray(TrayOrders.Order(), [], Cities, Guid.NewGuid(), Table));
    }

    [Fact]
    public void Every_refused_import_carries_a_stable_code()
    {
        Assert.Equal(ImportReasonCodes.TotalsMismatch, Import(TrayOrders.Order() with { Total = 134.90m }).Error?.Code);
        Assert.Equal(ImportReasonCodes.NoItems, Import(TrayOrders.Order() with { Items = [] }).Error?.Code);
        Assert.Equal(ImportReasonCodes.NoCustomer, Import(TrayOrders.Order() with { Customer = null }).Error?.Code);
        Assert.Equal(ImportReasonCodes.InvalidQuantity, Import(TrayOrders.Order() with { Items = [TrayOrders.Item("CAM-1", 0, 50m)] }).Error?.Code);
        var negative = Import(TrayOrders.Order() with { Items = [TrayOrders.Item("CAM-1", 1, -5m)] }).Error;
        Assert.Equal((ImportReasonCodes.NegativePrice, "Preço negativo (R$ -5,00) no item 1, SKU CAM-1"), (negative?.Code, negative?.Message));
    }

    [Fact]
    public void A_cancelled_order_is_imported_as_cancelled_and_never_ready_even_if_its_totals_differ()
    {
        var result = Import(TrayOrders.Order() with { Cancelled = true, Total = 1m });

        Assert.True(result.Imported);
        Assert.Equal((SalesOrderStatus.CanceladoNaTray, "Cancelado na Tray"), (result.Order.Status, result.Order.StatusLabel));
        Assert.Empty(result.Order.Missing);
        Assert.Equal(OrderChange.Invalid, result.Order.MarkInvoiced());
    }

    [Fact]
    public void Missing_tax_id_ncm_and_city_make_it_pending_with_every_reason()
    {
        var order = TrayOrders.Order() with
        {
            Customer = TrayOrders.Person with
            {
                Cpf = "529.982.247-24", DeliveryAddress = TrayOrders.Delivery with { City = "Sao Paulinho" },
            },
            Items = [TrayOrders.Item("CAM-1", 2, 50m), TrayOrders.Item("BON-1", 1, 30m, ncm: "6505.00"), TrayOrders.Item("", 1, 0m, ncm: null)],
        };

        var sales = Import(order).Order!;

        Assert.Equal(SalesOrderStatus.PendenteDados, sales.Status);
        Assert.Equal("Pendente: falta CPF/CNPJ; falta NCM (SKU BON-1, item 3); falta código IBGE do município", sales.StatusLabel);
        Assert.Equal("529.982.247-24", sales.Customer.TrayTaxId);
        Assert.Null(sales.Customer.DeliveryAddress?.IbgeCode);
    }

    [Fact]
    public void Without_a_delivery_address_the_billing_address_city_counts()
    {
        var sales = Import(TrayOrders.Order() with { Customer = TrayOrders.Person with { DeliveryAddress = null } }).Order!;
        var unresolved = Import(TrayOrders.Order() with
        {
            Customer = TrayOrders.Person with { DeliveryAddress = null, BillingAddress = TrayOrders.Billing with { State = "RJ" } },
        }).Order!;

        Assert.Equal("3545803", sales.Customer.InvoiceAddress?.IbgeCode);
        Assert.Equal(SalesOrderStatus.ProntoParaFaturar, sales.Status);
        Assert.Equal(["falta código IBGE do município"], unresolved.Missing);
    }

    [Fact]
    public void A_company_buyer_is_identified_by_its_cnpj_even_an_alphanumeric_one()
    {
        var company = TrayOrders.Person with { Name = "ACME Ltda", IsCompany = true, Cpf = null, Cnpj = "12.ABC.345/01DE-35", StateInscription = "123456789" };

        var sales = Import(TrayOrders.Order() with { Customer = company }).Order!;

        Assert.Equal((TaxIdKind.Cnpj, "12ABC34501DE35"), (sales.Customer.TaxId?.Kind, sales.Customer.TaxId?.Value));
        Assert.True(sales.Customer.IsCompany);
        Assert.Equal("123456789", sales.Customer.StateInscription);
        Assert.True(sales.Evaluate().IsReady);
    }

    [Fact]
    public void A_marketplace_order_takes_the_sellers_id_from_tray_else_the_one_the_store_keeps_for_that_marketplace()
    {
        var order = TrayOrders.Order() with { Marketplace = new("Shopee", "S-77", "35.635.824/0001-12", null, null) };
        SalesOrder Imported(TrayOrderFetched o, string? storeSellerId) =>
            SalesOrderFactory.FromTray(o, TrayOrders.ProductsFor(o), Cities, Guid.NewGuid(), Table, storeSellerId).Order!;

        Assert.Equal("Pendente: falta id do vendedor no marketplace (Shopee)", Imported(order, null).StatusLabel);
        Assert.Equal(("LOJA-SHOPEE", SalesOrderStatus.ProntoParaFaturar),
            (Imported(order, "LOJA-SHOPEE").Intermediary?.SellerId, Imported(order, "LOJA-SHOPEE").Status));
        Assert.Equal("778899", Imported(order with { Marketplace = order.Marketplace! with { SellerId = " 778899 " } }, "LOJA-SHOPEE").Intermediary?.SellerId);
    }

    [Fact]
    public void A_marketplace_order_takes_the_intermediary_cnpj_from_tray_then_from_the_table_else_waits_for_it()
    {
        var fromTray = Import(TrayOrders.Order() with { Marketplace = new("Dafiti", "987654", "11.222.333/0001-81", "S-1", null) }).Order!;
        var fromTable = Import(TrayOrders.Order() with { Marketplace = new("MERCADO LIVRE", "2000001", null, "ML-9", null) }).Order!;
        var unknown = Import(TrayOrders.Order() with { Marketplace = new("Mercado Livre", "2000001", null, "ML-9", null) },
            MarketplaceIntermediaries.None).Order!;

        Assert.Equal(new MarketplaceIntermediary("Dafiti", "11222333000181", "S-1", "987654"), fromTray.Intermediary);
        Assert.Equal(SalesOrderStatus.ProntoParaFaturar, fromTray.Status);
        Assert.Equal(("03007331000141", SalesOrderStatus.ProntoParaFaturar), (fromTable.Intermediary?.Cnpj, fromTable.Status));
        Assert.Equal("Pendente: falta CNPJ do intermediador (Mercado Livre)", unknown.StatusLabel);
        Assert.Equal(OrderChange.Applied, unknown.SetIntermediaryCnpj("03.007.331/0001-41"));
        Assert.Equal(SalesOrderStatus.ProntoParaFaturar, unknown.Status);
    }

    [Fact]
    public void A_configured_intermediary_cnpj_must_be_valid() =>
        Assert.Throws<ArgumentException>(() => new MarketplaceIntermediaries(new Dictionary<string, string> { ["Shopee"] = "11.222.333/0001-82" }));
}
