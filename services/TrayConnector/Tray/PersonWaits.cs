namespace TrayBridge.TrayConnector.Tray;

/// <summary>Whether a person waits for the Tray calls made here: their own HTTP request, or — in a dedicated connector —
/// a request another connector forwarded (no HTTP request runs in this process then). Such calls wait for their budget
/// slot and go out even while the store backs off, like the person's request would have.</summary>
public static class PersonWaits
{
    private static readonly AsyncLocal<bool> Forwarded = new();

    public static bool For(IHttpContextAccessor people) => people.HttpContext is not null || Forwarded.Value;

    /// <summary>Runs <paramref name="work"/> (and everything it awaits) as a person's request.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        Forwarded.Value = true; // an async method's AsyncLocal change flows down and is undone when it returns
        return await work();
    }
}
