using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace TrayBridge.IdentitySimulator.Sessions;

/// <summary>Sign-in sessions at the identity provider. Codes and refresh tokens carry their session id (<c>sid</c>);
/// without a token database (degraded mode) this is what revokes them: a logout ends every session of the user, and a
/// refresh token of an ended session is refused.</summary>
public sealed class SessionRegistry
{
    private readonly ConcurrentDictionary<string, string> _subjectBySession = new(StringComparer.Ordinal);

    public string Start(string subject)
    {
        var sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _subjectBySession[sessionId] = subject;
        return sessionId;
    }

    public bool IsActive(string? sessionId, string? subject) =>
        sessionId is not null && _subjectBySession.TryGetValue(sessionId, out var owner) && owner == subject;

    public void End(string sessionId) => _subjectBySession.TryRemove(sessionId, out _);

    public void EndAllOf(string subject)
    {
        foreach (var (sessionId, owner) in _subjectBySession)
            if (owner == subject) _subjectBySession.TryRemove(sessionId, out _);
    }
}
