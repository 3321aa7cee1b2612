using TrayBridge.TrayConnector.Tray.Auth;

namespace TrayBridge.TrayConnector.Tray;

public static class TrayClientExtensions
{
    /// <summary>The Tray clients: their connections go only where <see cref="ApiAddressPolicy"/> allows, and follow no
    /// redirect (a redirect could carry our consumer secret or a token elsewhere).</summary>
    public static WebApplicationBuilder AddTrayClient(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<TraySettings>(builder.Configuration.GetSection("Tray"));
        builder.Services.AddSingleton<ApiAddressPolicy>();
        builder.Services.AddScoped<StoreTokenProvider>();
        Guarded(builder.Services.AddHttpClient<TrayAuthClient>(http => http.Timeout = TimeSpan.FromSeconds(30)));
        Guarded(builder.Services.AddHttpClient<TrayApiClient>(http => http.Timeout = TimeSpan.FromSeconds(60)));
        return builder;
    }

    /// <summary>No redirects, connections only where the policy allows, and no request logging: the default handler
    /// logs URLs, and Tray's URLs carry the access token.</summary>
    private static void Guarded(IHttpClientBuilder client) =>
        client.RemoveAllLoggers().ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = provider.GetRequiredService<ApiAddressPolicy>().ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
}
