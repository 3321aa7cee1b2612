using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>Tray's URL slugs: lower case, accents dropped, words joined by hyphens. A slug sent names one storefront address,
/// so it is refused (400, <c>errors.slug</c>) when another category (or brand) of the store has it already. Without one sent,
/// the slug is made from the name and not checked: how Tray fills a missing slug is undocumented (two "Acessórios" under
/// different parents then share one), which is why ERP code that creates categories and brands on Tray sends its own.</summary>
public static class Slug
{
    public static string Of(string text)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        return string.Join('-', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The slug a body sends, trimmed; null when it sends none.</summary>
    public static string? Sent(JsonObject body) => body.Text("slug")?.Trim() is { Length: > 0 } slug ? slug : null;

    /// <summary>The refusal when the slug a body sends is another record's already (<paramref name="self"/>, the record written,
    /// is left out; null on create).</summary>
    public static string? Taken<T>(JsonObject body, T? self, IEnumerable<T> all, Func<T, string> slugOf, string what) where T : class =>
        Sent(body) is { } wanted
        && all.Any(other => !ReferenceEquals(other, self) && string.Equals(slugOf(other), wanted, StringComparison.OrdinalIgnoreCase))
            ? $"Já existe {what} com o slug '{wanted}'"
            : null;
}
