using TrayBridge.TraySimulator.Auth;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Gateway;

/// <summary>
/// What stands in front of every Tray API call, in Tray's order as far as it shows: the store, the budgets (429),
/// injected faults, the store's standing (1001–1003), the access token (1000/1099). Every call is logged without its token.
/// </summary>
public sealed class TrayGateway(RequestDelegate next, StoreRegistry stores, TokenService tokens, RateLimiter limiter,
    FaultInjector faults, SimulatorClock clock)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Items[TrayRequest.ResourcePathKey] is not string resource)
        {
            await next(http);
            return;
        }
        var store = stores.Find(http.Request.Path.Value!.Split('/')[1]);
        if (store is null)
        {
            await TrayError.WriteAsync(http, 404, "Not Found", "Loja não encontrada");
            return;
        }
        try
        {
            await GuardAsync(http, store, resource == "auth");
        }
        finally
        {
            store.Log.Add(new LoggedRequest(clock.GetUtcNow(), http.Request.Method, LoggablePath(http),
                http.RequestAborted.IsCancellationRequested ? 0 : http.Response.StatusCode, UserAgentOf(http)));
        }
    }

    /// <summary>Bounded: the log keeps a thousand calls per store.</summary>
    private static string? UserAgentOf(HttpContext http) =>
        http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 200)] : null;

    private async Task GuardAsync(HttpContext http, Store store, bool isAuth)
    {
        var grant = isAuth ? null : tokens.FindByAccess(http.Request.Query["access_token"].FirstOrDefault());
        if (!limiter.TryAcquire(store, grant?.ConsumerKey))
        {
            await TrayError.WriteAsync(http, 429, "Too Many Requests", "Limite de requisições excedido");
            return;
        }
        if (await InjectFaultAsync(http)) return;
        if (store.Status.Refusal() is { } refusal)
        {
            await TrayError.WriteAsync(http, 401, "Unauthorized access", refusal.Cause, refusal.ErrorCode);
            return;
        }
        if (!isAuth)
        {
            if (grant is null || grant.StoreId != store.Id)
            {
                await TrayError.WriteAsync(http, 401, "Unauthorized access", "Token inválido", TrayError.Unknown);
                return;
            }
            if (tokens.IsExpired(grant))
            {
                await TrayError.WriteAsync(http, 401, "Unauthorized access", "Token inválido ou expirado", TrayError.InvalidToken);
                return;
            }
        }
        if (http.GetEndpoint() is null)
        {
            await TrayError.WriteAsync(http, 404, "Not Found", "Recurso não encontrado");
            return;
        }
        http.Items[typeof(TrayRequest)] = new TrayRequest(store, grant);
        await FailAfterCommit.RunAsync(http, next, faults.Current);
    }

    private async Task<bool> InjectFaultAsync(HttpContext http)
    {
        var current = faults.Current;
        if (FaultInjector.Hits(current.SlowShare)) await Task.Delay(current.SlowMilliseconds, http.RequestAborted);
        if (FaultInjector.Hits(current.DropShare))
        {
            http.Abort();
            return true;
        }
        if (FaultInjector.Hits(current.Error500Share))
        {
            await TrayError.WriteAsync(http, 500, "Internal Server Error", "Erro interno");
            return true;
        }
        if (!FaultInjector.Hits(current.Error429Share)) return false;
        await TrayError.WriteAsync(http, 429, "Too Many Requests", "Limite de requisições excedido");
        return true;
    }

    private static string LoggablePath(HttpContext http)
    {
        // Both tokens are secrets: neither reaches the log.
        var query = http.Request.Query.Where(q => q.Key is not ("access_token" or "refresh_token")).Select(q => $"{q.Key}={q.Value}").ToList();
        return http.Request.Path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
