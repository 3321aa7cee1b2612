using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Api;
using TrayBridge.Api.Orders;
using TrayBridge.Api.Tray;
using TrayBridge.Web.Api;
using TrayBridge.Web.Components.Pages.SalesOrders;

namespace TrayBridge.Web.Tests;

/// <summary>Pedidos de venda: an invoiced order's "Informar envio", whether its tracking reached Tray, and the bulk form's lines.</summary>
public sealed class ShipmentComponentTests : BunitContext
{
    public ShipmentComponentTests() => Services.AddSingleton<AntiforgeryStateProvider>(new NoAntiforgery());

    private static readonly Guid OrderId = Guid.Parse("0193c1a0-0000-7000-8000-0000000000bb");

    private static SalesOrderSummary Invoiced(ShipmentData? shipment = null) => new(OrderId, "391250", "2005", "LOJA VIRTUAL",
        DateTimeOffset.Parse("2026-03-04T09:00:00-03:00"), "Maria Souza", 135.00m, "Faturado", "Faturado", [], SalesOrderSituations.Invoiced,
        [], null, null, null, "35260311222333000181550010000012011000012017", 1201, null, "São Paulo", "SP") { ShipmentInfo = shipment };

    private static readonly ShipmentData Shipped = new("Correios", "QB123456789BR", "https://rastreio.example/QB123456789BR", new DateOnly(2026, 3, 5),
        DateTimeOffset.Parse("2026-03-05T10:00:00-03:00"));

    private static ShipmentDeliveryItem Delivery(string state, bool statusMoved = true, string? note = null, string? error = null) => new("391250", "2005",
        OrderId, "Correios", "QB123456789BR", null, new DateOnly(2026, 3, 5), state, statusMoved, note, 1, error, DateTimeOffset.UtcNow, null);

    [Fact]
    public void An_invoiced_order_not_yet_shipped_offers_the_form_with_a_labelled_field_each()
    {
        var cut = Render<ShipmentRow>(p => p.Add(c => c.Order, Invoiced()));

        Assert.Equal("Informar envio", cut.Find("summary").TextContent);
        Assert.Equal(["Transportadora", "Código de rastreio do pedido 2005", "URL de rastreio", "Data do envio"], cut.FindAll("label").Select(l => l.TextContent));
        Assert.All(cut.FindAll("label"), label => Assert.NotNull(cut.Find($"input#{label.GetAttribute("for")}")));
        Assert.Empty(cut.FindAll("[data-shipment-state]"));
    }

    [Theory]
    [InlineData(ShipmentDeliveryStates.Sent, true, null, null, "Rastreio enviado à Tray", false)]
    [InlineData(ShipmentDeliveryStates.Sent, false, "Nenhum status da loja está mapeado como \"enviado\"", null, "Rastreio enviado à Tray", true)]
    [InlineData(ShipmentDeliveryStates.Pending, false, null, null, "Rastreio aguardando envio à Tray", false)]
    [InlineData(ShipmentDeliveryStates.Error, false, null, "a Tray respondeu 404 — Not Found: Pedido não encontrado", "Erro ao enviar o rastreio à Tray", true)]
    public void A_shipped_order_says_whether_its_tracking_reached_Tray_with_the_reason_and_Reenviar_when_it_applies(string state, bool moved,
        string? note, string? error, string label, bool resend)
    {
        var cut = Render<ShipmentRow>(p => p.Add(c => c.Order, Invoiced(Shipped)).Add(c => c.Delivery, Delivery(state, moved, note, error)));

        Assert.Equal(label, cut.Find("[data-shipment-state]").TextContent);
        Assert.Contains("QB123456789BR", cut.Find("a[href='https://rastreio.example/QB123456789BR']").TextContent);
        Assert.Equal("Corrigir envio", cut.Find("summary").TextContent);
        if (note is not null) Assert.Contains(note, cut.Markup);
        if (error is not null) Assert.Contains(error, cut.Markup);
        Assert.Equal(resend, cut.FindAll("button").Any(b => b.TextContent == "Reenviar"));
    }

    [Fact]
    public void A_refused_shipment_shows_the_field_message_beside_the_code()
    {
        var error = new ApiError(400, ApiProblem.Validation, "Verifique os campos.", new Dictionary<string, string[]> { ["trackingCode"] = ["Informe o código de rastreio."] });
        var cut = Render<ShipmentRow>(p => p.Add(c => c.Order, Invoiced()).Add(c => c.Error, error));

        var message = cut.Find(".field-error");
        Assert.Equal("Informe o código de rastreio.", message.TextContent);
        Assert.Equal(message.Id, cut.Find("input[name=rastreio]").GetAttribute("aria-describedby"));
        Assert.True(cut.Find("details").HasAttribute("open"));
    }

    [Fact]
    public void The_bulk_lines_take_order_code_and_url_as_pasted_and_give_back_the_rest()
    {
        var (lines, unreadable) = ShipmentText.ParseLines("123 QB1BR\r\n456;QB2BR;https://r.example/2\n\n789\tQB3BR\nsem número\n12 a b c");

        Assert.Equal([("123", "QB1BR", null), ("456", "QB2BR", "https://r.example/2"), ("789", "QB3BR", (string?)null)], lines);
        Assert.Equal(["sem número", "12 a b c"], unreadable);
    }

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
