using System.Globalization;
using System.Net;
using System.Text;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.CatalogMapping;

/// <summary>The <c>slug</c> a category or brand is created with on Tray (its storefront address; ERP code that creates them
/// sends one, and without it Tray's own choice is undocumented): the name without accents, in lower case, words joined by
/// hyphens. A slug Tray already has is refused, so the next one is tried with a suffix (<c>-2</c>, <c>-3</c>, …) — a
/// category of the same name under another parent is the usual case.</summary>
public static class TraySlug
{
    public const int MaxLength = 100;
    /// <summary>Slugs tried per creation: each is one call, and a refusal for another reason stops at the first.</summary>
    public const int MaxAttempts = 10;

    public static string Of(string name, string fallback)
    {
        var plain = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                plain.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        var slug = string.Join('-', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > MaxLength) slug = slug[..MaxLength].TrimEnd('-');
        return slug.Length > 0 ? slug : fallback;
    }

    /// <summary>Creates the record with <c>slug</c>, the next suffix after each refusal of the slug; Tray's id.</summary>
    public static async Task<string> CreateAsync(TrayApiClient tray, string tenantId, string storeId, string path, string wrapper,
        Dictionary<string, object> fields, string slug, Func<CancellationToken, Task<string?>> findExisting, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var body = new Dictionary<string, object>(fields) { ["slug"] = attempt == 1 ? slug : $"{slug}-{attempt}" };
            try
            {
                return await tray.CreateAsync(tenantId, storeId, path, TrayJson.Envelope(wrapper, body), findExisting, TrayPriority.PriceStockSync,
                    cancellationToken);
            }
            catch (TrayApiException e) when (attempt < MaxAttempts && IsSlugRefused(e)) { }
        }
    }

    /// <summary>A 400/409/422 whose reason names the slug (Tray's <c>errors</c> map, or its causes, name the field).</summary>
    public static bool IsSlugRefused(TrayApiException e) =>
        e.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity
        && (e.FieldErrors.ContainsKey("slug") || e.Causes.Append(e.Name).Any(text => text.Contains("slug", StringComparison.OrdinalIgnoreCase)));
}
