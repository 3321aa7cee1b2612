using System.Net.Http.Json;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Tray.Auth;

/// <summary>Code exchange and refresh (tray-api.md §2.3–2.4). Its HttpClient follows no redirects and connects only
/// where <see cref="ApiAddressPolicy"/> allows: the consumer secret goes to an address a tenant typed.</summary>
public sealed class TrayAuthClient(HttpClient http, TimeProvider time)
{
    public async Task<TrayTokens> ExchangeCodeAsync(string apiAddress, TrayCall call, string consumerKey, string consumerSecret, string code,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{apiAddress}/auth")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["consumer_key"] = consumerKey, ["consumer_secret"] = consumerSecret, ["code"] = code,
            }),
        };
        return await SendAsync(request, call, apiAddress, cancellationToken);
    }

    public async Task<TrayTokens> RefreshAsync(string apiAddress, TrayCall call, string refreshToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{apiAddress}/auth?refresh_token={Uri.EscapeDataString(refreshToken)}");
        return await SendAsync(request, call, apiAddress, cancellationToken);
    }

    private async Task<TrayTokens> SendAsync(HttpRequestMessage request, TrayCall call, string apiAddress, CancellationToken cancellationToken)
    {
        request.Options.Set(TrayCall.Key, call);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync(response, apiAddress, cancellationToken);
    }

    private async Task<TrayTokens> ReadAsync(HttpResponseMessage response, string apiAddress, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode) throw await TrayApiException.FromResponseAsync(response, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<TrayTokenResponse>(TrayJson.Options, cancellationToken)
            ?? throw new InvalidDataException("Tray's token answer is empty.");
        return TrayTokens.From(body, time.GetUtcNow(), apiAddress);
    }
}
