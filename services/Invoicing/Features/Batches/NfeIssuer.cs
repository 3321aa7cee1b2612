using System.Security.Cryptography.X509Certificates;
using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.Api;
using TrayBridge.Contracts.Orders;
using TrayBridge.Invoicing.Domain;
using TrayBridge.Invoicing.Domain.Building;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Domain.Signing;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Nfes;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Invoicing.Features.Batches;

/// <summary>Issues one sales order's note in one transaction: takes the next number, builds, signs and schema-validates
/// the NF-e and stores it. Anything that refuses it (bad data, another batch got the order first) rolls the transaction
/// back, and with it the number: the counter never skips one. A note this batch already stored (its work re-run after a
/// crash) is returned as it is.</summary>
public sealed class NfeIssuer(IDocumentStore store, ServiceStore schema, NfeSchemaValidator validator, IOptions<InvoicingSettings> settings,
    TimeProvider time)
{
    public async Task<(NfeRecord? Note, Reason? Skip)> IssueAsync(string tenantId, EmitterProfile profile, X509Certificate2 certificate,
        SalesOrderInvoiceData order, Guid salesOrderId, Guid batchId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenantId);
        if (await ExistingAsync(session, salesOrderId, batchId, cancellationToken) is { } done) return done;
        var nfeOrder = SalesOrderMapping.ToNfeOrder(order);
        var emitter = profile.ToEmitter();
        var number = await NumberCounter.TakeAsync(session, schema.Schema, emitter.Cnpj, emitter.Series, cancellationToken);
        NfeDocument document;
        string signed;
        try
        {
            document = new NfeBuilder(settings.Value.SchemaPackage).Build(nfeOrder, emitter, NfeIdentity.New(emitter.Series, number, time.GetUtcNow()));
            signed = NfeSigner.Sign(document.Xml, certificate);
            validator.EnsureValid(signed);
        }
        catch (NfeDataException e) { return (null, new("nfe.invalid_data", "A NF-e não pode ser montada: " + string.Join("; ", e.Problems) + ".")); }
        catch (NfeSchemaException e)
        {
            return (null, new("nfe.schema_invalid", "A NF-e não passa na validação do schema da SEFAZ: " + string.Join("; ", e.Errors.Take(3))));
        }
        catch (NfeSignatureException e) { return (null, new("nfe.signature_failed", "A NF-e não pôde ser assinada: " + e.Message)); }

        var note = NewRecord(document, signed, order, salesOrderId, batchId);
        note.Generation = await session.Query<NfeRecord>().CountAsync(n => n.SalesOrderId == salesOrderId && n.Status == NfeStatus.Cancelled, cancellationToken);
        session.Store(note);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (WriteConflicts.IsConflict(e))
        {
            // The unique index on the sales order: another batch (or this one's work running twice) stored its note first.
            await using var fresh = store.QuerySession(tenantId);
            return await ExistingAsync(fresh, salesOrderId, batchId, cancellationToken) ?? (null, SkipReasons.InvoicedByAnotherBatch);
        }
        return (note, null);
    }

    private static async Task<(NfeRecord? Note, Reason? Skip)?> ExistingAsync(IQuerySession session, Guid salesOrderId, Guid batchId,
        CancellationToken cancellationToken) =>
        // A cancelled note leaves its sales order free for a new one.
        await session.Query<NfeRecord>().FirstOrDefaultAsync(n => n.SalesOrderId == salesOrderId && n.Status != NfeStatus.Cancelled, cancellationToken) switch
        {
            null => null,
            { } mine when mine.BatchId == batchId => (mine, null),
            { } other => (null, SkipReasons.HasNote(other.Number, other.Status)),
        };

    private NfeRecord NewRecord(NfeDocument document, string signed, SalesOrderInvoiceData order, Guid salesOrderId, Guid batchId) => new()
    {
        Id = Guid.CreateVersion7(), SalesOrderId = salesOrderId, BatchId = batchId, StoreId = order.StoreId, TrayOrderId = order.TrayOrderId,
        Series = document.Series, Number = document.Number, Cnf = document.Key.Value.Substring(35, 8), IssuedAt = document.IssuedAt,
        Key = document.Key.Value, Total = document.Total, SignedXml = signed, UpdatedAt = time.GetUtcNow(),
        Lines = [.. order.Items.Select(i => new NfeLineCfop(i.Line, i.TrayProductId, i.TrayVariantId, document.Cfops.GetValueOrDefault(i.Line, "")))],
    };
}
