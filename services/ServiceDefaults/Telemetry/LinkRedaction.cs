using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace TrayBridge.ServiceDefaults.Telemetry;

/// <summary>The token of an anonymous link is the only credential its holder needs (Tray keeps DANFE/XML and picture links
/// for years), so it must not travel to a trace backend or a log store: every path under the anonymous routes has its token
/// replaced by <c>***</c>. <c>http.route</c> and span names carry the template (<c>{token}</c>) and are left alone.</summary>
public static partial class LinkRedaction
{
    public const string Mask = "***";

    [GeneratedRegex(@"(/public/(?:invoicing/nfes|catalog/images)/)[^/?#\s""']+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    public static string Redact(string text) => text.Contains("/public/", StringComparison.Ordinal) ? Token().Replace(text, "$1" + Mask) : text;

    public static object? Redact(object? value) => value is string text ? Redact(text) : value;
}

/// <summary>Runs before the exporters: a span's URL attributes (server <c>url.path</c>, client <c>url.full</c>, and the older
/// names) and its name lose the token before anything is exported.</summary>
public sealed class LinkRedactingSpanProcessor : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.path", "url.full", "url.original", "http.target", "http.url", "url.query"];

    public override void OnEnd(Activity activity)
    {
        foreach (var tag in UrlTags)
            if (activity.GetTagItem(tag) is string value && LinkRedaction.Redact(value) is var redacted && !ReferenceEquals(redacted, value))
                activity.SetTag(tag, redacted);
        activity.DisplayName = LinkRedaction.Redact(activity.DisplayName);
    }
}
