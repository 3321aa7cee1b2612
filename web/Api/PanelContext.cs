namespace TrayBridge.Web.Api;

/// <summary>What every page of one request may ask about the tenant — its Tray stores (the TRAY menu is off until one
/// exists, as in the seed) — read from the API once per request, however many components ask.</summary>
public sealed class PanelContext(PanelApi api)
{
    private Task<ApiResult<List<StoreSummary>>>? _stores;

    public Task<ApiResult<List<StoreSummary>>> StoresAsync(CancellationToken cancellationToken = default) =>
        _stores ??= api.GetAsync<List<StoreSummary>>("api/stores", cancellationToken);

    public async Task<bool> HasStoresAsync(CancellationToken cancellationToken = default) =>
        (await StoresAsync(cancellationToken)).Value is { Count: > 0 };
}

// Replaced by the connector's record once it is in TrayBridge.Api.
public sealed record StoreSummary(string StoreId, string ApiAddress, string Status, string? StatusReason);
