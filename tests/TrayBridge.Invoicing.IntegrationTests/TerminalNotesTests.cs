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

    // Issue 13: an authorized note cancelled at SEFAZ (evento 110111) within the deadline.
    [Fact]
    public async Task An_authorized_note_is_cancelled_once_keeps_its_documents_and_its_order_is_invoiced_again_under_a_new_number()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-cancel", series: 19);
        var order = fixture.Orders.AddReady(tenant.Id);
        var note = (await tenant.SettledNotesAsync((await tenant.IssueAsync(order)).GetProperty("id").GetGuid()))[0];
        Assert.Equal("Authorized", note.GetProperty("status").GetString());
        Assert.True(note.GetProperty("cancellableUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
        var (id, key) = (note.GetProperty("id").GetGuid(), note.GetProperty("key").GetString()!);
        var cancelPath = $"api/invoicing/nfes/{id}/cancel";

        var terse = await tenant.Client.PostAsJsonAsync(cancelPath, new { justification = "desistência" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, terse.StatusCode);
        var cancelled = await tenant.Client.PostAsJsonAsync(cancelPath, new { justification = "Pedido cancelado pelo cliente na loja" }, Cancel);
        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync(Cancel));
        var view = await cancelled.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(("Cancelled", "Cancelada"), (view.GetProperty("status").GetString(), view.GetProperty("situation").GetString()));
        var atSefaz = Assert.Single(fixture.Sefaz.Admin.Events(), e => e.Key == key);
        Assert.Equal((135, "110111", atSefaz.NProt), (atSefaz.CStat, atSefaz.TpEvento, view.GetProperty("cancellation").GetProperty("protocol").GetString()));
        var again = await tenant.Client.PostAsJsonAsync(cancelPath, new { justification = "Pedido cancelado pelo cliente na loja" }, Cancel);
        Assert.Equal("nfe.already_cancelled", (await again.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("code").GetString());

        // The documents stay: the DANFE (marked CANCELADA) and the XML zip with the nfeProc and the cancellation beside it.
        using var anonymous = new HttpClient();
        var danfe = await anonymous.GetAsync(view.GetProperty("danfeUrl").GetString(), Cancel);
        Assert.Equal(("application/pdf", HttpStatusCode.OK), (danfe.Content.Headers.ContentType?.MediaType, danfe.StatusCode));
        var zipResponse = await anonymous.GetAsync(view.GetProperty("xmlUrl").GetString(), Cancel);
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType?.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await zipResponse.Content.ReadAsStreamAsync(Cancel));
        Assert.Equal([$"{key}-cancelamento.xml", $"{key}-nfe.xml"], zip.Entries.Select(e => e.Name).Order());
        string Read(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        Assert.Empty(NfeProcSchema.Errors(Read($"{key}-nfe.xml")));
        var proc = Read($"{key}-cancelamento.xml");
        Assert.Empty(NfeProcSchema.Errors(proc, "procEventoCancNFe_v1.00.xsd"));
        Assert.Contains($"<nProt>{atSefaz.NProt}</nProt>", proc);

        // NfeCancelled once, through the relay; the order is free for a new note, under a new number.
        var published = await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Orders.Cancelled.Where(e => e.NfeId == id).ToList()),
            events => events.Count >= 1, TimeSpan.FromSeconds(30), "NfeCancelled");
        Assert.Equal((order, key, atSefaz.NProt, "Pedido cancelado pelo cliente na loja"),
            (published[0].SalesOrderId, published[0].ChaveDeAcesso, published[0].Protocol, published[0].Justification));
        var renewed = (await tenant.SettledNotesAsync((await tenant.IssueAsync(order)).GetProperty("id").GetGuid()))[0];
        Assert.Equal(("Authorized", note.GetProperty("number").GetInt32() + 1), (renewed.GetProperty("status").GetString(), renewed.GetProperty("number").GetInt32()));
        Assert.Single(fixture.Orders.Cancelled, e => e.NfeId == id);
    }

    [Fact]
    public async Task A_cancellation_past_SEFAZs_deadline_shows_its_501_and_changes_nothing()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-cancel-late", series: 20);
        var note = (await tenant.SettledNotesAsync((await tenant.IssueAsync(fixture.Orders.AddReady(tenant.Id))).GetProperty("id").GetGuid()))[0];
        // SEFAZ's clock is past the deadline while ours is not (SEFAZ decides): the simulator's deadline set to zero.
        fixture.Sefaz.Admin.UpdateSettings(s => s with { CancellationDeadline = TimeSpan.Zero });
        try
        {
            var late = await tenant.Client.PostAsJsonAsync($"api/invoicing/nfes/{note.GetProperty("id").GetGuid()}/cancel",
                new { justification = "Pedido cancelado pelo cliente na loja" }, Cancel);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
            var problem = await late.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal(("sefaz.cancel_refused", "501"), (problem.GetProperty("code").GetString(), problem.GetProperty("sefazCode").GetString()));
            Assert.Contains("Prazo de cancelamento superior ao previsto", problem.GetProperty("detail").GetString());
            var after = await tenant.Client.GetFromJsonAsync<JsonElement>($"api/invoicing/nfes/{note.GetProperty("id").GetGuid()}", Cancel);
            Assert.Equal(("Authorized", JsonValueKind.Null), (after.GetProperty("status").GetString(), after.GetProperty("cancellation").ValueKind));
            Assert.DoesNotContain(fixture.Orders.Cancelled, e => e.NfeId == note.GetProperty("id").GetGuid());
        }
        finally { fixture.Sefaz.Admin.UpdateSettings(s => s with { CancellationDeadline = TimeSpan.FromHours(24) }); }
    }

    [Fact]
    public async Task Two_cartas_de_correcao_run_in_sequence_signed_and_schema_valid_and_the_latest_has_its_PDF()
    {
        using var tenant = await Tenant.WithEmitterAsync(fixture, "tenant-cce", series: 21);
        var note = (await tenant.SettledNotesAsync((await tenant.IssueAsync(fixture.Orders.AddReady(tenant.Id))).GetProperty("id").GetGuid()))[0];
        var (path, key) = ($"api/invoicing/nfes/{note.GetProperty("id").GetGuid()}/correction", note.GetProperty("key").GetString()!);

        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Client.PostAsJsonAsync(path, new { text = "curto" }, Cancel)).StatusCode);
        var first = await tenant.Client.PostAsJsonAsync(path, new { text = "Complemento do endereço de entrega: apartamento 101" }, Cancel);
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Cancel));
        var second = await (await tenant.Client.PostAsJsonAsync(path, new { text = "Complemento do endereço de entrega: apartamento 201" }, Cancel))
            .Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal([1, 2], second.GetProperty("corrections").EnumerateArray().Select(c => c.GetProperty("sequence").GetInt32()));
        Assert.Equal([(1, 135), (2, 135)], fixture.Sefaz.Admin.Events().Where(e => e.Key == key).Select(e => (e.NSeqEvento, e.CStat)));
        var procs = fixture.Sefaz.Admin.ProcEventos(key);
        Assert.Equal(2, procs.Count);
        foreach (var proc in procs)
        {
            Assert.Empty(NfeProcSchema.Errors(proc, "procCCeNFe_v1.00.xsd"));
            Assert.True(EventSignatureVerifies(proc), "the evento's signature verifies with its certificate");
        }
        using var anonymous = new HttpClient();
        var pdf = await anonymous.GetAsync(second.GetProperty("correctionPdfUrl").GetString(), Cancel);
        Assert.Equal(("application/pdf", HttpStatusCode.OK), (pdf.Content.Headers.ContentType?.MediaType, pdf.StatusCode));
    }

    // As the notes are checked: the enveloped signature over infEvento verifies with the certificate it carries.
    private static bool EventSignatureVerifies(string procEvento)
    {
        var document = new System.Xml.XmlDocument { PreserveWhitespace = true };
        document.LoadXml(procEvento);
        var evento = (System.Xml.XmlElement)document.GetElementsByTagName("evento", "http://www.portalfiscal.inf.br/nfe")[0]!;
        var alone = new System.Xml.XmlDocument { PreserveWhitespace = true };
        alone.AppendChild(alone.ImportNode(evento, true));
        var signed = new System.Security.Cryptography.Xml.SignedXml(alone);
        signed.LoadXml((System.Xml.XmlElement)alone.GetElementsByTagName("Signature", System.Security.Cryptography.Xml.SignedXml.XmlDsigNamespaceUrl)[0]!);
        var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(Convert.FromBase64String(
            alone.GetElementsByTagName("X509Certificate", System.Security.Cryptography.Xml.SignedXml.XmlDsigNamespaceUrl)[0]!.InnerText));
        return signed.SignedInfo!.SignatureMethod == System.Security.Cryptography.Xml.SignedXml.XmlDsigRSASHA1Url && signed.CheckSignature(certificate, true);
    }
}
