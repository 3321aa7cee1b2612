using System.Net.Http.Json;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Tray;

/// <summary>Calls one store's API with its current token in the query string (the only way Tray accepts it). A 401
/// 1000/1099 refreshes once and retries; 1001–1003 stop the store with Tray's reason.</summary>
public sealed class TrayApiClient(HttpClient http, StoreTokenProvider tokens)
{
    public async Task<T> GetAsync<T>(string tenantId, string storeId, string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(tenantId, storeId, HttpMethod.Get, path, null, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(TrayJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"Tray answered an empty body on {path}.");
    }

    public async Task<HttpResponseMessage> SendAsync(string tenantId, string storeId, HttpMethod method, string path, object? body,
        CancellationToken cancellationToken)
    {
        var access = await tokens.GetAsync(tenantId, storeId, cancellationToken);
        var response = await SendOnceAsync(access, method, path, body, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        var error = await TrayApiException.FromResponseAsync(response, cancellationToken);
        response.Dispose();
        if (error.StoreUnavailable)
        {
            await tokens.MarkUnavailableAsync(tenantId, storeId, error, cancellationToken);
            throw new StoreUnavailableException(storeId, string.Join("; ", error.Causes.DefaultIfEmpty(error.Name)));
        }
        if (!error.TokenRejected) throw error;
        access = await tokens.RefreshAfterRejectionAsync(tenantId, storeId, access.AccessToken, cancellationToken);
        response = await SendOnceAsync(access, method, path, body, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await TrayApiException.FromResponseAsync(response, cancellationToken);
    }

    private Task<HttpResponseMessage> SendOnceAsync(StoreAccess access, HttpMethod method, string path, object? body,
        CancellationToken cancellationToken)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var request = new HttpRequestMessage(method, $"{access.ApiHost}/{path.TrimStart('/')}{separator}access_token={Uri.EscapeDataString(access.AccessToken)}");
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: TrayJson.Options);
        return http.SendAsync(request, cancellationToken);
    }
}
