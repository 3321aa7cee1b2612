using System.Security.Cryptography;
using System.Text;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>What a shared signing key must be (issue 11, "known keys"): at least 32 random bytes, written in standard
/// base64 as <c>build.ps1</c> and the tests generate them (<c>openssl rand -base64 48</c> makes one), and none of the keys
/// this repository has ever published. A readable phrase such as the old compose default <c>dev-only-…</c> is not base64
/// and fails the first rule; a base64 key that was committed somewhere is listed here by its SHA-256, never in clear, and
/// <c>TrayBridge.Deploy.Tests</c> fails when a tracked file holds a key this policy would accept. The check runs in every
/// environment: a development key reaches production by being copied, not by a flag.</summary>
public static class SharedKeyPolicy
{
    public const int MinimumBytes = 32;

    /// <summary>SHA-256 (hex, of the key's UTF-8 text) of base64 keys that have appeared in the repository.</summary>
    private static readonly HashSet<string> Published = new(StringComparer.OrdinalIgnoreCase)
    {
        // The published compose defaults, kept although they already fail the base64 rule (defence in depth).
        "1d51fb1314cf0caab5e46c25cfbd6adc30519de3a5835e425b9da5e61a9e717c", // docker-compose.yml's Auth__SigningKey default until issue 11
        "c1ce297582055f81729d33dc59dd348c226d0d50380cb8a149cdcc1ddf25b45a", // docker-compose.yml's Auth__UrlSigningKey default until issue 11
    };

    /// <summary>Markers of placeholder keys written for documentation or development.</summary>
    private static readonly string[] PublishedPhrases = ["dev-only", "never-use-in-production", "changeme", "change-me"];

    /// <summary>Null when the key is acceptable; otherwise why not, in words an operator can act on (never the key).</summary>
    public static string? Refusal(string setting, string key)
    {
        if (PublishedPhrases.Any(p => key.Contains(p, StringComparison.OrdinalIgnoreCase))
            || Published.Contains(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))))
            return $"'{setting}' is a key published in the TrayBridge repository: anyone could sign tokens or links with it. " +
                   "Generate one for this deployment, e.g. `openssl rand -base64 48`.";
        var buffer = new byte[key.Length];
        if (!Convert.TryFromBase64String(key, buffer, out var length) || length < MinimumBytes)
            return $"'{setting}' must be at least {MinimumBytes} random bytes in base64 (e.g. `openssl rand -base64 48`).";
        return null;
    }
}
