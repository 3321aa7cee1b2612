using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Tray;

/// <summary>Calls one store's API with its current token in the query string (the only way Tray accepts it), spending
/// that store's budget at the caller's priority. A 401 1000/1099 refreshes once and retries; 1001–1003 stop the store
/// with Tray's reason. Safe methods are retried by the HTTP pipeline; creations are reconciled here.</summary>
public sealed class TrayApiClient(HttpClient http, StoreTokenProvider tokens, TimeProvider time)
{
    private const int CreateAttempts = 4;

    public async Task<T> GetAsync<T>(string tenantId, string storeId, string path, TrayPriority priority, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(tenantId, storeId, HttpMethod.Get, path, null, priority, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(TrayJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"Tray answered an empty body on {path}.");
    }

    /// <summary>Every element of a list resource, page by page at Tray's maximum of 50, until <c>paging.total</c> is reached.
    /// <paramref name="collection"/> is the plural key (<c>Products</c>), each element wrapped in its singular key.</summary>
    public async IAsyncEnumerable<JsonElement> ListAllAsync(string tenantId, string storeId, string path, string collection, string element,
        TrayPriority priority, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int limit = 50;
        var separator = path.Contains('?') ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var body = await GetAsync<JsonElement>(tenantId, storeId, $"{path}{separator}limit={limit}&page={page}", priority, cancellationToken);
            var items = body.TryGetProperty(collection, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
            foreach (var item in items) yield return item.TryGetProperty(element, out var inner) ? inner : item;
            var total = long.Parse(body.GetProperty("paging").Text("total") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            if (items.Count == 0 || (long)page * limit >= total) yield break;
        }
    }

    /// <summary>POSTs a new record and returns Tray's id. When the answer is lost (5xx, dropped connection, timeout) the
    /// write may still have happened: <paramref name="findExisting"/> looks for it first, and only if absent is it sent again.</summary>
    public async Task<string> CreateAsync(string tenantId, string storeId, string path, object body, Func<CancellationToken, Task<string?>> findExisting,
        TrayPriority priority, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await SendAsync(tenantId, storeId, HttpMethod.Post, path, body, priority, cancellationToken);
                var created = await response.Content.ReadFromJsonAsync<JsonElement>(TrayJson.Options, cancellationToken);
                return created.RequiredId();
            }
            catch (Exception e) when (attempt < CreateAttempts && !cancellationToken.IsCancellationRequested && IsAnswerLost(e))
            {
                if (await findExisting(cancellationToken) is { } existing) return existing;
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt * attempt), time, cancellationToken);
            }
        }
    }

    public async Task<HttpResponseMessage> SendAsync(string tenantId, string storeId, HttpMethod method, string path, object? body,
        TrayPriority priority, CancellationToken cancellationToken)
    {
        var access = await tokens.GetAsync(tenantId, storeId, cancellationToken);
        var response = await SendOnceAsync(access, method, path, body, priority, cancellationToken);
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
        response = await SendOnceAsync(access, method, path, body, priority, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await TrayApiException.FromResponseAsync(response, cancellationToken);
    }

    /// <summary>5xx, a dropped connection or a timeout: Tray may have applied the write. 4xx (429 included) it did not.</summary>
    private static bool IsAnswerLost(Exception e) => e switch
    {
        TrayApiException tray => (int)tray.Status >= 500,
        HttpRequestException or TimeoutException => true,
        TaskCanceledException => true,
        _ => false,
    };

    private Task<HttpResponseMessage> SendOnceAsync(StoreAccess access, HttpMethod method, string path, object? body, TrayPriority priority,
        CancellationToken cancellationToken)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var request = new HttpRequestMessage(method, $"{access.ApiHost}/{path.TrimStart('/')}{separator}access_token={Uri.EscapeDataString(access.AccessToken)}");
        request.Options.Set(TrayCall.Key, new TrayCall(access.StoreHost, access.StoreId, access.DailyLimit, priority, access.TenantId));
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: TrayJson.Options);
        return http.SendAsync(request, cancellationToken);
    }
}
