using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Nfes;
using TrayBridge.Invoicing.Features.Sefaz;
using TrayBridge.ServiceDefaults.DueWork;
using static TrayBridge.Invoicing.Features.Sefaz.SefazMessages;

namespace TrayBridge.Invoicing.Features.Sending;

/// <summary>Due work: asks for an asynchronous lot's result (consReciNFe). 105 waits and asks again later; 104 applies each
/// note's protNFe; 106 (receipt unknown) puts the notes back to pending and sends them again — same XML, same keys, so
/// a lot that did go through answers 204 and is resolved by consultation.</summary>
public sealed class PollReceipt(IDocumentStore store, EmitterCertificates certificates, SefazClient sefaz, NfeOutcomes outcomes,
    DueWorkScheduler scheduler, IOptions<InvoicingSettings> settings, TimeProvider time) : IDueWorkHandler
{
    public const string Kind = "invoicing.poll-receipt";

    public sealed record Payload(string Receipt, List<Guid> NfeIds);

    string IDueWorkHandler.Kind => Kind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        var payload = item.PayloadAs<Payload>();
        await using var session = store.LightweightSession(item.TenantId);
        var notes = (await session.LoadManyAsync<NfeRecord>(cancellationToken, payload.NfeIds))
            .Where(n => n.Status == NfeStatus.AwaitingReceipt && n.Receipt == payload.Receipt).ToList();
        if (notes.Count == 0) return DueWorkOutcome.Done;
        var profile = await session.LoadAsync<EmitterProfile>(item.TenantId, cancellationToken) ?? throw new InvalidOperationException("The emitter is gone.");
        using var certificate = certificates.Open(profile.Certificate ?? throw new InvalidOperationException("The emitter has no certificate."));
        System.Xml.Linq.XElement answer;
        try
        {
            answer = await sefaz.CallAsync(profile, SefazWebServices.Receipt, ReceiptQuery(profile.Emitter.Environment, payload.Receipt),
                certificate, cancellationToken);
        }
        catch (SefazUnavailableException e) { return DueWorkOutcome.Retry(time.GetUtcNow() + settings.Value.ReceiptPollInterval * 2, e.Message); }
        switch (CStat(answer))
        {
            case "104":
                foreach (var protocol in Protocols(answer))
                    if (notes.FirstOrDefault(n => n.Key == Prot(protocol, "chNFe")) is { } note)
                        await outcomes.ApplyAsync(session, note, protocol, profile, certificate, cancellationToken);
                break;
            case "106":
                foreach (var note in notes) { (note.Status, note.Receipt) = (NfeStatus.Pending, null); session.Store(note); }
                foreach (var batchId in notes.Select(n => n.BatchId).Distinct())
                    scheduler.Schedule(session, SendNotes.Kind, new SendNotes.Payload(batchId), time.GetUtcNow(), orderingKey: SendNotes.OrderingKey(batchId));
                break;
            default: // 105 in processing, or a refusal of the query itself: ask again later.
                return DueWorkOutcome.Retry(time.GetUtcNow() + settings.Value.ReceiptPollInterval, $"{CStat(answer)} {Reason(answer)}");
        }
        await session.SaveChangesAsync(cancellationToken);
        return DueWorkOutcome.Done;
    }
}
