using Bunit;
using TrayBridge.Api;
using TrayBridge.Api.Catalog;
using TrayBridge.Web.Api;
using TrayBridge.Web.Components.Pages.Export;
using TrayBridge.Web.Components.Pages.Products;
using TrayBridge.Web.Components.Shared;

namespace TrayBridge.Web.Tests;

/// <summary>The pieces of the Catalog's screens with logic: each export outcome as a person reads it, the cards from the API's
/// counts, and a field's message tied to its input.</summary>
public sealed class ExportComponentsTests : BunitContext
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_error_shows_its_reason_and_Tray_causes_an_integrated_product_its_Tray_id_and_a_pending_one_that_it_is_on_its_way()
    {
        ExportItemOutcome[] items =
        [
            new(Guid.NewGuid(), "CAN-1", "Caneca", 1, ExportItemStates.Failed, null, "A Tray recusou o produto: Bad Request", "export.tray_refused",
                ["O campo peso é obrigatório", "NCM inválido"], true, At),
            new(Guid.NewGuid(), "CAN-2", "Caneca azul", 1, ExportItemStates.Exported, "9001", null, null, [], null, At),
            new(Guid.NewGuid(), "CAN-3", null, 1, ExportItemStates.Pending, null, null, null, [], null, At),
        ];

        var cut = Render<ExportItemsTable>(p => p.Add(c => c.Items, items));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(["Erro", "Integrado", "Enviando…"], rows.Select(r => r.QuerySelector(".badge")!.TextContent));
        Assert.Equal("A Tray recusou o produto: Bad Request", rows[0].QuerySelector(".reason")!.TextContent);
        Assert.Equal(["O campo peso é obrigatório", "NCM inválido"], rows[0].QuerySelectorAll(".causes li").Select(li => li.TextContent));
        Assert.Equal("export.tray_refused", rows[0].GetAttribute("data-reason-code"));
        Assert.Contains("Produto 9001 na Tray", rows[1].TextContent);
        Assert.Contains("—", rows[2].TextContent);
    }

    [Fact]
    public void Cards_take_each_count_by_its_label_and_filter_by_the_situation_the_API_understands()
    {
        var counts = new Dictionary<string, long> { ["Integrado"] = 12, ["Não integrado"] = 3, ["Erro"] = 1, ["Desatualizado"] = 0 };

        var cards = ExportWords.Cards(counts);

        Assert.Equal([("Integrado", 12, "ok"), ("NaoIntegrado", 3, "neutral"), ("Erro", 1, "error"), ("Desatualizado", 0, "warn")],
            cards.Select(c => (c.Value, c.Count, c.Tone)));
        Assert.Equal("Não integrado", cards[1].Label);
        Assert.All(ExportWords.Cards(null), c => Assert.Equal(0, c.Count));
    }

    [Fact]
    public void The_status_line_counts_what_is_done_and_what_waits()
    {
        ExportProgress Progress(string status, int integrated, int failed, int pending) =>
            new(Guid.NewGuid(), "391250", At, status, integrated + failed + pending, integrated + failed, pending, integrated, integrated, failed, []);

        Assert.Equal("Em andamento: 2 produtos aguardando a Tray.", ExportWords.StatusText(Progress(ExportStatuses.InProgress, 1, 0, 2)));
        Assert.Equal("Concluída: 1 produto integrado.", ExportWords.StatusText(Progress(ExportStatuses.Completed, 1, 0, 0)));
        Assert.Equal("Concluída com erros: 3 produtos integrados, 1 com erro.", ExportWords.StatusText(Progress(ExportStatuses.CompletedWithErrors, 3, 1, 0)));
    }

    [Fact]
    public void A_field_shows_the_API_message_beside_it_and_its_input_points_at_it()
    {
        var error = new ApiError(400, ApiProblem.Validation, "Verifique os campos destacados.",
            new Dictionary<string, string[]> { ["variations[0].price"] = ["O preço deve ser maior que zero."] });

        var cut = Render<FormField>(p => p.Add(c => c.Id, "var1-price").Add(c => c.Label, "Preço").Add(c => c.Name, "Model.Variations[0].Price")
            .Add(c => c.Field, "variations[0].price").Add(c => c.Error, error).Add(c => c.Value, "0"));

        var input = cut.Find("input#var1-price");
        Assert.Equal("Preço", cut.Find("label[for=var1-price]").TextContent);
        Assert.Equal(("Model.Variations[0].Price", "true"), (input.GetAttribute("name"), input.GetAttribute("aria-invalid")));
        var message = cut.Find($"#{input.GetAttribute("aria-describedby")}");
        Assert.Equal("O preço deve ser maior que zero.", message.TextContent);
        var shared = Render<FieldError>(p => p.Add(c => c.Field, "variations[0].price").Add(c => c.Error, error));
        Assert.Equal(shared.Find("span").Id, FieldIds.For("variations[0].price"));

        var clean = Render<FormField>(p => p.Add(c => c.Id, "sku").Add(c => c.Label, "Referência").Add(c => c.Name, "Model.Sku").Add(c => c.Field, "sku"));
        Assert.False(clean.Find("input").HasAttribute("aria-describedby"));
    }
}
