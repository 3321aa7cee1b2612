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
    /// and later pictures move down to fill it.</summary>
    public List<(int Slot, string Url)> Apply(JsonObject body)
    {
        var before = _urls.ToHashSet();
        var slots = Enumerable.Range(0, Slots).Select(i => i < _urls.Count ? _urls[i] : null).ToArray();
        for (var i = 0; i < Slots; i++)
            if (body.Text($"picture_source_{i + 1}") is { } url)
                slots[i] = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        _urls.Clear();
        _urls.AddRange(slots.OfType<string>());
        // Tray asks not to resend unchanged images: only new addresses are fetched.
        return _urls.Select((url, i) => (Slot: i + 1, Url: url)).Where(p => !before.Contains(p.Url)).ToList();
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
