using MassTransit;
using Npgsql;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.Contracts.Orders;

namespace TrayBridge.Samples.Subscriber;

/// <summary>What another team copies: its own durable queue (<c>Subscriber:Queue</c>) bound to the events it needs, on
/// TrayBridge's RabbitMQ (<c>ConnectionStrings:rabbitmq</c>), and its own database (<c>ConnectionStrings:postgres</c>)
/// where each event is recorded once by its MessageId.</summary>
public static class SubscriberExtensions
{
    public static WebApplicationBuilder AddTrayBridgeSubscriber(this WebApplicationBuilder builder)
    {
        var rabbit = builder.Configuration.GetConnectionString("rabbitmq") ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is required.");
        var postgres = builder.Configuration.GetConnectionString("postgres") ?? throw new InvalidOperationException("ConnectionStrings:postgres is required.");
        var queue = builder.Configuration["Subscriber:Queue"] ?? "sample-subscriber";
        builder.Services.AddSingleton(NpgsqlDataSource.Create(postgres));
        builder.Services.AddSingleton<ReceivedEvents>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReceivedEvents>());
        builder.Services.AddHealthChecks();
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<EventConsumer<OrderImported>>();
            bus.AddConsumer<EventConsumer<NfeIssued>>();
            bus.AddConsumer<EventConsumer<SalesOrderShipped>>();
            bus.UsingRabbitMq((context, rabbitMq) =>
            {
                rabbitMq.Host(new Uri(rabbit));
                // One queue for the three events: MassTransit binds it to each event's exchange (named by [EntityName]),
                // so the exchanges TrayBridge publishes to reach it; nothing of TrayBridge's own queues is touched.
                rabbitMq.ReceiveEndpoint(queue, endpoint =>
                {
                    endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 2000));
                    endpoint.ConfigureConsumer<EventConsumer<OrderImported>>(context);
                    endpoint.ConfigureConsumer<EventConsumer<NfeIssued>>(context);
                    endpoint.ConfigureConsumer<EventConsumer<SalesOrderShipped>>(context);
                });
            });
        });
        return builder;
    }
}
