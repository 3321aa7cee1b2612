using System.Globalization;
using System.Text;

namespace TrayBridge.ServiceDefaults.Text;

/// <summary>Text as people search it: without accents and in lower case, so "joao", "JOÃO" and "João" are one search.</summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
