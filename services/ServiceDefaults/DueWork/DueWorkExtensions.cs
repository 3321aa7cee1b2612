using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TrayBridge.ServiceDefaults.DueWork;

public static class DueWorkExtensions
{
    public static IServiceCollection AddDueWork(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DueWorkSettings>(configuration.GetSection("DueWork"));
        services.AddSingleton<DueWorkScheduler>();
        services.AddHostedService<DueWorkRunner>();
        return services;
    }

    public static IServiceCollection AddDueWorkClaimFilter(this IServiceCollection services, DueWorkClaimFilter filter) =>
        services.AddSingleton(filter);

    public static IServiceCollection AddDueWorkHandler<THandler>(this IServiceCollection services) where THandler : class, IDueWorkHandler =>
        services.AddScoped<IDueWorkHandler, THandler>();
}
