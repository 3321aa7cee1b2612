using System.Globalization;
using System.Text;

namespace TrayBridge.Catalog.Domain;

/// <summary>Text as searched: without accents and in lower case, so "cafe" finds "Café" and "CAFÉ".</summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
