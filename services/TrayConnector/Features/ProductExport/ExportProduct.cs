using System.Net;
using Marten;
using Npgsql;
using TrayBridge.Api;
using TrayBridge.Api.Catalog;
using TrayBridge.Api.Tray;
using TrayBridge.Contracts.Catalog;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.Activity;
using TrayBridge.TrayConnector.Features.CatalogMapping;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>Puts one product snapshot on one Tray store: update through the link; else adopt the product Tray already has
/// (same reference, else same EAN); else create it under a claim. Then its variants (<see cref="ExportVariants"/>). One
/// export per product at a time (<see cref="ProductLock"/>); the link and <c>ProductExported</c> (or
/// <c>ProductExportFailed</c> with Tray's causes) commit together.</summary>
public sealed class ExportProduct(IDocumentStore documents, NpgsqlDataSource dataSource, TrayApiClient tray, TrayProductLookup lookup,
    CategoryResolver categories, BrandResolver brands, TimeProvider time, TrayMetrics metrics, StoreActivityLog activity)
{
    /// <summary>A creation claimed by a replica that died is taken over after this.</summary>
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);
    private const string DeletedOnTray = "O produto foi excluído na Tray: vincule-o de novo ou recrie-o.";

    public async Task RunAsync(ProductToExport request, CancellationToken cancellationToken)
    {
        await using var held = await ProductLock.TryTakeAsync(dataSource, request.TenantId, request.StoreId, request.ProductId, cancellationToken)
            ?? throw new ExportBusyException();
        await using var session = documents.LightweightSession(request.TenantId);
        string? result = null;
        var stored = await session.LoadAsync<ProductLink>(ProductLink.IdFor(request.StoreId, request.ProductId), cancellationToken);
        var link = stored ?? new ProductLink { Id = ProductLink.IdFor(request.StoreId, request.ProductId), StoreId = request.StoreId, ProductId = request.ProductId };
        if (link.State == LinkState.Broken && request.LinkAction is "recreate" or "relink")
            Reset(link, request.LinkAction == "relink" ? request.RelinkTrayProductId : null);
        try
        {
            if (link.State == LinkState.Linked && link.AppliedVersion >= request.ProductVersion)
                result = Exported(session, request, link); // this version, or a newer one, is on Tray already
            else if (link.State == LinkState.Broken)
                result = Failed(session, request, ExportReasonCodes.DeletedOnTray, DeletedOnTray, [], retryable: false);
            else if (link.State == LinkState.Creating && time.GetUtcNow() - link.UpdatedAt < ClaimTimeout && link.TrayProductId is null)
                throw new ExportBusyException();
            else if (await ApplyAsync(request, link, stored is not null, cancellationToken) is { } problem)
            {
                if (link.State == LinkState.Linked) session.Store(link); // what is on Tray already stays linked
                result = Failed(session, request, problem.Code, problem.Detail, [], retryable: true);
            }
            else
            {
                session.Store(link);
                result = Exported(session, request, link);
            }
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.NotFound && link.State == LinkState.Linked)
        {
            link.State = LinkState.Broken;
            session.Store(link);
            result = Failed(session, request, ExportReasonCodes.DeletedOnTray, DeletedOnTray, e.Causes, retryable: false);
        }
        catch (TrayApiException e) when ((int)e.Status is >= 400 and < 500 && e.Status != HttpStatusCode.TooManyRequests)
        {
            result = Failed(session, request, ExportReasonCodes.TrayRefused, $"A Tray recusou o produto: {e.Summary}", e.Causes, retryable: true);
        }
        catch (StoreUnavailableException e)
        {
            result = Failed(session, request, ExportReasonCodes.StoreUnavailable, $"Loja indisponível: {e.Reason}", [], retryable: true);
        }
        await session.SaveChangesAsync(cancellationToken);
        if (result is not null) metrics.ProductExported(result); // counted once committed: a retried run is not counted twice
    }

    /// <summary>Null when the snapshot is on Tray and <paramref name="link"/> says where; else why it cannot be placed.</summary>
    private async Task<Reason?> ApplyAsync(ProductToExport request, ProductLink link, bool stored, CancellationToken cancellationToken)
    {
        var category = await categories.ResolveAsync(request, cancellationToken);
        if (category.Problem is not null) return new Reason(ExportReasonCodes.CategoryUnmapped, category.Problem);
        var brand = await brands.ResolveAsync(request, cancellationToken);
        // What Tray holds in the picture slots: the link's record, none for a product created now, unknown for one adopted.
        var picturesOnTray = link.PicturesUnknown ? null : link.ImageUrls;
        if (link.TrayProductId is null)
        {
            var match = await lookup.FindAsync(request.TenantId, request.StoreId, request.Sku, request.Ean, cancellationToken);
            if (match.Ambiguity is not null) return new Reason(ExportReasonCodes.Ambiguous, match.Ambiguity);
            link.TrayProductId = match.TrayProductId;
            picturesOnTray = match.TrayProductId is null ? [] : null;
        }
        var body = TrayProductBody.From(request, picturesOnTray, category.TrayCategoryId, brand);
        if (link.TrayProductId is null)
            link.TrayProductId = await new TrayProductCreation(documents, tray, lookup, time).CreateAsync(request, link, stored, body, cancellationToken);
        else
        {
            (await tray.SendAsync(request.TenantId, request.StoreId, HttpMethod.Put, $"products/{link.TrayProductId}", body,
                TrayPriority.PriceStockSync, cancellationToken)).Dispose();
        }
        link.State = LinkState.Linked;
        link.ImageUrls = [.. request.ImageUrls];
        link.PicturesUnknown = false;
        link.UpdatedAt = time.GetUtcNow();
        if (await ApplyVariantsAsync(request, link, cancellationToken) is { } problem) return new Reason(ExportReasonCodes.Ambiguous, problem);
        link.AppliedVersion = request.ProductVersion;
        return null;
    }

    /// <summary>Whatever happens to the variants, the link keeps what Tray already has (the product, the variants made so far),
    /// so the next attempt updates them instead of creating them again.</summary>
    private async Task<string?> ApplyVariantsAsync(ProductToExport request, ProductLink link, CancellationToken cancellationToken)
    {
        if (request.Variations.Count == 0 && link.Variants.Count == 0) return null;
        try
        {
            return await new ExportVariants(tray).ApplyAsync(request, link, cancellationToken);
        }
        catch
        {
            await using var keep = documents.LightweightSession(request.TenantId);
            keep.Store(link);
            await keep.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>The user chose: forget the product Tray deleted, and create it again or link to another one.</summary>
    private static void Reset(ProductLink link, string? trayProductId)
    {
        link.State = LinkState.Unlinked;
        link.TrayProductId = trayProductId;
        link.AppliedVersion = link.SyncedVersion = 0;
        link.ImageUrls = [];
        link.PicturesUnknown = trayProductId is not null; // another product's pictures: all six slots go on the next export
        link.Variants = [];
    }

    private string Exported(IDocumentSession session, ProductToExport request, ProductLink link)
    {
        session.AppendIntegrationEvent(request.ProductId, new ProductExported(request.TenantId, request.StoreId, request.ExportId, request.ProductId,
            link.AppliedVersion, link.TrayProductId!, link.Variants.Select(v => new ExportedVariant(v.VariationId, v.TrayVariantId)).ToList(),
            time.GetUtcNow()));
        activity.Record(session, new ActivityLine(request.StoreId, StoreActivityKinds.ProductExport, StoreActivityResults.Ok,
            $"Produto {request.Sku} na Tray (versão {link.AppliedVersion}).", StoreActivitySubjects.Product, request.ProductId.ToString(), link.TrayProductId));
        return "exported";
    }

    private string Failed(IDocumentSession session, ProductToExport request, string code, string reason, IReadOnlyList<string> causes,
        bool retryable)
    {
        session.AppendIntegrationEvent(request.ProductId, new ProductExportFailed(request.TenantId, request.StoreId, request.ExportId,
            request.ProductId, request.ProductVersion, reason, causes, retryable, time.GetUtcNow()) { ReasonCode = code });
        activity.Record(session, new ActivityLine(request.StoreId, StoreActivityKinds.ProductExport, StoreActivityResults.Error,
            causes.Count > 0 ? $"{reason} ({string.Join("; ", causes)})" : reason, StoreActivitySubjects.Product, request.ProductId.ToString(), null));
        return "failed";
    }
}

/// <summary>Another export of this product (or another replica's creation of it) is running: try again shortly.</summary>
public sealed class ExportBusyException() : Exception("Another export of this product is running.");
