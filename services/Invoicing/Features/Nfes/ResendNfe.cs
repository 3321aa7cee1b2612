using Marten;
using MassTransit;
using TrayBridge.Contracts.Orders;
using TrayBridge.Invoicing.Domain;
using TrayBridge.Invoicing.Domain.Building;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Domain.Signing;
using TrayBridge.Invoicing.Features.Batches;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary><c>POST /api/invoicing/nfes/{id}/resend</c>: a rejected note, rebuilt from the order as it is now (after the
/// fix) under the same série, number and cNF — a rejected note was never registered, so its number is still ours —,
/// signed, validated and queued for sending.</summary>
public static class ResendNfe
{
    public static async Task<IResult> HandleAsync(Guid id, IDocumentStore store, TenantContext tenant, EmitterCertificates certificates,
        IRequestClient<SalesOrderForInvoiceRequested> orders, NfeSchemaValidator validator, Microsoft.Extensions.Options.IOptions<InvoicingSettings> settings,
        DueWorkScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Require();
        await using var session = store.LightweightSession(tenantId);
        if (await session.LoadAsync<NfeRecord>(id, cancellationToken) is not { } note) return Results.NotFound();
        if (note.Status != NfeStatus.Rejected)
            return Results.Problem(statusCode: 409, title: "Not rejected", detail: $"NF-e {note.Number} is {note.Status}; only a rejected note is re-sent.");
        var profile = await session.LoadAsync<EmitterProfile>(tenantId, cancellationToken);
        if (profile?.Certificate is not { } stored || stored.NotAfter <= time.GetUtcNow())
            return Results.Problem(statusCode: 409, title: "No valid certificate", detail: "Upload a valid A1 certificate first.");
        var answer = (await orders.GetResponse<SalesOrderForInvoice>(new SalesOrderForInvoiceRequested(tenantId, note.SalesOrderId, time.GetUtcNow()),
            cancellationToken)).Message;
        if (SalesOrderMapping.SkipReason(answer) is { } reason) return Results.Problem(statusCode: 409, title: "Order not invoiceable", detail: reason);
        using var certificate = certificates.Open(stored);
        try
        {
            var document = new NfeBuilder(settings.Value.SchemaPackage).Build(SalesOrderMapping.ToNfeOrder(answer.Order!), profile.ToEmitter(),
                new NfeIdentity(note.Series, note.Number, note.Cnf, time.GetUtcNow()));
            note.SignedXml = NfeSigner.Sign(document.Xml, certificate);
            validator.EnsureValid(note.SignedXml);
            (note.Key, note.IssuedAt, note.Total) = (document.Key.Value, document.IssuedAt, document.Total);
        }
        catch (Exception e) when (e is NfeDataException or NfeSchemaException or NfeSignatureException)
        {
            return Results.Problem(statusCode: 422, title: "Still cannot be issued", detail: e is NfeDataException d ? string.Join("; ", d.Problems) : e.Message);
        }
        (note.Status, note.StatusCode, note.Reason, note.UpdatedAt) = (NfeStatus.Pending, null, null, time.GetUtcNow());
        session.Store(note);
        scheduler.Schedule(session, SendNotes.Kind, new SendNotes.Payload(note.BatchId), time.GetUtcNow());
        await session.SaveChangesAsync(cancellationToken);
        return Results.Accepted($"/api/invoicing/nfes?number={note.Number}", NfeResponse.From(note, null, null));
    }
}
