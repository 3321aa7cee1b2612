using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>The six <c>picture_source_N</c> slots of a product or variant (tray-api.md §3.5).</summary>
public sealed class Pictures
{
    public const int Slots = 6;
    private readonly List<string> _urls = [];

    public IReadOnlyList<string> Urls => _urls;

    /// <summary>Applies the slots a body sends; returns the (slot, url) pairs to download. A single space deletes a slot,
    /// and later pictures move down to fill it (the body's slots apply first, then the gaps close). Every address sent is
    /// downloaded again, unchanged or not: each send is a new download and processing on Tray, which is why Tray asks
    /// clients to send only the slots that changed.</summary>
    public List<(int Slot, string Url)> Apply(JsonObject body)
    {
        var slots = Enumerable.Range(0, Slots).Select(i => (Url: i < _urls.Count ? _urls[i] : null, Sent: false)).ToArray();
        for (var i = 0; i < Slots; i++)
            if (body.Text($"picture_source_{i + 1}") is { } url)
                slots[i] = string.IsNullOrWhiteSpace(url) ? (null, false) : (url.Trim(), true);
        var kept = slots.Where(s => s.Url is not null).ToList();
        _urls.Clear();
        _urls.AddRange(kept.Select(s => s.Url!));
        return kept.Select((s, i) => (Slot: i + 1, s.Url, s.Sent)).Where(p => p.Sent).Select(p => (p.Slot, p.Url!)).ToList();
    }

    /// <summary><c>ProductImage</c>/<c>VariantImage</c>: the pictures Tray already holds, as CDN addresses with thumbnails.</summary>
    public JsonArray ToJson(Func<string, bool> downloaded, string cdnPrefix) => TrayValues.Array(
        _urls.Select((url, i) => (Url: url, Slot: i + 1)).Where(p => downloaded(p.Url)).Select(p => p.Slot).Select(slot =>
        {
            JsonObject Address(string size) => new()
            {
                ["http"] = $"http://{cdnPrefix}_{slot}{size}.jpg", ["https"] = $"https://{cdnPrefix}_{slot}{size}.jpg",
            };
            var image = Address("");
            image["thumbs"] = new JsonObject { ["30"] = Address("_30"), ["90"] = Address("_90"), ["180"] = Address("_180") };
            return (JsonNode)image;
        }));
}
