using System.Net;
using Marten;
using TrayBridge.Contracts.Catalog;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>Puts one product snapshot on one Tray store: update through the link; else adopt the product Tray already has
/// (same reference, else same EAN); else create it under a claim. The link and <c>ProductExported</c> (or
/// <c>ProductExportFailed</c> with Tray's causes) commit together.</summary>
public sealed class ExportProduct(IDocumentStore documents, TrayApiClient tray, TrayProductLookup lookup, TimeProvider time)
{
    /// <summary>A creation claimed by a replica that died is taken over after this.</summary>
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    public async Task RunAsync(ProductExportRequested request, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(request.TenantId);
        var stored = await session.LoadAsync<ProductLink>(ProductLink.IdFor(request.StoreId, request.ProductId), cancellationToken);
        var link = stored ?? new ProductLink { Id = ProductLink.IdFor(request.StoreId, request.ProductId), StoreId = request.StoreId, ProductId = request.ProductId };
        if (link.State == LinkState.Broken && request.LinkAction is "recreate" or "relink")
            Reset(link, request.LinkAction == "relink" ? request.RelinkTrayProductId : null);
        try
        {
            if (link.State == LinkState.Linked && link.AppliedVersion >= request.ProductVersion)
                Exported(session, request, link); // this version, or a newer one, is on Tray already
            else if (link.State == LinkState.Broken)
                Failed(session, request, "O produto foi excluído na Tray: vincule-o de novo ou recrie-o.", [], retryable: false);
            else if (link.State == LinkState.Creating && time.GetUtcNow() - link.UpdatedAt < ClaimTimeout && link.TrayProductId is null)
                throw new ExportBusyException();
            else if (await ApplyAsync(request, link, stored is not null, cancellationToken) is { } ambiguity)
                Failed(session, request, ambiguity, [], retryable: true);
            else
            {
                session.Store(link);
                Exported(session, request, link);
            }
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.NotFound && link.State == LinkState.Linked)
        {
            link.State = LinkState.Broken;
            session.Store(link);
            Failed(session, request, "O produto foi excluído na Tray: vincule-o de novo ou recrie-o.", e.Causes, retryable: false);
        }
        catch (TrayApiException e) when ((int)e.Status is >= 400 and < 500 && e.Status != HttpStatusCode.TooManyRequests)
        {
            Failed(session, request, $"A Tray recusou o produto: {e.Name}", e.Causes, retryable: true);
        }
        catch (StoreUnavailableException e)
        {
            Failed(session, request, $"Loja indisponível: {e.Reason}", [], retryable: true);
        }
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Null when the snapshot is on Tray and <paramref name="link"/> says where; else why it cannot be placed.</summary>
    private async Task<string?> ApplyAsync(ProductExportRequested request, ProductLink link, bool stored, CancellationToken cancellationToken)
    {
        var body = TrayProductBody.From(request, link.ImageUrls);
        if (link.TrayProductId is null)
        {
            var match = await lookup.FindAsync(request.TenantId, request.StoreId, request.Sku, request.Ean, cancellationToken);
            if (match.Ambiguity is not null) return match.Ambiguity;
            link.TrayProductId = match.TrayProductId;
        }
        if (link.TrayProductId is null)
            link.TrayProductId = await CreateAsync(request, link, stored, body, cancellationToken);
        else
        {
            (await tray.SendAsync(request.TenantId, request.StoreId, HttpMethod.Put, $"products/{link.TrayProductId}", body,
                TrayPriority.PriceStockSync, cancellationToken)).Dispose();
        }
        link.State = LinkState.Linked;
        link.AppliedVersion = request.ProductVersion;
        link.ImageUrls = [.. request.ImageUrls];
        link.UpdatedAt = time.GetUtcNow();
        return null;
    }

    private async Task<string> CreateAsync(ProductExportRequested request, ProductLink link, bool stored, object body,
        CancellationToken cancellationToken)
    {
        await ClaimAsync(request, link, stored, cancellationToken);
        try
        {
            return await tray.CreateAsync(request.TenantId, request.StoreId, "products", body,
                async token => (await lookup.FindAsync(request.TenantId, request.StoreId, request.Sku, null, token)).TrayProductId,
                TrayPriority.PriceStockSync, cancellationToken);
        }
        catch
        {
            // Whether or not Tray kept it, the next attempt looks it up by reference before creating: release the claim.
            await using var release = documents.LightweightSession(request.TenantId);
            release.Delete<ProductLink>(link.Id);
            await release.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Commits the "creating" claim before calling Tray: a second replica finds it and waits instead of creating too.</summary>
    private async Task ClaimAsync(ProductExportRequested request, ProductLink link, bool stored, CancellationToken cancellationToken)
    {
        await using var claim = documents.LightweightSession(request.TenantId);
        link.State = LinkState.Creating;
        link.UpdatedAt = time.GetUtcNow();
        // A link already stored is an abandoned claim being taken over, or a broken link being recreated on the user's word.
        if (stored) claim.Store(link);
        else claim.Insert(link);
        try
        {
            await claim.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (PostgresErrors.IsUniqueViolation(e) || e is JasperFx.DocumentAlreadyExistsException)
        {
            throw new ExportBusyException();
        }
    }

    /// <summary>The user chose: forget the product Tray deleted, and create it again or link to another one.</summary>
    private static void Reset(ProductLink link, string? trayProductId)
    {
        link.State = LinkState.Unlinked;
        link.TrayProductId = trayProductId;
        link.AppliedVersion = link.SyncedVersion = 0;
        link.ImageUrls = [];
    }

    private void Exported(IDocumentSession session, ProductExportRequested request, ProductLink link) =>
        session.AppendIntegrationEvent(request.ProductId, new ProductExported(request.TenantId, request.StoreId, request.ExportId, request.ProductId,
            link.AppliedVersion, link.TrayProductId!, [], time.GetUtcNow()));

    private void Failed(IDocumentSession session, ProductExportRequested request, string reason, IReadOnlyList<string> causes, bool retryable) =>
        session.AppendIntegrationEvent(request.ProductId, new ProductExportFailed(request.TenantId, request.StoreId, request.ExportId,
            request.ProductId, request.ProductVersion, reason, causes, retryable, time.GetUtcNow()));
}

/// <summary>Another replica is creating this product on Tray right now: try again shortly.</summary>
public sealed class ExportBusyException() : Exception("Another replica is creating this product on Tray.");
