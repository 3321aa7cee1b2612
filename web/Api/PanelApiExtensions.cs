namespace TrayBridge.Web.Api;

public static class PanelApiExtensions
{
    /// <summary><c>Panel:ApiBaseUrl</c> is the gateway (the public API), never a service.</summary>
    public static IServiceCollection AddPanelApi(this IServiceCollection services, IConfiguration configuration)
    {
        var baseUrl = configuration["Panel:ApiBaseUrl"] is { Length: > 0 } url ? new Uri(url) : throw new InvalidOperationException("Panel:ApiBaseUrl is missing.");
        services.AddTransient<UserTokenHandler>();
        services.AddScoped<PanelContext>();
        services.AddHttpClient<PanelApi>(client =>
        {
            client.BaseAddress = baseUrl;
            client.Timeout = TimeSpan.FromSeconds(30);
        }).AddHttpMessageHandler<UserTokenHandler>();
        return services;
    }
}
