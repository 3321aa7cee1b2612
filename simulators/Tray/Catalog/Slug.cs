using System.Globalization;
using System.Text;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>Tray's URL slugs: lower case, accents dropped, words joined by hyphens.</summary>
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
}
