namespace TrayBridge.TraySimulator.Gateway;

/// <summary>A store's recent calls and counters, for <c>/admin/stores/{id}/stats</c> and <c>/requests</c>.</summary>
public sealed class RequestLog
{
    public const int Kept = 1000;
    private readonly Lock _sync = new();
    private readonly LinkedList<LoggedRequest> _recent = new();
    private readonly Dictionary<string, int> _byMethod = [];
    private readonly Dictionary<int, int> _byStatus = [];
    private int _requests, _status429, _status5xx;

    public void Add(LoggedRequest request)
    {
        lock (_sync)
        {
            _recent.AddLast(request);
            if (_recent.Count > Kept) _recent.RemoveFirst();
            _requests++;
            if (request.Status == 429) _status429++;
            if (request.Status >= 500) _status5xx++;
            _byMethod[request.Method] = _byMethod.GetValueOrDefault(request.Method) + 1;
            _byStatus[request.Status] = _byStatus.GetValueOrDefault(request.Status) + 1;
        }
    }

    public IReadOnlyList<LoggedRequest> Last(int count)
    {
        lock (_sync) return _recent.Skip(Math.Max(0, _recent.Count - count)).ToList();
    }

    /// <summary>The calls after the store's first <paramref name="count"/> (as <see cref="RequestCounters.Requests"/> counts them);
    /// null when some of them are no longer kept.</summary>
    public IReadOnlyList<LoggedRequest>? After(int count)
    {
        lock (_sync)
        {
            var newer = Math.Max(0, _requests - count);
            return newer > _recent.Count ? null : _recent.Skip(_recent.Count - newer).ToList();
        }
    }

    public RequestCounters Counters()
    {
        lock (_sync) return new(_requests, _status429, _status5xx, new(_byMethod), _byStatus.ToDictionary(s => s.Key.ToString(), s => s.Value));
    }
}

/// <summary>One call; <see cref="Path"/> never carries the access token, and status 0 means the connection was dropped.
/// <see cref="UserAgent"/> is the caller's, as sent (TrayBridge's connectors name their process there).</summary>
public sealed record LoggedRequest(DateTimeOffset At, string Method, string Path, int Status, string? UserAgent = null);

public sealed record RequestCounters(int Requests, int Status429, int Status5xx, Dictionary<string, int> ByMethod, Dictionary<string, int> ByStatus);
