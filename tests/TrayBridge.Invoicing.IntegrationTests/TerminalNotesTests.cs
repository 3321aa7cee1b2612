using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>Issue 6: notes whose numbers end without an invoice. A denied note (uso denegado) is terminal and its number
/// used up; a rejected note given up for good has its number voided at SEFAZ (inutilização: signed, schema-valid, 102 with
/// a protocol). Neither is re-sent, nor is its order issued again under a new number by accident.</summary>
public sealed class TerminalNotesTests(InvoicingFixture fixture) : IClassFixture<InvoicingFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rejected_notes_number_is_voided_at_SEFAZ_and_the_note_is_terminal()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-void-number", series: 17);
        var badIe = fixture.Orders.AddReady(tenant.Id, recipientDocument: "11444777000161", stateRegistration: "110042490119");
        var batch = await tenant.IssueAsync(badIe);
        var rejected = (await tenant.SettledNotesAsync(batch.GetProperty("id").GetGuid()))[0];
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        var voidPath = $"api/invoicing/nfes/{rejected.GetProperty("id").GetGuid()}/void";

        var terse = await tenant.Client.PostAsJsonAsync(voidPath, new { justification = "desistência" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, terse.StatusCode);
        Assert.Contains("justification", await terse.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("validation", (await terse.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("code").GetString());
        var voided = await tenant.Client.PostAsJsonAsync(voidPath, new { justification = "Pedido cancelado pelo cliente apos a rejeicao" }, Cancel);

        Assert.True(voided.StatusCode == HttpStatusCode.OK, await voided.Content.ReadAsStringAsync(Cancel));
        var note = await voided.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(("Voided", "102", "Inutilizada"), (note.GetProperty("status").GetString(), note.GetProperty("statusCode").GetString(),
            note.GetProperty("situation").GetString()));
        Assert.False(string.IsNullOrEmpty(note.GetProperty("protocol").GetString()));
        var atSefaz = Assert.Single(fixture.Sefaz.Admin.Voided(), v => v.Serie == 17);
        Assert.Equal((EmitterSetup.Cnpj, rejected.GetProperty("number").GetInt32(), rejected.GetProperty("number").GetInt32()),
            (atSefaz.Issuer, atSefaz.First, atSefaz.Last));
        var twice = await tenant.Client.PostAsJsonAsync(voidPath, new { justification = "Pedido cancelado pelo cliente apos a rejeicao" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("nfe.not_rejected", (await twice.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await tenant.Client.PostAsync($"api/invoicing/nfes/{rejected.GetProperty("id").GetGuid()}/resend", null, Cancel)).StatusCode);
        var again = await tenant.SettledBatchAsync((await tenant.IssueAsync(badIe)).GetProperty("id").GetGuid());
        var skip = Assert.Single(Tenant.Skipped(again)).Value;
        Assert.Equal("order.has_nfe", skip.Code);
        Assert.Contains("Inutilizada", skip.Detail);
    }

    [Fact]
    public async Task A_denied_note_is_terminal_its_number_used_up_and_the_others_go_on()
    {
        const string irregular = "52998224725";
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-denied", series: 18);
        fixture.Sefaz.Admin.UpdateSettings(s => s with { IrregularRecipients = [irregular] });
        try
        {
            var denied = fixture.Orders.AddReady(tenant.Id, recipientDocument: irregular);
            var good = fixture.Orders.AddReady(tenant.Id);
            var batch = await tenant.IssueAsync(denied, good);

            var notes = await tenant.SettledNotesAsync(batch.GetProperty("id").GetGuid());
            var deniedNote = notes.Single(n => n.GetProperty("salesOrderId").GetGuid() == denied);
            Assert.Equal(("Denied", "302"), (deniedNote.GetProperty("status").GetString(), deniedNote.GetProperty("statusCode").GetString()));
            Assert.Equal("Authorized", notes.Single(n => n.GetProperty("salesOrderId").GetGuid() == good).GetProperty("status").GetString());
            Assert.Equal([1, 2], notes.Select(n => n.GetProperty("number").GetInt32()).Order());
            Assert.Equal(HttpStatusCode.Conflict, (await tenant.Client.PostAsync($"api/invoicing/nfes/{deniedNote.GetProperty("id").GetGuid()}/resend", null, Cancel)).StatusCode);
            // A denied note is no valid note: a link to it (however it was obtained) answers 410, never the document.
            using var anonymous = new HttpClient();
            Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync(OldLinks.Url(fixture, tenant.Id, deniedNote.GetProperty("id").GetGuid(), "xml"), Cancel)).StatusCode);
            await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Orders.Rejected.Any(e => e.SalesOrderId == denied && e.StatusCode == "302")),
                found => found, TimeSpan.FromSeconds(30), "NfeRejected with cStat 302");
            var next = await tenant.IssueAsync(fixture.Orders.AddReady(tenant.Id));
            var third = (await tenant.SettledNotesAsync(next.GetProperty("id").GetGuid()))[0];
            Assert.Equal(3, third.GetProperty("number").GetInt32());
        }
        finally { fixture.Sefaz.Admin.UpdateSettings(s => s with { IrregularRecipients = [] }); }
    }
}
