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
        Assert.Equal(6, accepted.GetProperty("requested").GetInt32());
        var batchId = accepted.GetProperty("id").GetGuid();
        Assert.Equal($"/api/invoicing/batches/{batchId}", accepted.GetProperty("location").GetString());

        var progress = await tenant.SettledBatchAsync(batchId);
        var skipped = Tenant.Skipped(progress);
        Assert.Equal(("order.not_ready", true), (skipped[pending].Code, skipped[pending].Detail.Contains("falta NCM")));
        Assert.Equal("order.cancelled_on_tray", skipped[cancelled].Code);
        Assert.Equal("order.not_found", skipped[unknown].Code);
        Assert.All(skipped.Values, s => Assert.DoesNotMatch("[Oo]rder|[Cc]ancelled|[Uu]nknown", s.Detail));
        var counts = progress.GetProperty("counts");
        Assert.Equal((3, 3, 0, 0), (counts.GetProperty("authorized").GetInt32(), counts.GetProperty("skipped").GetInt32(),
            counts.GetProperty("waiting").GetInt32(), counts.GetProperty("issued").GetInt32()));
        Assert.Equal(8, counts.EnumerateObject().Count()); // every state, zero included (issue 13 added "cancelled")
        var notes = await tenant.SettledNotesAsync(batchId);
        Assert.All(notes, n => Assert.Equal(("Authorized", "Autorizada"), (n.GetProperty("status").GetString(), n.GetProperty("situation").GetString())));
        var authorizedOrders = progress.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("state").GetString() == "authorized").ToList();
        Assert.Equal(notes.Select(n => (n.GetProperty("salesOrderId").GetGuid(), n.GetProperty("id").GetGuid(), n.GetProperty("number").GetInt32())).Order(),
            authorizedOrders.Select(o => (o.GetProperty("salesOrderId").GetGuid(), o.GetProperty("nfeId").GetGuid(), o.GetProperty("number").GetInt32())).Order());
        Assert.Equal([1, 2, 3], notes.Select(n => n.GetProperty("number").GetInt32()));
        Assert.Equal(ready.Order(), notes.Select(n => n.GetProperty("salesOrderId").GetGuid()).Order());
        Assert.Equal(3, (await tenant.NotesAsync($"?status=Authorized&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}")).Count);
        Assert.Empty(await tenant.NotesAsync($"?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}"));
        Assert.Single(await tenant.NotesAsync("?number=2"));
        // São Paulo days, both ends included, and the situation cards counted under the same filters.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")).ToString("yyyy-MM-dd");
        var page = await tenant.NotesPageAsync($"?situation=autorizada&from={today}&to={today}");
        Assert.Equal((3, 3), (page.GetProperty("total").GetInt32(), page.GetProperty("situations").GetProperty("Autorizada").GetInt32()));
        Assert.Equal(0, page.GetProperty("situations").GetProperty("Rejeitada").GetInt32());
        Assert.Equal(0, (await tenant.NotesPageAsync("?situation=Rejeitada")).GetProperty("total").GetInt32());
        Assert.Empty(await tenant.NotesAsync("?from=2020-01-01&to=2020-01-31"));
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
        var note = (await tenant.SettledNotesAsync(accepted.GetProperty("id").GetGuid())).Single();
        Assert.Equal("Authorized", note.GetProperty("status").GetString());
        var danfeUrl = note.GetProperty("danfeUrl").GetString()!;
        Assert.Equal(danfeUrl, (await tenant.NotesAsync($"?salesOrderId={order}")).Single().GetProperty("danfeUrl").GetString());

        using var anonymous = new HttpClient();
        using var danfe = await anonymous.GetAsync(danfeUrl, Cancel);
        Assert.Equal(HttpStatusCode.OK, danfe.StatusCode);
        Assert.Equal("application/pdf", danfe.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await danfe.Content.ReadAsByteArrayAsync(Cancel))[..4]));

        // One character of the token changed, and the XML link's token (made for another purpose), find nothing.
        var token = new Uri(danfeUrl).Segments[^2].TrimEnd('/');
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(danfeUrl.Replace(token, tampered), Cancel)).StatusCode);
        var xmlToken = new Uri(note.GetProperty("xmlUrl").GetString()!).Segments[^2].TrimEnd('/');
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(danfeUrl.Replace(token, xmlToken), Cancel)).StatusCode);

        var issued = await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Orders.Issued.FirstOrDefault(e => e.SalesOrderId == order)),
            e => e is not null, TimeSpan.FromSeconds(30), "NfeIssued for the note");
        Assert.Equal(danfeUrl, issued!.DanfeUrl);
    }

    [Fact]
    public async Task Attack_reading_the_tenant_and_note_out_of_a_DANFE_link_finds_nothing_and_the_token_stays_out_of_spans_and_logs()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-link-opaque", series: 41);
        var accepted = await tenant.IssueAsync(fixture.Orders.AddReady(tenant.Id));
        var note = (await tenant.SettledNotesAsync(accepted.GetProperty("id").GetGuid())).Single();
        var noteId = note.GetProperty("id").GetGuid();
        var danfeUrl = note.GetProperty("danfeUrl").GetString()!;
        var token = new Uri(danfeUrl).Segments[^2].TrimEnd('/');

        // In no decoding of the token (as text, base64url of the whole or of any dot-separated part) is the tenant or the note.
        var secrets = new[] { tenant.Id, noteId.ToString(), noteId.ToString("N") };
        var decodings = new List<byte[]> { Encoding.UTF8.GetBytes(token) };
        foreach (var part in token.Split('.').Append(token))
        {
            var padded = part.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            try { decodings.Add(Convert.FromBase64String(padded)); } catch (FormatException) { }
        }
        Assert.All(decodings, bytes =>
        {
            var text = Encoding.Latin1.GetString(bytes);
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
            Assert.False(bytes.AsSpan().IndexOf(noteId.ToByteArray()) >= 0, "the note id's bytes are in the token");
        });

        using var anonymous = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(danfeUrl, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(note.GetProperty("xmlUrl").GetString(), Cancel)).StatusCode);

        // The request was traced and logged (with the token masked), and the token is in neither.
        await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Spans.Contains("/public/invoicing/nfes/{token}/danfe")), found => found,
            TimeSpan.FromSeconds(30), "the DANFE request's span");
        await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Log.Contains("/public/invoicing/nfes/***/danfe")), found => found,
            TimeSpan.FromSeconds(30), "the DANFE request's log line, its token masked");
        Assert.DoesNotContain(token, fixture.Spans);
        Assert.DoesNotContain(token, fixture.Log);
    }

    [Fact]
    public async Task Attack_using_a_revoked_notes_DANFE_and_XML_links_gets_410_while_another_notes_links_and_old_format_links_still_work()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-link-revoke", series: 42);
        var accepted = await tenant.IssueAsync(fixture.Orders.AddReady(tenant.Id), fixture.Orders.AddReady(tenant.Id));
        var notes = await tenant.SettledNotesAsync(accepted.GetProperty("id").GetGuid());
        Assert.All(notes, n => Assert.Equal("Authorized", n.GetProperty("status").GetString()));
        var (revoked, kept) = (notes[0], notes[1]);
        using var anonymous = new HttpClient();
        // Links handed out before tokens became opaque (readable tenant and note, HMAC-signed) keep working for Tray.
        string OldFormat(JsonElement note, string purpose, string document) =>
            $"{fixture.Invoicing.BaseAddress}public/invoicing/nfes/{OldLinks.Token(fixture, tenant.Id, purpose, note.GetProperty("id").GetGuid())}/{document}";
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(OldFormat(revoked, "invoicing-nfe-danfe", "danfe"), Cancel)).StatusCode);

        var revoke = await tenant.Client.PostAsync($"api/invoicing/nfes/{revoked.GetProperty("id").GetGuid()}/links/revoke", null, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        foreach (var url in new[] { revoked.GetProperty("danfeUrl").GetString()!, revoked.GetProperty("xmlUrl").GetString()!,
                     OldFormat(revoked, "invoicing-nfe-danfe", "danfe"), OldFormat(revoked, "invoicing-nfe-xml", "xml") })
        {
            using var gone = await anonymous.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            var problem = await gone.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal("nfe.link_revoked", problem.GetProperty("code").GetString());
            Assert.Contains("revogado", problem.GetProperty("detail").GetString());
        }
        foreach (var url in new[] { kept.GetProperty("danfeUrl").GetString()!, kept.GetProperty("xmlUrl").GetString()!,
                     OldFormat(kept, "invoicing-nfe-xml", "xml") })
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url, Cancel)).StatusCode);

        // The note says so, without links; revoking again is harmless; another tenant's note is not found.
        var shown = await tenant.Client.GetFromJsonAsync<JsonElement>($"api/invoicing/nfes/{revoked.GetProperty("id").GetGuid()}", Cancel);
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.String), (shown.GetProperty("danfeUrl").ValueKind,
            shown.GetProperty("xmlUrl").ValueKind, shown.GetProperty("linksRevokedAt").ValueKind));
        Assert.Equal(HttpStatusCode.NoContent,
            (await tenant.Client.PostAsync($"api/invoicing/nfes/{revoked.GetProperty("id").GetGuid()}/links/revoke", null, Cancel)).StatusCode);
        using var other = fixture.Client("tenant-link-revoke-other");
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.PostAsync($"api/invoicing/nfes/{kept.GetProperty("id").GetGuid()}/links/revoke", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(kept.GetProperty("danfeUrl").GetString(), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_note_rejected_for_the_recipients_ie_does_not_block_the_others_and_is_resent_under_its_number_after_a_fix()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-batch-reject", series: 12);
        var good = fixture.Orders.AddReady(tenant.Id);
        var badIe = fixture.Orders.AddReady(tenant.Id, recipientDocument: "11444777000161", stateRegistration: "110042490119");
        var accepted = await tenant.IssueAsync(good, badIe);

        var progress = await tenant.SettledBatchAsync(accepted.GetProperty("id").GetGuid());
        var notes = await tenant.SettledNotesAsync(accepted.GetProperty("id").GetGuid());
        Assert.True(notes.Count == 2, $"both orders have a note: {progress}");
        var rejected = notes.Single(n => n.GetProperty("salesOrderId").GetGuid() == badIe);
        var rejectedOrder = progress.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("salesOrderId").GetGuid() == badIe);
        Assert.Equal(("rejected", "sefaz.rejected"), (rejectedOrder.GetProperty("state").GetString(), rejectedOrder.GetProperty("reason").GetProperty("code").GetString()));
        Assert.Contains("210", rejectedOrder.GetProperty("reason").GetProperty("detail").GetString());
        Assert.Equal("Rejeitada", rejected.GetProperty("situation").GetString());
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
    public async Task Request_level_faults_are_4xx_with_a_code_and_Portuguese_detail_and_nothing_is_issued()
    {
        using var noEmitter = fixture.Client("tenant-batch-no-emitter");
        var order = fixture.Orders.AddReady("tenant-batch-no-emitter");
        await AssertProblemAsync(await noEmitter.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = new[] { order } }, Cancel),
            HttpStatusCode.Conflict, "emitter.not_found");
        Assert.Equal(HttpStatusCode.OK, (await noEmitter.PutAsJsonAsync("api/invoicing/emitter", EmitterSetup.Body(), Cancel)).StatusCode);
        await AssertProblemAsync(await noEmitter.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = new[] { order } }, Cancel),
            HttpStatusCode.Conflict, "emitter.no_certificate");
        await AssertProblemAsync(await noEmitter.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = Array.Empty<Guid>() }, Cancel),
            HttpStatusCode.BadRequest, "validation");
        var tooMany = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()).ToArray();
        var refused = await AssertProblemAsync(await noEmitter.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds = tooMany }, Cancel),
            HttpStatusCode.BadRequest, "batch.too_many_orders");
        Assert.Contains("1.000", refused.GetProperty("detail").GetString());
        await AssertProblemAsync(await noEmitter.GetAsync($"api/invoicing/batches/{Guid.NewGuid()}", Cancel), HttpStatusCode.NotFound, "batch.not_found");
        await AssertProblemAsync(await noEmitter.GetAsync("api/invoicing/nfes?pageSize=201", Cancel), HttpStatusCode.BadRequest, "validation");
        await AssertProblemAsync(await noEmitter.GetAsync("api/invoicing/nfes?situation=Estornada", Cancel), HttpStatusCode.BadRequest, "validation");
        Assert.Empty(await new Tenant(fixture, "tenant-batch-no-emitter").NotesAsync());
    }

    [Fact]
    public async Task A_batch_of_1000_is_accepted_at_once_and_read_from_Orders_in_chunks_of_50()
    {
        // Orders not answering any of them: the 202 comes before anything is read, and each order ends skipped to issue again.
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-batch-thousand", series: 19);
        var ids = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in ids) fixture.Orders.Unanswered[id] = true;
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var accepted = await tenant.IssueAsync(ids);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the 202 took {clock.Elapsed}");
            Assert.Equal(1000, accepted.GetProperty("requested").GetInt32());
            var progress = await tenant.SettledBatchAsync(accepted.GetProperty("id").GetGuid());
            Assert.Equal(1000, progress.GetProperty("counts").GetProperty("skipped").GetInt32());
            Assert.All(Tenant.Skipped(progress).Values, s => Assert.Equal("orders.unavailable", s.Code));
            Assert.Contains(fixture.Orders.ChunkSizes, size => size == 50);
            Assert.DoesNotContain(fixture.Orders.ChunkSizes, size => size > 50);
        }
        finally { foreach (var id in ids) fixture.Orders.Unanswered.TryRemove(id, out _); }
    }

    [Fact]
    public async Task With_Orders_not_answering_the_orders_it_did_answer_for_are_issued_and_the_rest_skipped_to_issue_again()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-batch-orders-down", series: 15);
        var answered = fixture.Orders.AddReady(tenant.Id);
        var (silent, after) = (fixture.Orders.AddReady(tenant.Id), fixture.Orders.AddReady(tenant.Id));
        fixture.Orders.Unanswered[silent] = true;
        fixture.Orders.Unanswered[after] = true;

        var batch = await tenant.SettledBatchAsync((await tenant.IssueAsync(answered, silent, after)).GetProperty("id").GetGuid());

        Assert.Equal(1, batch.GetProperty("counts").GetProperty("authorized").GetInt32());
        var skipped = Tenant.Skipped(batch);
        Assert.Equal(new[] { silent, after }.Order(), skipped.Keys.Order());
        Assert.All(skipped.Values, s => Assert.Equal("orders.unavailable", s.Code));
        Assert.All(skipped.Values, s => Assert.Contains("não respondeu", s.Detail));
        // None answered: no longer a 503, the batch is accepted and its order skipped the same way.
        var down = await tenant.SettledBatchAsync((await tenant.IssueAsync(silent)).GetProperty("id").GetGuid());
        Assert.Equal("orders.unavailable", Tenant.Skipped(down)[silent].Code);

        fixture.Orders.Unanswered.Clear();
        var again = await tenant.SettledBatchAsync((await tenant.IssueAsync(silent, after)).GetProperty("id").GetGuid());
        Assert.Equal(2, again.GetProperty("counts").GetProperty("authorized").GetInt32());
        var numbers = (await tenant.NotesAsync()).Select(n => n.GetProperty("number").GetInt32()).Order();
        Assert.Equal([1, 2, 3], numbers);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_answer_with_its_record()
    {
        using var client = fixture.Client("tenant-openapi");
        var document = await client.GetStringAsync("api/invoicing/openapi/v1.json", Cancel);
        foreach (var record in new[] { "BatchAccepted", "BatchProgress", "NfePage", "NfeResponse", "EmitterResponse", "CertificateInfo", "TaxRulesResponse" })
            Assert.Contains($"\"{record}\"", document);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
