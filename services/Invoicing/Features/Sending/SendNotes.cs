using System.Globalization;
using Marten;
using TrayBridge.Invoicing.Domain.Lots;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Nfes;
using TrayBridge.Invoicing.Features.Sefaz;
using TrayBridge.ServiceDefaults.DueWork;
using static TrayBridge.Invoicing.Features.Sefaz.SefazMessages;

namespace TrayBridge.Invoicing.Features.Sending;

/// <summary>Due work: sends the still-pending notes in lots of ≤ 50 notes / 500 KB (LotBuilder), in number order. A single
/// note goes synchronously; a larger lot gets a receipt, polled as due work of its own. When SEFAZ does not answer, the
/// notes stay pending with the error shown and this item is retried; only notes still pending are sent again.</summary>
public sealed class SendNotes(IDocumentStore store, EmitterCertificates certificates, SefazClient sefaz, NfeOutcomes outcomes,
    DueWorkScheduler scheduler, Microsoft.Extensions.Options.IOptions<InvoicingSettings> settings, TimeProvider time) : IDueWorkHandler
{
    public const string Kind = "invoicing.send-notes";

    /// <summary>The batch whose pending notes are to be sent (all of them, whoever issued them and whenever).</summary>
    public sealed record Payload(Guid BatchId);

    /// <summary>A batch's sends run one at a time (the runner is concurrent): two at once would both take its pending notes.</summary>
    public static string OrderingKey(Guid batchId) => $"nfe-send:{batchId}";

    string IDueWorkHandler.Kind => Kind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        var batchId = item.PayloadAs<Payload>().BatchId;
        await using var session = store.LightweightSession(item.TenantId);
        var notes = (await session.Query<NfeRecord>().Where(n => n.BatchId == batchId && n.Status == NfeStatus.Pending).ToListAsync(cancellationToken))
            .OrderBy(n => n.Number).ToList();
        if (notes.Count == 0) return DueWorkOutcome.Done;
        var profile = await session.LoadAsync<EmitterProfile>(item.TenantId, cancellationToken)
            ?? throw new InvalidOperationException("The emitter is gone.");
        using var certificate = certificates.Open(profile.Certificate ?? throw new InvalidOperationException("The emitter has no certificate."));
        var lots = new LotBuilder().Split([.. notes.Select(n => n.SignedXml)], () => LotId(time));
        var offset = 0;
        foreach (var lot in lots)
        {
            var lotNotes = notes.Skip(offset).Take(lot.Notes.Count).ToList();
            offset += lot.Notes.Count;
            try
            {
                var answer = await sefaz.CallAsync(profile, SefazWebServices.Authorization, lot.Xml, certificate, cancellationToken);
                await ApplyAsync(session, answer, lotNotes, profile, certificate, cancellationToken);
            }
            catch (SefazUnavailableException e)
            {
                foreach (var note in lotNotes) { note.LastError = $"Aguardando a SEFAZ, que não respondeu ({e.Message}); a nota será enviada de novo."; note.Attempts++; session.Store(note); }
                await session.SaveChangesAsync(cancellationToken);
                return DueWorkOutcome.Retry(time.GetUtcNow() + Backoff(item.Attempt), e.Message);
            }
            await session.SaveChangesAsync(cancellationToken);
        }
        return DueWorkOutcome.Done;
    }

    private async Task ApplyAsync(IDocumentSession session, System.Xml.Linq.XElement answer, List<NfeRecord> notes, EmitterProfile profile,
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        var cStat = CStat(answer);
        if (cStat == "104")
            foreach (var protocol in Protocols(answer))
                if (notes.FirstOrDefault(n => n.Key == Prot(protocol, "chNFe")) is { } note)
                    await outcomes.ApplyAsync(session, note, protocol, profile, certificate, cancellationToken);
        if (cStat == "103")
        {
            var receipt = (string?)answer.Element(SefazClient.Nfe + "infRec")?.Element(SefazClient.Nfe + "nRec") ?? "";
            var wait = TimeSpan.FromSeconds(int.TryParse((string?)answer.Element(SefazClient.Nfe + "infRec")?.Element(SefazClient.Nfe + "tMed"), out var s) ? s : 1);
            foreach (var note in notes) { note.Status = NfeStatus.AwaitingReceipt; note.Receipt = receipt; note.LastError = null; session.Store(note); }
            scheduler.Schedule(session, PollReceipt.Kind, new PollReceipt.Payload(receipt, [.. notes.Select(n => n.Id)]),
                time.GetUtcNow() + (wait > settings.Value.ReceiptPollInterval ? wait : settings.Value.ReceiptPollInterval));
        }
        else if (cStat != "104")
            // The whole lot was refused (schema 225, size 214…): each note shows why and can be re-sent after a fix.
            foreach (var note in notes)
            {
                (note.Status, note.StatusCode, note.Reason, note.UpdatedAt) = (NfeStatus.Rejected, cStat, Reason(answer), time.GetUtcNow());
                session.Store(note);
            }
    }

    private static string LotId(TimeProvider time) =>
        // idLote is 1-15 digits: the clock in tenths of a millisecond is unique enough per emitter and fits.
        ((time.GetUtcNow().ToUnixTimeMilliseconds() * 10 + Random.Shared.Next(10)) % 1_000_000_000_000_000L).ToString(CultureInfo.InvariantCulture);

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt), 60));
}
