using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Features.Dedicated;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary>A person maps an ERP category or brand to one Tray already has; the Tray record is read first, so a mapping
/// never points at something that does not exist on the store.</summary>
public static class ManualMapping
{
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> MapCategoryAsync(string storeId, Guid erpCategoryId,
        MapCategoryRequest input, IDocumentStore documents, TenantContext tenant, TrayForwarding tray, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return TrayProblems.StoreNotFound();
        var read = await TrayRecords.ReadAsync(tray, session.TenantId, storeId, $"categories/{input.TrayCategoryId}", "Category",
            input.TrayCategoryId, "trayCategoryId", "categoria", cancellationToken);
        if (read.Invalid is { } invalid) return invalid;
        if (read.Problem is { } problem) return problem;
        session.Store(new CategoryMapping
        {
            Id = CategoryMapping.IdFor(storeId, erpCategoryId), StoreId = storeId, ErpCategoryId = erpCategoryId,
            TrayCategoryId = input.TrayCategoryId!, Origin = MappingOrigin.Manual, UpdatedAt = time.GetUtcNow(),
        });
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnmapCategoryAsync(string storeId, Guid erpCategoryId, IDocumentStore documents,
        TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return TrayProblems.StoreNotFound();
        session.Delete<CategoryMapping>(CategoryMapping.IdFor(storeId, erpCategoryId));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> MapBrandAsync(string storeId, MapBrandRequest input,
        IDocumentStore documents, TenantContext tenant, TrayForwarding tray, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Brand)) return BrandRequired();
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return TrayProblems.StoreNotFound();
        var read = await TrayRecords.ReadAsync(tray, session.TenantId, storeId, $"products/brands/{input.TrayBrandId}", "Brand", input.TrayBrandId,
            "trayBrandId", "marca", cancellationToken);
        if (read.Invalid is { } invalid) return invalid;
        if (read.Problem is { } problem) return problem;
        session.Store(new BrandMapping
        {
            Id = BrandMapping.IdFor(storeId, input.Brand), StoreId = storeId, Brand = input.Brand.Trim(), TrayBrandId = input.TrayBrandId!,
            TrayBrandName = read.Record.GetProperty("brand").ToString(), Origin = MappingOrigin.Manual, UpdatedAt = time.GetUtcNow(),
        });
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UnmapBrandAsync(string storeId, string? brand,
        IDocumentStore documents, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(brand)) return BrandRequired();
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return TrayProblems.StoreNotFound();
        session.Delete<BrandMapping>(BrandMapping.IdFor(storeId, brand));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ValidationProblem BrandRequired() => Problems.Validation("brand", "Informe a marca do ERP.");
}

/// <summary>Reads one record of a store on Tray, turning every way it can fail into an answer for the person mapping.</summary>
public static class TrayRecords
{
    public sealed record Read(JsonElement Record, ValidationProblem? Invalid, ProblemHttpResult? Problem);

    /// <summary>Checked here; read from Tray by the connector that serves the store (<see cref="TrayForwarding"/>).</summary>
    public static async Task<Read> ReadAsync(TrayForwarding tray, string tenantId, string storeId, string path, string wrapper, string? id,
        string field, string noun, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || !id.All(char.IsAsciiDigit))
            return new(default, Problems.Validation(field, $"Informe o código da {noun} na Tray (só dígitos)."), null);
        var answer = await tray.RunAsync<JsonElement>(tenantId, storeId, ForwardedOperations.Record,
            new ForwardedOperations.RecordRead(path, wrapper, id, noun), cancellationToken);
        return answer.Result is Ok<JsonElement> ok ? new(ok.Value, null, null) : new(default, null, (ProblemHttpResult)answer.Result);
    }

    public static async Task<Results<Ok<JsonElement>, ProblemHttpResult>> CallAsync(TrayApiClient tray, string tenantId, string storeId,
        ForwardedOperations.RecordRead read, CancellationToken cancellationToken)
    {
        try
        {
            var body = await tray.GetAsync<JsonElement>(tenantId, storeId, read.Path, TrayPriority.ManualImport, cancellationToken);
            return TypedResults.Ok(body.TryGetProperty(read.Wrapper, out var record) ? record : body);
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return Problems.Unprocessable(TrayProblemCodes.TrayRecordNotFound, $"A loja não tem a {read.Noun} {read.Id} na Tray.");
        }
        catch (Exception e) when (TrayProblems.For(e) is { } problem)
        {
            return problem;
        }
    }
}
