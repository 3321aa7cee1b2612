using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.SefazSimulator.Faults;
using TrayBridge.TestSupport;

namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>Issue 6 / nfe.md §4.7: SEFAZ down leaves notes visibly waiting and they go through once it is back; an answer
/// lost after SEFAZ authorized is resolved by the resend's 204 and a consultation of the same key — never a new key.</summary>
public sealed class SefazOutageTests(InvoicingFixture fixture) : IClassFixture<InvoicingFixture>
{
    [Fact]
    public async Task Notes_wait_visibly_while_sefaz_is_down_and_are_authorized_once_it_is_back()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-outage", series: 21);
        fixture.Sefaz.Admin.SetFaults(new Faults { Down = true });
        try
        {
            var batch = await tenant.IssueAsync(fixture.Orders.AddReady(tenant.Id));
            var waiting = await Eventually.ReturnsAsync(() => tenant.NotesAsync("?status=Pending"),
                notes => notes.Count == 1 && notes[0].GetProperty("waiting").GetString() is { Length: > 0 }, TimeSpan.FromSeconds(30), "the note shows it waits for SEFAZ");
            Assert.Contains("Aguardando a SEFAZ", waiting[0].GetProperty("waiting").GetString());
            Assert.Equal("Aguardando", waiting[0].GetProperty("situation").GetString());
            fixture.Sefaz.Admin.ClearFaults();
            var settled = await tenant.SettledNotesAsync(batch.GetProperty("id").GetGuid());
            Assert.Equal("Authorized", settled[0].GetProperty("status").GetString());
        }
        finally { fixture.Sefaz.Admin.ClearFaults(); }
    }

    [Fact]
    public async Task Forged_protocol_a_protNFe_whose_digVal_is_not_the_notes_does_not_authorize_it_and_a_resend_meets_the_true_one()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-wrong-digval", series: 23);
        fixture.Sefaz.Admin.SetFaults(new Faults { WrongDigVal = true });
        try
        {
            var batch = await tenant.IssueAsync(fixture.Orders.AddReady(tenant.Id));
            var note = (await tenant.SettledNotesAsync(batch.GetProperty("id").GetGuid()))[0];
            Assert.Equal(("Rejected", "protocol_mismatch"), (note.GetProperty("status").GetString(), note.GetProperty("statusCode").GetString()));
            Assert.Contains("digVal", note.GetProperty("reason").GetString());
            Assert.Equal(JsonValueKind.Null, note.GetProperty("xmlUrl").ValueKind);
            Assert.Equal(JsonValueKind.Null, note.GetProperty("danfeUrl").ValueKind);

            // SEFAZ's true answer is one consultation away: the resend sends the same XML, meets 204 and consults the key.
            fixture.Sefaz.Admin.ClearFaults();
            var id = note.GetProperty("id").GetGuid();
            var resend = await tenant.Client.PostAsync($"api/invoicing/nfes/{id}/resend", null, TestContext.Current.CancellationToken);
            Assert.True(resend.StatusCode == System.Net.HttpStatusCode.Accepted, await resend.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var authorized = await Eventually.ReturnsAsync(() => tenant.Client.GetFromJsonAsync<JsonElement>($"api/invoicing/nfes/{id}"),
                n => n.GetProperty("status").GetString() == "Authorized", TimeSpan.FromSeconds(60), "the resent note is authorized");
            Assert.Equal(note.GetProperty("key").GetString(), authorized.GetProperty("key").GetString());
            Assert.Equal(JsonValueKind.String, authorized.GetProperty("xmlUrl").ValueKind);
        }
        finally { fixture.Sefaz.Admin.ClearFaults(); }
    }

    [Fact]
    public async Task An_answer_lost_after_authorization_is_resolved_by_consulting_the_same_key()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-lost-answer", series: 22);
        fixture.Sefaz.Admin.SetFaults(new Faults { TimeoutShare = 1 });
        try
        {
            var batch = await tenant.IssueAsync(fixture.Orders.AddReady(tenant.Id));
            await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Sefaz.Admin.Notes().Count(n => n.Serie.TrimStart('0') == "22")), n => n >= 1,
                TimeSpan.FromSeconds(30), "SEFAZ authorizes the note whose answer it withholds");
            fixture.Sefaz.Admin.ClearFaults();
            var note = (await tenant.SettledNotesAsync(batch.GetProperty("id").GetGuid()))[0];
            Assert.Equal(("Authorized", "100"), (note.GetProperty("status").GetString(), note.GetProperty("statusCode").GetString()));
            var atSefaz = fixture.Sefaz.Admin.Notes().Where(n => n.Serie.TrimStart('0') == "22").ToList();
            Assert.Single(atSefaz, n => n.CStat == 100);
            Assert.Equal(note.GetProperty("key").GetString(), atSefaz.Single(n => n.CStat == 100).Key);
            Assert.Contains(atSefaz, n => n.CStat == 204);
        }
        finally { fixture.Sefaz.Admin.ClearFaults(); }
    }
}
