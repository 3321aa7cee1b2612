using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrayBridge.Web.Api;

/// <summary>The panel's only way to the system: the gateway's public <c>/api</c>, with the signed-in user's token
/// (<see cref="UserTokenHandler"/>). Answers are the API's own records (<c>TrayBridge.Api</c>); a failure is an
/// <see cref="ApiError"/> with the API's stable code and its Portuguese detail, never an exception for the page to catch.</summary>
public sealed class PanelApi(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<T>> GetAsync<T>(string url, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string url, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) }, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string url, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json) }, cancellationToken);

    /// <summary>For answers without a body the page needs (204, or one it ignores).</summary>
    public async Task<ApiError?> SendAsync(HttpMethod method, string url, object? body = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        return (await SendAsync<object?>(request, cancellationToken, readBody: false)).Error;
    }

    public async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken = default, bool readBody = true)
    {
        try
        {
            using (request)
            using (var response = await http.SendAsync(request, cancellationToken))
            {
                if (!response.IsSuccessStatusCode) return ApiResult<T>.Failed(await ApiError.ReadAsync(response, cancellationToken));
                if (!readBody || response.StatusCode == HttpStatusCode.NoContent) return ApiResult<T>.Succeeded(default!);
                var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
                return ApiResult<T>.Succeeded(value!);
            }
        }
        catch (HttpRequestException e)
        {
            return ApiResult<T>.Failed(ApiError.Unreachable(e.Message));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ApiResult<T>.Failed(ApiError.Unreachable("tempo de resposta esgotado"));
        }
    }
}

/// <summary>A value, or why there is none.</summary>
public sealed record ApiResult<T>(T? Value, ApiError? Error)
{
    public bool Ok => Error is null;
    public static ApiResult<T> Succeeded(T value) => new(value, null);
    public static ApiResult<T> Failed(ApiError error) => new(default, error);
}
