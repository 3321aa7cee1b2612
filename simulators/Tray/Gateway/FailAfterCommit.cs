namespace TrayBridge.TraySimulator.Gateway;

/// <summary>
/// The nastiest fault: the write is applied, then the caller gets a 500 or a dropped connection instead of the answer.
/// The handler's response is buffered so that it can be thrown away.
/// </summary>
public static class FailAfterCommit
{
    public static async Task RunAsync(HttpContext http, RequestDelegate next, Faults faults)
    {
        var isWrite = HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method) || HttpMethods.IsDelete(http.Request.Method);
        if (!isWrite || !FaultInjector.Hits(faults.FailAfterCommitShare))
        {
            await next(http);
            return;
        }
        var original = http.Response.Body;
        http.Response.Body = new MemoryStream();
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        if (Random.Shared.Next(2) == 0)
        {
            http.Abort();
            return;
        }
        http.Response.Clear();
        await Tray.TrayError.WriteAsync(http, 500, "Internal Server Error", "Erro interno");
    }
}
