using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>MassTransit on RabbitMQ (<c>ConnectionStrings:rabbitmq</c>, an amqp URI), kebab-case endpoints prefixed by the
    /// service, short in-process retries (long waits are due work, not redelivery), in-memory outbox, tenant filters.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var rabbit = new Uri(configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is missing (amqp://user:pass@host:5672/vhost)."));
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
                    retry.Ignore<TenantMismatchException>();
                });
                // The outbox sends after the consumer returns: the scope must outlive it, or the scoped tenant send filter
                // is resolved from a disposed provider and every RespondAsync/Publish from a consumer faults.
                endpoint.UseMessageScope(context);
                endpoint.UseInMemoryOutbox(context);
            });
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbitMq) =>
            {
                rabbitMq.Host(rabbit, host => host.ConnectionName(serviceName));
                rabbitMq.UseSendFilter(typeof(TenantSendFilter<>), context);
                rabbitMq.UsePublishFilter(typeof(TenantSendFilter<>), context);
                rabbitMq.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
                rabbitMq.ConfigureEndpoints(context);
            });
        });
        return services;
    }
}
