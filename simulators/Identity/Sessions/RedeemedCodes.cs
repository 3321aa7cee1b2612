using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace TrayBridge.IdentitySimulator.Sessions;

/// <summary>Authorization codes already exchanged. Without a token database (degraded mode) a code is only a
/// self-contained encrypted token, valid until it expires; this makes it single-use, as OAuth requires. Entries are
/// kept a little longer than a code lives, then dropped.</summary>
public sealed class RedeemedCodes(TimeProvider clock)
{
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _redeemedAt = new(StringComparer.Ordinal);

    /// <summary>True the first time a code is presented, false ever after.</summary>
    public bool TryRedeem(string code)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, at) in _redeemedAt)
            if (now - at > Keep) _redeemedAt.TryRemove(key, out _);
        return _redeemedAt.TryAdd(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code))), now);
    }
}
