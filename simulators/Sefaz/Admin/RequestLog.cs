namespace TrayBridge.SefazSimulator.Admin;

/// <summary>One SOAP call as <c>GET /admin/requests</c> shows it. HTTP status 0: the answer was withheld (timeout fault).</summary>
public sealed record LoggedRequest(
    DateTimeOffset At,
    string Service,
    int HttpStatus,
    int? CStat,
    string? XMotivo,
    string? Detail,
    string? ClientCertificate,
    long DurationMs);

/// <summary>The last calls, newest last.</summary>
public sealed class RequestLog
{
    private const int Kept = 2000;
    private readonly Lock _sync = new();
    private readonly LinkedList<LoggedRequest> _recent = new();

    public void Add(LoggedRequest request)
    {
        lock (_sync)
        {
            _recent.AddLast(request);
            if (_recent.Count > Kept) _recent.RemoveFirst();
        }
    }

    public IReadOnlyList<LoggedRequest> Last(int count)
    {
        lock (_sync) return _recent.Skip(Math.Max(0, _recent.Count - count)).ToList();
    }
}
