namespace TrayBridge.TestSupport;

/// <summary>Where the test PostgreSQL and RabbitMQ servers are: an admin connection string, the AMQP URI
/// (credentials, no vhost) and the management API URI used to create a vhost per fixture.</summary>
public sealed record TestServers(string PostgresAdmin, Uri Rabbit, Uri RabbitManagement);
