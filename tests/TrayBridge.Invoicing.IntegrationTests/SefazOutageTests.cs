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
