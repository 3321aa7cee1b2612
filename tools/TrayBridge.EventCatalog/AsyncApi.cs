using TrayBridge.Contracts;
using YamlDotNet.Serialization;

namespace TrayBridge.EventCatalog;

/// <summary>AsyncAPI 3.0: one channel per event (its fanout exchange), a send operation by the service that publishes it,
/// the MassTransit envelope as the payload with the event's record inside. Requests between services are left out.</summary>
public static class AsyncApi
{
    public const string Guarantees =
        "At least once: a consumer may receive an event twice (a relay re-publishes after a crash). MessageId is the event's " +
        "own id, stable across re-deliveries: de-duplicate by it. Every event names its tenant (tenantId, and the TenantId " +
        "header). Changes are additive only (new optional fields); a breaking change ships as a new …V2 type on its own exchange.";

    public static string Write(IReadOnlyList<Message> messages, XmlDocs docs)
    {
        var events = messages.Where(m => m.Role == MessageRole.Event).ToList();
        var document = new Dictionary<string, object>
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new Dictionary<string, object>
            {
                ["title"] = "TrayBridge events",
                ["version"] = Catalogue.Contracts.GetName().Version!.ToString(3),
                ["description"] = "Generated from contracts/TrayBridge.Contracts by tools/TrayBridge.EventCatalog (`build.ps1 events`); never edit by hand. " + Guarantees,
            },
            ["defaultContentType"] = "application/vnd.masstransit+json",
            ["servers"] = new Dictionary<string, object>
            {
                ["rabbitmq"] = new Dictionary<string, object>
                {
                    ["host"] = "rabbitmq:5672", ["protocol"] = "amqp", ["protocolVersion"] = "0.9.1",
                    ["description"] = "The deployment's RabbitMQ (its own host and virtual host); bind a queue of your own to each exchange.",
                },
            },
            ["channels"] = events.ToDictionary(m => Catalogue.Json(m.Type.Name), m => (object)new Dictionary<string, object>
            {
                ["address"] = m.Exchange,
                ["messages"] = new Dictionary<string, object> { [m.Type.Name] = Ref($"#/components/messages/{m.Type.Name}") },
                ["bindings"] = new Dictionary<string, object>
                {
                    ["amqp"] = new Dictionary<string, object>
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new Dictionary<string, object> { ["name"] = m.Exchange, ["type"] = "fanout", ["durable"] = true, ["autoDelete"] = false },
                        ["bindingVersion"] = "0.3.0",
                    },
                },
            }),
            ["operations"] = events.ToDictionary(m => $"publish{m.Type.Name}", m => (object)new Dictionary<string, object>
            {
                ["action"] = "send",
                ["channel"] = Ref($"#/channels/{Catalogue.Json(m.Type.Name)}"),
                ["summary"] = $"{m.Publisher} publishes it.",
                ["x-publisher"] = m.Publisher,
            }),
            ["components"] = new Dictionary<string, object>
            {
                ["messages"] = events.ToDictionary(m => m.Type.Name, m => (object)Message(m)),
                ["schemas"] = events.Select(m => m.Type).Concat(Catalogue.Nested(events)).OrderBy(t => t.Name, StringComparer.Ordinal)
                    .ToDictionary(t => t.Name, t => (object)Schemas.Of(t, docs)),
            },
        };
        return new SerializerBuilder().WithIndentedSequences().Build().Serialize(document);
    }

    private static Dictionary<string, object> Message(Message m) => new()
    {
        ["name"] = m.Type.Name,
        ["title"] = m.Type.Name,
        ["summary"] = m.Summary,
        ["x-urn"] = m.Urn,
        ["headers"] = new Dictionary<string, object>
        {
            ["type"] = "object",
            ["properties"] = new Dictionary<string, object> { ["TenantId"] = new Dictionary<string, object> { ["type"] = "string", ["description"] = "The tenant the event belongs to (equal to tenantId)." } },
        },
        ["payload"] = new Dictionary<string, object>
        {
            ["type"] = "object",
            ["description"] = "MassTransit's JSON envelope; the event is `message`.",
            ["required"] = new List<string> { "messageId", "messageType", "message" },
            ["properties"] = new Dictionary<string, object>
            {
                ["messageId"] = new Dictionary<string, object> { ["type"] = "string", ["format"] = "uuid", ["description"] = "The event's id: the same on every re-delivery." },
                ["messageType"] = new Dictionary<string, object> { ["type"] = "array", ["items"] = new Dictionary<string, object> { ["type"] = "string" }, ["description"] = $"Contains {m.Urn}." },
                ["sentTime"] = new Dictionary<string, object> { ["type"] = "string", ["format"] = "date-time" },
                ["message"] = Ref($"#/components/schemas/{m.Type.Name}"),
            },
        },
        ["examples"] = new List<object> { new Dictionary<string, object> { ["name"] = "example", ["payload"] = new Dictionary<string, object?>
        {
            ["messageId"] = "0b9a4b8e-6d2f-4c51-9a51-3c3f2b1d7e10", ["messageType"] = new List<string> { m.Urn }, ["message"] = Schemas.Record(m.Type),
        } } },
    };

    private static Dictionary<string, object> Ref(string to) => new() { ["$ref"] = to };
}
