using System.Globalization;
using System.Text;

namespace TrayBridge.TrayConnector.Features.Orders;

/// <summary>"João", "JOAO" and "joão" are one search: accents removed, lower case.</summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString().Normalize(NormalizationForm.FormC).Trim();
    }
}
