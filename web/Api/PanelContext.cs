using TrayBridge.Api.Tray;

namespace TrayBridge.Web.Api;

/// <summary>What every page of one request may ask about the tenant — its Tray stores (the TRAY menu is off until one
/// exists, as in the seed) — read from the API once per request, however many components ask.</summary>
public sealed class PanelContext(PanelApi api)
{
    private Task<ApiResult<List<VirtualStore>>>? _stores;

    public Task<ApiResult<List<VirtualStore>>> StoresAsync(CancellationToken cancellationToken = default) =>
        _stores ??= api.GetAsync<List<VirtualStore>>("api/stores", cancellationToken);

    public async Task<bool> HasStoresAsync(CancellationToken cancellationToken = default) =>
        (await StoresAsync(cancellationToken)).Value is { Count: > 0 };
}

