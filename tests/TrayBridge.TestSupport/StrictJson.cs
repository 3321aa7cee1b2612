using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrayBridge.TestSupport;

/// <summary>Reads an API answer into its response record (<c>contracts/TrayBridge.Api</c>) so strictly that a test
/// still fails where a renamed or missing field would have failed a <c>GetProperty("…")</c>: a field the record does not
/// know is refused (<see cref="JsonUnmappedMemberHandling.Disallow"/>), and so is one of its constructor parameters
/// missing from the body (<see cref="JsonSerializerOptions.RespectRequiredConstructorParameters"/>). Web defaults
/// otherwise, as the hosts write them.</summary>
public static class StrictJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>GET <paramref name="uri"/>, which must answer 2xx, as <typeparamref name="T"/>.</summary>
    public static async Task<T> GetAsync<T>(this HttpClient client, string uri, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(uri, cancellationToken);
        return await response.ReadAsync<T>(cancellationToken);
    }

    /// <summary>The answer's body as <typeparamref name="T"/>; a non-2xx answer fails with its body, for the reader.</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: "
                + await response.Content.ReadAsStringAsync(cancellationToken), null, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<T>(Options, cancellationToken)
            ?? throw new JsonException($"{response.RequestMessage?.RequestUri} answered null for {typeof(T).Name}.");
    }

    /// <summary>An element already read (a list row, a page taken while polling) as <typeparamref name="T"/>.</summary>
    public static T As<T>(this JsonElement element) =>
        element.Deserialize<T>(Options) ?? throw new JsonException($"null for {typeof(T).Name}.");
}
