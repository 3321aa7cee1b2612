using System.Text.Json;

namespace TrayBridge.TrayConnector.Features.Webhooks;

/// <summary>What Tray posts (form-encoded per its PHP sample; JSON per one third-party receiver: both are read).
/// Only a hint: the record itself is always re-read from Tray.</summary>
public sealed record TrayNotification(string SellerId, string ScopeName, string ScopeId, string Act, string? AppCode)
{
    private static readonly string[] Acts = ["insert", "update", "delete"];

    /// <summary>The notification, or why the body is not one (one of a few fixed reasons).</summary>
    public static async Task<(TrayNotification? Notification, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        Dictionary<string, string?> fields;
        try
        {
            if (request.HasFormContentType)
                fields = (await request.ReadFormAsync(cancellationToken)).ToDictionary(f => f.Key, f => (string?)f.Value.ToString());
            else if (request.HasJsonContentType())
                fields = (await JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(request.Body, cancellationToken: cancellationToken) ?? [])
                    .ToDictionary(f => f.Key, f => f.Value.ValueKind == JsonValueKind.String ? f.Value.GetString() : f.Value.ToString());
            else
                return (null, "unsupported content type");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or BadHttpRequestException)
        {
            return (null, "malformed body");
        }
        string? Field(string name) => fields.GetValueOrDefault(name) is { Length: > 0 and <= 100 } value ? value.Trim() : null;
        var missing = new[] { "seller_id", "scope_name", "scope_id", "act" }.Where(name => Field(name) is null).ToList();
        if (missing.Count > 0) return (null, $"missing {string.Join(", ", missing)}");
        // Reasons are a few fixed texts, never the sender's values: each is one counter row (see WebhookInbox).
        if (!Acts.Contains(Field("act"))) return (null, "unknown act");
        return (new TrayNotification(Field("seller_id")!, Field("scope_name")!, Field("scope_id")!, Field("act")!, Field("app_code")), null);
    }
}
