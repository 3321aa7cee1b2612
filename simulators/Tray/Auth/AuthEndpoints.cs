using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Auth;

/// <summary><c>POST /auth</c> (code → tokens) and <c>GET /auth?refresh_token=</c> (tray-api.md §2.3, §2.4).</summary>
public static class AuthEndpoints
{
    public static void MapAuth(this RouteGroupBuilder api)
    {
        api.MapPost("/auth", CreateAsync);
        api.MapGet("/auth", Refresh);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, TrayRequest tray, AppRegistry apps, TokenService tokens,
        SettingsHolder settings)
    {
        var current = settings.Current;
        var body = http.Request.HasFormContentType || (current.AuthAcceptsJson && TrayBody.IsJson(http.Request))
            ? await TrayBody.ReadAsync(http.Request)
            : null;
        var (key, secret, code) = (body?.Text("consumer_key"), body?.Text("consumer_secret"), body?.Text("code"));
        if (key is null || secret is null || code is null)
            return TrayError.BadRequest(http, "Informe consumer_key, consumer_secret e code");

        var app = apps.Find(key);
        if (app is null || app.ConsumerSecret != secret)
            return TrayError.Result(http, 401, "Unauthorized access", "Consumer key ou consumer secret inválidos");
        var store = tray.Store;
        lock (store.Sync)
        {
            if (!store.Codes.TryGetValue(code, out var used))
                return TrayError.Result(http, 401, "Unauthorized access", "Código de autorização inválido");
            if (used && !current.AllowCodeReuse)
                return TrayError.Result(http, 401, "Unauthorized access", "Código de autorização já utilizado");
            store.Codes[code] = true;
        }
        // HELP's sample checks for 201; PLUGIN's body carries a numeric code.
        return Results.Json(Body(http, tokens.Issue(store, app), "Created tokens", 201), statusCode: 201);
    }

    private static IResult Refresh(HttpContext http, TrayRequest tray, TokenService tokens)
    {
        var grant = tokens.Refresh(tray.Store.Id, http.Request.Query["refresh_token"].FirstOrDefault());
        if (grant is null) return TrayError.Result(http, 401, "Unauthorized access", "Refresh token inválido ou expirado");
        // DEV21's refresh sample carries the code as a string.
        return Results.Json(Body(http, grant, "Refreshed tokens", "200"));
    }

    private static JsonObject Body(HttpContext http, TokenGrant grant, string message, JsonNode code) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["access_token"] = grant.AccessToken,
        ["refresh_token"] = grant.RefreshToken,
        ["date_expiration_access_token"] = TrayTime.DateTime(grant.AccessExpiresAt),
        ["date_expiration_refresh_token"] = TrayTime.DateTime(grant.RefreshExpiresAt),
        ["date_activated"] = TrayTime.DateTime(grant.ActivatedAt),
        ["api_host"] = TrayWrite.ApiAddress(http.Request, grant.StoreId),
        ["store_id"] = grant.StoreId,
    };
}
