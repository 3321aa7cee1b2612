using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Api;
using TrayBridge.Api.Invoicing;
using TrayBridge.Api.Orders;
using TrayBridge.Web.Api;
using TrayBridge.Web.Components.Pages.SalesOrders;

namespace TrayBridge.Web.Tests;

/// <summary>Vendas › Pedidos de venda: the inline fixes of a pending order, the cards' words, and a batch's results.</summary>
public sealed class SalesOrderComponentTests : BunitContext
{
    public SalesOrderComponentTests() => Services.AddSingleton<AntiforgeryStateProvider>(new NoAntiforgery());

    private static readonly Guid OrderId = Guid.Parse("0193c1a0-0000-7000-8000-0000000000aa");

    private static SalesOrderSummary Pending(params MissingItem[] missing) => new(OrderId, "391250", "2002", "LOJA VIRTUAL",
        DateTimeOffset.Parse("2026-03-02T23:30:00-03:00"), "Maria Souza", 135.00m, "PendenteDados", "Pendente: …", [], SalesOrderSituations.Pending,
        missing, null, null, null, null, null, null, "Sampa", "SP");

    private static readonly MissingItem[] Everything =
    [
        new(MissingCodes.TaxId, "Falta o CPF/CNPJ do cliente."), new(MissingCodes.Ncm, "Falta o NCM do item 2 (SKU BON-1).", 2),
        new(MissingCodes.CityCode, "Falta o código IBGE do município: \"Sampa\" (SP) não foi encontrado."),
        new(MissingCodes.IntermediaryCnpj, "Falta o CNPJ do intermediador (Shopee)."),
    ];

    [Fact]
    public void Each_missing_datum_gets_its_own_form_with_a_labelled_field_and_the_city_starts_from_the_address()
    {
        var cut = Render<PendingFixes>(p => p.Add(c => c.Order, Pending(Everything)));

        var fixes = cut.FindAll("li.fix");
        Assert.Equal([MissingCodes.TaxId, MissingCodes.Ncm, MissingCodes.CityCode, MissingCodes.IntermediaryCnpj], fixes.Select(f => f.GetAttribute("data-code")));
        Assert.Equal(4, cut.FindAll("form").Count);
        Assert.Equal(["CPF/CNPJ do cliente", "NCM do item 2", "UF", "Cidade (IBGE)", "CNPJ do intermediador"], cut.FindAll("label").Select(l => l.TextContent));
        // Every label names an input of its own.
        Assert.All(cut.FindAll("label"), label => Assert.NotNull(cut.Find($"input#{label.GetAttribute("for")}")));
        Assert.Equal(5, cut.FindAll("input[id]").Select(i => i.Id).Distinct().Count());
        Assert.Equal(("SP", "Sampa"), (cut.Find("input[name=uf]").GetAttribute("value"), fixes[2].QuerySelector("input[name=valor]")!.GetAttribute("value")));
        Assert.Contains("\"Sampa\" (SP) não foi encontrado", fixes[2].TextContent);
        Assert.Empty(cut.FindAll(".field-error"));
    }

    [Fact]
    public async Task The_sellers_id_on_the_marketplace_is_asked_with_the_choice_to_apply_it_to_the_whole_marketplace()
    {
        FixTarget? sent = null;
        var cut = Render<PendingFixes>(p => p.Add(c => c.Order, Pending(new MissingItem(MissingCodes.IntermediarySellerId,
            "Falta o id do vendedor no marketplace (Shopee) (idCadIntTran): o código da sua conta de vendedor lá."))).Add(c => c.OnFix, (FixTarget target) => sent = target));

        Assert.Equal(["Id do vendedor no marketplace", "Aplicar a todos os pedidos deste marketplace"], cut.FindAll("label").Select(l => l.TextContent));
        Assert.All(cut.FindAll("label"), label => Assert.NotNull(cut.Find($"input#{label.GetAttribute("for")}")));
        var all = cut.Find("input[type=checkbox][name=todos]");
        Assert.Equal(("true", true), (all.GetAttribute("value"), all.HasAttribute("checked")));
        Assert.Contains("Falta o id do vendedor no marketplace (Shopee)", cut.Markup);
        await cut.Find("form").SubmitAsync();
        Assert.Equal(new FixTarget(MissingCodes.IntermediarySellerId, null), sent);
    }

    [Fact]
    public void A_refused_fix_shows_the_field_message_beside_that_field_only_and_keeps_what_was_typed()
    {
        var error = new ApiError(400, ApiProblem.Validation, "Verifique os campos destacados.",
            new Dictionary<string, string[]> { ["ncm"] = ["O NCM tem 8 dígitos (ex.: 6109.10.00)."] });

        var cut = Render<PendingFixes>(p => p.Add(c => c.Order, Pending(Everything)).Add(c => c.Error, error)
            .Add(c => c.FailedKey, SalesOrderText.FixKey(MissingCodes.Ncm, 2)).Add(c => c.PostedValue, "6505"));

        var message = Assert.Single(cut.FindAll(".field-error"));
        Assert.Equal("O NCM tem 8 dígitos (ex.: 6109.10.00).", message.TextContent);
        var ncm = cut.FindAll("li.fix")[1].QuerySelector("input[name=valor]")!;
        Assert.Equal(("6505", "true", message.Id), (ncm.GetAttribute("value"), ncm.GetAttribute("aria-invalid"), ncm.GetAttribute("aria-describedby")));
        Assert.Null(cut.FindAll("li.fix")[0].QuerySelector("input[name=valor]")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public void A_refusal_without_a_field_shows_its_Portuguese_detail_never_the_status()
    {
        var error = new ApiError(409, OrderProblemCodes.Invoiced, "O pedido de venda já foi faturado: seus dados não podem mais ser alterados.", ApiError.NoErrors);

        var cut = Render<PendingFixes>(p => p.Add(c => c.Order, Pending(Everything[0])).Add(c => c.Error, error).Add(c => c.FailedKey, MissingCodes.TaxId));

        Assert.Equal(error.Detail, cut.Find(".field-error").TextContent);
        Assert.DoesNotContain("409", cut.Markup);
    }

    [Fact]
    public async Task Sending_a_fix_names_the_datum_and_the_line()
    {
        FixTarget? sent = null;
        var cut = Render<PendingFixes>(p => p.Add(c => c.Order, Pending(Everything)).Add(c => c.OnFix, (FixTarget target) => sent = target));

        await cut.FindAll("form")[1].SubmitAsync();

        Assert.Equal(new FixTarget(MissingCodes.Ncm, 2), sent);
    }

    [Fact]
    public void The_cards_are_the_situations_in_order_with_their_Portuguese_labels_and_zero_when_none()
    {
        var cards = SalesOrderText.Cards(new Dictionary<string, int> { [SalesOrderSituations.Pending] = 3, [SalesOrderSituations.Ready] = 12 });

        // Issue 13 adds the invoiced order Tray cancelled (waiting for its NF-e's cancellation) and the order cancelled in the ERP.
        Assert.Equal([("ready", "Pronto para faturar", 12, "ok"), ("pending", "Pendente", 3, "warn"), ("invoiced", "Faturado", 0, "neutral"),
            ("cancelled_on_tray_invoiced", "Cancelado na Tray — NF-e autorizada", 0, "warn"),
            ("cancelled_on_tray", "Cancelado na Tray", 0, "error"), ("cancelled", "Cancelado", 0, "error"), ("divergent", "Divergente", 0, "error")],
            cards.Select(c => (c.Value, c.Label, c.Count, c.Tone)));
    }

    [Theory]
    [InlineData("52998224725", "529.982.247-25")]
    [InlineData("12ABC34501DE35", "12.ABC.345/01DE-35")]
    [InlineData("123", "123")]
    public void A_tax_id_is_written_as_people_write_it(string bare, string written) => Assert.Equal(written, SalesOrderText.TaxId(bare));

    [Fact]
    public void A_batch_shows_each_note_result_with_its_reason_and_the_order_it_is()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        var progress = new BatchProgress(Guid.NewGuid(), DateTimeOffset.UtcNow, 4, new Dictionary<string, int>(), false,
        [
            new(a, BatchOrderStates.Authorized, Guid.NewGuid(), 1201, null),
            new(b, BatchOrderStates.Rejected, Guid.NewGuid(), 1202, new Reason("sefaz.rejected", "Rejeitada pela SEFAZ (539): Duplicidade de NF-e.")),
            new(c, BatchOrderStates.Skipped, null, null, new Reason("order.pending", "Pendente: falta NCM (SKU BON-1).")),
            new(d, BatchOrderStates.Issued, Guid.NewGuid(), 1203, null),
        ]);
        var orders = new Dictionary<Guid, SalesOrderSummary> { [a] = Pending() with { Id = a, TrayOrderId = "2001", Customer = "João" } };
        var notes = new Dictionary<Guid, NfeResponse>
        {
            [a] = new(progress.Orders[0].NfeId!.Value, a, progress.Id, "2001", 1, 1201, "3526…", 135m, DateTimeOffset.UtcNow, "Authorized", "100", "Autorizado",
                null, "135…", DateTimeOffset.UtcNow, "https://erp.test/xml", "https://erp.test/danfe", NfeSituations.Authorized),
            [b] = new(progress.Orders[1].NfeId!.Value, b, progress.Id, "2002", 1, 1202, "3526…", 10m, DateTimeOffset.UtcNow, "Rejected", "539", "Duplicidade",
                null, null, null, null, null, NfeSituations.Rejected),
        };

        var cut = Render<BatchOrdersTable>(p => p.Add(x => x.Progress, progress).Add(x => x.Orders, orders).Add(x => x.Notes, notes));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(["Autorizada", "Rejeitada", "Ignorada", "Enviada à SEFAZ, aguardando autorização"], rows.Select(r => r.QuerySelector(".badge")!.TextContent));
        Assert.Equal(("2001", "João", "R$ 135,00", "nº 1201"), (rows[0].Children[0].TextContent, rows[0].Children[1].TextContent, rows[0].Children[2].TextContent,
            rows[0].Children[3].TextContent));
        Assert.Equal("Rejeitada pela SEFAZ (539): Duplicidade de NF-e.", rows[1].QuerySelector(".reason")!.TextContent);
        Assert.Equal("order.pending", rows[2].QuerySelector(".reason")!.GetAttribute("data-code"));
        Assert.Equal("2002", rows[1].Children[0].TextContent); // Orders did not tell about it: the note's number of the Tray order
        Assert.Equal("—", rows[2].Children[0].TextContent);
        Assert.Equal(["https://erp.test/danfe", "https://erp.test/xml"], rows[0].QuerySelectorAll("a").Select(l => l.GetAttribute("href")));
        Assert.Equal("DANFE (PDF) do pedido 2001", rows[0].QuerySelector("a")!.GetAttribute("aria-label"));
        Assert.Empty(rows[1].QuerySelectorAll("a")); // only an authorized note has documents
        Assert.Equal(3, BatchText.Finished(progress)); // the issued note still waits for SEFAZ
    }

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
