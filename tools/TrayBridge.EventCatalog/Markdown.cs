using System.Text;
using System.Text.Json;
using TrayBridge.Contracts;

namespace TrayBridge.EventCatalog;

/// <summary>The readable page beside the AsyncAPI document: every event, who publishes it and when, its exchange, fields and example.</summary>
public static class Markdown
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(IReadOnlyList<Message> messages, XmlDocs docs)
    {
        var text = new StringBuilder();
        text.AppendLine("# TrayBridge events").AppendLine()
            .AppendLine("<!-- Generated from contracts/TrayBridge.Contracts by tools/TrayBridge.EventCatalog (`build.ps1 events`). Do not edit: a test fails when it differs. -->").AppendLine()
            .AppendLine("Subscribe with a queue of your own bound to the event's exchange (RabbitMQ, fanout, durable); the NuGet package")
            .AppendLine("`TrayBridge.Contracts` holds the records, and `asyncapi.yaml` beside this page describes the same in AsyncAPI 3.0.").AppendLine()
            .AppendLine("**Guarantees.** " + AsyncApi.Guarantees).AppendLine()
            .AppendLine("| Event | Exchange | Published by | When |").AppendLine("|---|---|---|---|");
        var events = messages.Where(m => m.Role == MessageRole.Event).ToList();
        foreach (var m in events) text.AppendLine($"| [{m.Type.Name}](#{m.Type.Name.ToLowerInvariant()}) | `{m.Exchange}` | {m.Publisher} | {Cell(m.Summary)} |");
        foreach (var m in events)
        {
            text.AppendLine().AppendLine($"## {m.Type.Name}").AppendLine()
                .AppendLine(m.Summary).AppendLine()
                .AppendLine($"- Exchange: `{m.Exchange}` — URN `{m.Urn}` — published by **{m.Publisher}**").AppendLine();
            Fields(text, m.Fields);
            foreach (var nested in Catalogue.Nested([m]))
            {
                text.AppendLine().AppendLine($"`{nested.Name}`: {docs.Summary(nested)}").AppendLine();
                Fields(text, Catalogue.Fields(nested, docs));
            }
            text.AppendLine().AppendLine("```json").AppendLine(JsonSerializer.Serialize(Schemas.Record(m.Type), Indented)).AppendLine("```");
        }
        text.AppendLine().AppendLine("## Between services (not for subscribers)").AppendLine()
            .AppendLine("Requests and their responses pass between two TrayBridge services through MassTransit's request client; they")
            .AppendLine("are in the package for those services only and may move out of it. Those used by one pair of services only")
            .AppendLine("(Orders' sales orders for invoicing, the connector's store connection) already have: they live in")
            .AppendLine("`TrayBridge.Contracts.Internal`, which is not packed.").AppendLine()
            .AppendLine("| Message | Role | Sent by | Purpose |").AppendLine("|---|---|---|---|");
        foreach (var m in messages.Where(m => m.Role != MessageRole.Event))
            text.AppendLine($"| {m.Type.Name} | {m.Role} | {m.Publisher} | {Cell(m.Summary)} |");
        return text.ToString();
    }

    private static void Fields(StringBuilder text, IReadOnlyList<Field> fields)
    {
        text.AppendLine("| Field | Type | Meaning |").AppendLine("|---|---|---|");
        foreach (var f in fields)
            text.AppendLine($"| `{f.Name}` | {TypeName(f.Type)}{(f.Nullable ? " or null" : "")}{(f.Required ? "" : " (optional)")} | {Cell(f.Summary)} |");
    }

    private static string TypeName(Type t) => Nullable.GetUnderlyingType(t) is { } u ? TypeName(u)
        : Catalogue.Element(t) is { } e ? $"list of {TypeName(e)}"
        : Schemas.Type(t) switch { var s when s.ContainsKey("$ref") => $"`{t.Name}`", var s when s.TryGetValue("format", out var f) => $"{s["type"]} ({f})", var s => (string)s["type"] };

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
