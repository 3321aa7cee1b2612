using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>Issue 6: the emitter's tax table is a setting — the defaults until the accountant changes them, codes checked
/// before they are kept, and the next note built with them.</summary>
public sealed class TaxRulesTests(InvoicingFixture fixture) : IClassFixture<InvoicingFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_changed_table_is_checked_kept_and_used_by_the_next_note_and_DELETE_restores_the_defaults()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-tax-rules", series: 16);
        var initial = await tenant.Client.GetFromJsonAsync<JsonElement>("api/invoicing/emitter/tax-rules", Cancel);
        Assert.True(initial.GetProperty("isDefault").GetBoolean());
        Assert.Equal("5102", initial.GetProperty("rules").GetProperty("cfop").GetProperty("intra").GetString());

        var interstateCode = await tenant.Client.PutAsJsonAsync("api/invoicing/emitter/tax-rules", new { cfop = new { intra = "6102" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, interstateCode.StatusCode);
        var problem = await interstateCode.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.Contains("começando por 5", problem.GetProperty("errors").GetProperty("cfop.intra")[0].GetString());
        var notAUf = await tenant.Client.PutAsJsonAsync("api/invoicing/emitter/tax-rules", new { icms = new { byUf = new { XX = new { @internal = 18 } } } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, notAUf.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Client.PutAsJsonAsync("api/invoicing/emitter/tax-rules", new { csosn = "500x" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Client.PutAsJsonAsync("api/invoicing/emitter/tax-rules",
            new { icms = new { byUf = new Dictionary<string, object?> { ["RJ"] = null } } }, Cancel)).StatusCode);

        var saved = await tenant.Client.PutAsJsonAsync("api/invoicing/emitter/tax-rules", new
        {
            natureOfOperation = "VENDA DE PRODUCAO DO ESTABELECIMENTO", cfop = new { intra = "5101" },
            icms = new { byUf = new { RJ = new { @internal = 22, fcp = 2 } } },
        }, Cancel);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Cancel));
        var rules = (await saved.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("rules");
        // Left out: the defaults; the other UFs' rates stay.
        Assert.Equal(("5101", "6102"), (rules.GetProperty("cfop").GetProperty("intra").GetString(),
            rules.GetProperty("cfop").GetProperty("interstateContributor").GetString()));
        Assert.Equal((22m, 18m), (rules.GetProperty("icms").GetProperty("byUf").GetProperty("RJ").GetProperty("internal").GetDecimal(),
            rules.GetProperty("icms").GetProperty("byUf").GetProperty("SP").GetProperty("internal").GetDecimal()));

        var batch = await tenant.IssueAsync(fixture.Orders.AddReady(tenant.Id));
        var note = (await tenant.SettledNotesAsync(batch.GetProperty("id").GetGuid()))[0];
        Assert.Equal("Authorized", note.GetProperty("status").GetString());
        var xml = await tenant.Client.GetStringAsync(note.GetProperty("xmlUrl").GetString(), Cancel);
        Assert.Contains("<natOp>VENDA DE PRODUCAO DO ESTABELECIMENTO</natOp>", xml);
        Assert.Contains("<CFOP>5101</CFOP>", xml);

        Assert.Equal(HttpStatusCode.OK, (await tenant.Client.DeleteAsync("api/invoicing/emitter/tax-rules", Cancel)).StatusCode);
        Assert.True((await tenant.Client.GetFromJsonAsync<JsonElement>("api/invoicing/emitter/tax-rules", Cancel)).GetProperty("isDefault").GetBoolean());
        using var noEmitter = fixture.Client("tenant-tax-rules-none");
        Assert.Equal(HttpStatusCode.NotFound, (await noEmitter.GetAsync("api/invoicing/emitter/tax-rules", Cancel)).StatusCode);
    }
}
