using Marten;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrayBridge.Api.Invoicing;
using TrayBridge.Contracts.Orders;
using TrayBridge.Invoicing.Domain;
using TrayBridge.Invoicing.Domain.Building;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Domain.Signing;
using TrayBridge.Invoicing.Features.Batches;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary><c>POST /api/invoicing/nfes/{id}/resend</c>: a rejected note, rebuilt from the order as it is now (after the
/// fix) under the same série, number and cNF — a rejected note was never registered, so its number is still ours —,
/// signed, validated and queued for sending.</summary>
public static class ResendNfe
{
    public static async Task<Results<Accepted<NfeResponse>, ProblemHttpResult>> HandleAsync(Guid id, IDocumentStore store, TenantContext tenant,
        EmitterCertificates certificates, IRequestClient<SalesOrderForInvoiceRequested> orders, NfeSchemaValidator validator,
        IOptions<InvoicingSettings> settings, DueWorkScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Require();
        await using var session = store.LightweightSession(tenantId);
        if (await session.LoadAsync<NfeRecord>(id, cancellationToken) is not { } note) return Problems.NotFound("nfe.not_found", "Nota fiscal não encontrada.");
        if (note.Status != NfeStatus.Rejected)
            return Problems.Conflict("nfe.not_rejected", $"A NF-e {note.Number} está {NfeViews.Situation(note.Status)}: só uma nota rejeitada é reenviada.");
        var profile = await session.LoadAsync<EmitterProfile>(tenantId, cancellationToken);
        if (EmitterReadiness.Problem(profile, time.GetUtcNow()) is { } notReady) return notReady;
        // SEFAZ's answer did not match the note (Sefaz.ProtocolCheck), not the note SEFAZ: it may hold these very bytes
        // authorized, so they go again unchanged and its 204 leads to consulting the key — a rebuilt note would differ.
        if (note.StatusCode == Sefaz.ProtocolCheck.Mismatch) return await RequeueAsync(session, note, scheduler, time, cancellationToken);
        SalesOrderForInvoice answer;
        try
        {
            answer = (await orders.GetResponse<SalesOrderForInvoice>(new SalesOrderForInvoiceRequested(tenantId, note.SalesOrderId, time.GetUtcNow()),
                cancellationToken, settings.Value.OrdersTimeout)).Message;
        }
        catch (RequestTimeoutException)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, SkipReasons.OrdersUnavailable.Code,
                "O serviço de pedidos não respondeu: reenvie a nota em instantes.");
        }
        if (SkipReasons.For(answer) is { } reason) return Problems.Conflict(reason.Code, reason.Detail);
        using var certificate = certificates.Open(profile!.Certificate!);
        try
        {
            var document = new NfeBuilder(settings.Value.SchemaPackage).Build(SalesOrderMapping.ToNfeOrder(answer.Order!), profile.ToEmitter(),
                new NfeIdentity(note.Series, note.Number, note.Cnf, time.GetUtcNow()));
            note.SignedXml = NfeSigner.Sign(document.Xml, certificate);
            validator.EnsureValid(note.SignedXml);
            (note.Key, note.IssuedAt, note.Total) = (document.Key.Value, document.IssuedAt, document.Total);
        }
        catch (NfeDataException e)
        {
            return Problems.Unprocessable("nfe.invalid_data", "A NF-e ainda não pode ser montada: " + string.Join("; ", e.Problems) + ".");
        }
        catch (NfeSchemaException e)
        {
            return Problems.Unprocessable("nfe.schema_invalid", "A NF-e não passa na validação do schema da SEFAZ: " + string.Join("; ", e.Errors.Take(3)));
        }
        catch (NfeSignatureException e) { return Problems.Unprocessable("nfe.signature_failed", "A NF-e não pôde ser assinada: " + e.Message); }
        return await RequeueAsync(session, note, scheduler, time, cancellationToken);
    }

    private static async Task<Results<Accepted<NfeResponse>, ProblemHttpResult>> RequeueAsync(IDocumentSession session, NfeRecord note,
        DueWorkScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        (note.Status, note.StatusCode, note.Reason, note.UpdatedAt) = (NfeStatus.Pending, null, null, time.GetUtcNow());
        session.Store(note);
        scheduler.Schedule(session, SendNotes.Kind, new SendNotes.Payload(note.BatchId), time.GetUtcNow(), orderingKey: SendNotes.OrderingKey(note.BatchId));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/invoicing/nfes?number={note.Number}", NfeViews.From(note, null, null));
    }
}
