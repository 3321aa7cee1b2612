using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>Issue 6: batches of sales orders become authorized NF-e at the SEFAZ simulator; per-order problems are
/// skipped with the reason, a rejection does not block the others and is re-sent under its number after a fix.</summary>
public sealed class BatchTests(InvoicingFixture fixture) : IClassFixture<InvoicingFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_orders_are_authorized_with_consecutive_numbers_and_schema_valid_nfeProc_while_others_are_skipped_with_reasons()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-batch-ok", series: 11);
        var ready = Enumerable.Range(0, 3).Select(_ => fixture.Orders.AddReady(tenant.Id)).ToArray();
        var pending = fixture.Orders.AddReady(tenant.Id, status: "PendenteDados");
        var cancelled = fixture.Orders.AddReady(tenant.Id, status: "CanceladoNaTray");
        var unknown = Guid.NewGuid();

        var accepted = await tenant.IssueAsync([.. ready, pending, cancelled, unknown]);
        var skipped = accepted.GetProperty("skipped").EnumerateArray().ToDictionary(s => s.GetProperty("salesOrderId").GetGuid(), s => s.GetProperty("reason").GetString()!);
        Assert.Contains("falta NCM", skipped[pending]);
        Assert.Contains("Cancelled", skipped[cancelled]);
        Assert.Contains("Unknown", skipped[unknown]);

        var batch = await tenant.SettledBatchAsync(accepted.GetProperty("id").GetGuid());
        var notes = batch.GetProperty("nfes").EnumerateArray().ToList();
        Assert.All(notes, n => Assert.Equal("Authorized", n.GetProperty("status").GetString()));
        Assert.Equal([1, 2, 3], notes.Select(n => n.GetProperty("number").GetInt32()));
        Assert.Equal(ready.Order(), notes.Select(n => n.GetProperty("salesOrderId").GetGuid()).Order());
        Assert.Equal(3, (await tenant.NotesAsync($"?status=Authorized&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}")).Count);
        Assert.Empty(await tenant.NotesAsync($"?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}"));
        Assert.Single(await tenant.NotesAsync("?number=2"));
        using var anonymous = new HttpClient();
        foreach (var note in notes)
        {
            var xml = await anonymous.GetStringAsync(note.GetProperty("xmlUrl").GetString(), Cancel);
            Assert.Empty(NfeProcSchema.Errors(xml));
            Assert.Contains($"<chNFe>{note.GetProperty("key").GetString()}</chNFe>", xml);
        }
        Assert.Equal(3, fixture.Sefaz.Admin.Notes().Count(n => n.CStat == 100 && notes.Any(x => x.GetProperty("key").GetString() == n.Key)));

        // NfeIssued through the relay, once per note, with the signed DANFE and XML links.
        var keys = notes.Select(n => n.GetProperty("key").GetString()).ToHashSet();
        var issued = await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Orders.Issued.Where(e => keys.Contains(e.ChaveDeAcesso)).ToList()),
            events => events.Count >= 3, TimeSpan.FromSeconds(30), "NfeIssued for each note");
        Assert.Equal(3, issued.DistinctBy(e => e.ChaveDeAcesso).Count());
        Assert.All(issued, e => Assert.Equal(("391250", 109.80m, "5102"), (e.StoreId, e.Total, e.Items.Single().Cfop)));
        var byKey = notes.ToDictionary(n => n.GetProperty("key").GetString()!);
        Assert.All(issued, e => Assert.Equal(
            (byKey[e.ChaveDeAcesso].GetProperty("danfeUrl").GetString(), byKey[e.ChaveDeAcesso].GetProperty("xmlUrl").GetString()), (e.DanfeUrl, e.XmlUrl)));
    }

    [Fact]
    public async Task An_authorized_notes_DANFE_link_serves_its_PDF_to_anyone_holding_it_and_is_the_link_NfeIssued_carries()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-batch-danfe", series: 14);
        var order = fixture.Orders.AddReady(tenant.Id);
        var accepted = await tenant.IssueAsync(order);
        var note = (await tenant.SettledBatchAsync(accepted.GetProperty("id").GetGuid())).GetProperty("nfes").EnumerateArray().Single();
        Assert.Equal("Authorized", note.GetProperty("status").GetString());
        var danfeUrl = note.GetProperty("danfeUrl").GetString()!;
        Assert.Equal(danfeUrl, (await tenant.NotesAsync($"?salesOrderId={order}")).Single().GetProperty("danfeUrl").GetString());

        using var anonymous = new HttpClient();
        using var danfe = await anonymous.GetAsync(danfeUrl, Cancel);
        Assert.Equal(HttpStatusCode.OK, danfe.StatusCode);
        Assert.Equal("application/pdf", danfe.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await danfe.Content.ReadAsByteArrayAsync(Cancel))[..4]));

        // One character of the token changed, and the XML link's token (signed for another purpose), find nothing.
        var token = new Uri(danfeUrl).Segments[^2].TrimEnd('/');
        var signature = token.IndexOf('.') + 1;
        var tampered = token[..signature] + (token[signature] == 'A' ? 'B' : 'A') + token[(signature + 1)..];
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(danfeUrl.Replace(token, tampered), Cancel)).StatusCode);
        var xmlToken = new Uri(note.GetProperty("xmlUrl").GetString()!).Segments[^2].TrimEnd('/');
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(danfeUrl.Replace(token, xmlToken), Cancel)).StatusCode);

        var issued = await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Orders.Issued.FirstOrDefault(e => e.SalesOrderId == order)),
            e => e is not null, TimeSpan.FromSeconds(30), "NfeIssued for the note");
        Assert.Equal(danfeUrl, issued!.DanfeUrl);
    }

    [Fact]
    public async Task A_note_rejected_for_the_recipients_ie_does_not_block_the_others_and_is_resent_under_its_number_after_a_fix()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-batch-reject", series: 12);
        var good = fixture.Orders.AddReady(tenant.Id);
        var badIe = fixture.Orders.AddReady(tenant.Id, recipientDocument: "11444777000161", stateRegistration: "110042490119");
        var accepted = await tenant.IssueAsync(good, badIe);

        var notes = (await tenant.SettledBatchAsync(accepted.GetProperty("id").GetGuid())).GetProperty("nfes").EnumerateArray().ToList();
        var rejected = notes.Single(n => n.GetProperty("salesOrderId").GetGuid() == badIe);
        Assert.Equal("Authorized", notes.Single(n => n.GetProperty("salesOrderId").GetGuid() == good).GetProperty("status").GetString());
        Assert.Equal(("Rejected", "210"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("statusCode").GetString()));
        Assert.False(string.IsNullOrEmpty(rejected.GetProperty("reason").GetString()));
        await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Orders.Rejected.Any(e => e.SalesOrderId == badIe && e.StatusCode == "210")),
            found => found, TimeSpan.FromSeconds(30), "NfeRejected with cStat 210");

        fixture.Orders.Fix(badIe, o => o with { Order = o.Order! with { Recipient = o.Order.Recipient with { StateRegistration = "110042490114" } } });
        var resend = await tenant.Client.PostAsync($"api/invoicing/nfes/{rejected.GetProperty("id").GetGuid()}/resend", null, Cancel);
        Assert.True(resend.StatusCode == HttpStatusCode.Accepted, await resend.Content.ReadAsStringAsync(Cancel));
        var after = await Eventually.ReturnsAsync(() => tenant.NotesAsync($"?salesOrderId={badIe}"),
            list => list.Single().GetProperty("status").GetString() is "Authorized", TimeSpan.FromSeconds(60), "the fixed note is authorized");
        Assert.Equal(rejected.GetProperty("number").GetInt32(), after.Single().GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Request_level_faults_are_4xx_and_nothing_is_issued()
    {
        using var noEmitter = fixture.Client("tenant-batch-no-emitter");
        var order = fixture.Orders.AddReady("tenant-batch-no-emitter");
        Assert.Equal(HttpStatusCode.Conflict, (await noEmitter.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = new[] { order } }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await noEmitter.PutAsJsonAsync("api/invoicing/emitter", EmitterSetup.Body(fixture.Sefaz.BaseAddress), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await noEmitter.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = new[] { order } }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await noEmitter.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = Array.Empty<Guid>() }, Cancel)).StatusCode);
        Assert.Empty((await noEmitter.GetFromJsonAsync<JsonElement>("api/invoicing/nfes", Cancel)).EnumerateArray());
    }

    [Fact]
    public async Task With_Orders_not_answering_the_orders_it_did_answer_for_are_issued_the_rest_skipped_to_retry_and_none_answered_is_503()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-batch-orders-down", series: 15);
        var answered = fixture.Orders.AddReady(tenant.Id);
        var (silent, after) = (fixture.Orders.AddReady(tenant.Id), fixture.Orders.AddReady(tenant.Id));
        fixture.Orders.Unanswered[silent] = true;
        fixture.Orders.Unanswered[after] = true;

        var batch = await tenant.IssueAsync(answered, silent, after);

        Assert.Equal(1, batch.GetProperty("issued").GetInt32());
        var skipped = batch.GetProperty("skipped").EnumerateArray().ToList();
        Assert.Equal([silent, after], skipped.Select(s => s.GetProperty("salesOrderId").GetGuid()));
        Assert.All(skipped, s => Assert.Contains("não respondeu", s.GetProperty("reason").GetString()));
        var down = await tenant.Client.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = new[] { silent } }, Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);

        fixture.Orders.Unanswered.Clear();
        var again = await tenant.IssueAsync(silent, after);
        Assert.Equal(2, again.GetProperty("issued").GetInt32());
        var numbers = (await tenant.Client.GetFromJsonAsync<JsonElement>("api/invoicing/nfes", Cancel)).EnumerateArray()
            .Select(n => n.GetProperty("number").GetInt32()).Order();
        Assert.Equal([1, 2, 3], numbers);
    }
}
