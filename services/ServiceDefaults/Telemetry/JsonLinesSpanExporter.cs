using System.Diagnostics;
using System.Text.Json;
using OpenTelemetry;

namespace TrayBridge.ServiceDefaults.Telemetry;

/// <summary>Appends finished spans as JSON lines to a file (<c>Telemetry:SpanFile</c>): a collector-free way for
/// end-to-end tests and local runs to see one trace crossing several host processes.</summary>
public sealed class JsonLinesSpanExporter(string path, string serviceName) : BaseExporter<Activity>
{
    private readonly Lock _gate = new();

    public override ExportResult Export(in Batch<Activity> batch)
    {
        var lines = new List<string>();
        foreach (var activity in batch)
            lines.Add(JsonSerializer.Serialize(new
            {
                service = serviceName,
                traceId = activity.TraceId.ToHexString(),
                spanId = activity.SpanId.ToHexString(),
                parentSpanId = activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString(),
                name = activity.DisplayName,
                source = activity.Source.Name,
                kind = activity.Kind.ToString(),
                start = activity.StartTimeUtc,
                durationMs = activity.Duration.TotalMilliseconds,
                status = activity.Status.ToString(),
                // Everything an OTLP exporter would send too, so tests can check no secret rides along.
                tags = activity.TagObjects.ToDictionary(t => t.Key, t => t.Value?.ToString()),
                events = activity.Events.Select(e => new { e.Name, tags = e.Tags.ToDictionary(t => t.Key, t => t.Value?.ToString()) }),
            }));
        lock (_gate) File.AppendAllLines(path, lines);
        return ExportResult.Success;
    }
}
