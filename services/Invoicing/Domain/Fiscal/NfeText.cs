using System.Globalization;
using System.Text;

namespace TrayBridge.Invoicing.Domain.Fiscal;

/// <summary>Free text made fit for the schema's <c>TString</c>: characters from '!' to 'ÿ' with single inner spaces, no
/// leading or trailing space, no control characters, nothing above Latin-1 (PL_009l, NT 2023.002). Names and
/// addresses come from shoppers, so curly quotes, dashes and emoji are common and would fail the schema (225).</summary>
public static class NfeText
{
    /// <summary>The text cleaned and cut to <paramref name="maxLength"/>; empty when nothing printable is left.</summary>
    public static string Clean(string? text, int maxLength)
    {
        var builder = new StringBuilder();
        foreach (var c in Composed(text ?? ""))
        {
            var mapped = Map(c);
            if (mapped is null) continue;
            if (mapped == " " && (builder.Length == 0 || builder[^1] == ' ')) continue;
            builder.Append(mapped);
        }
        var clean = builder.ToString().Trim();
        return clean.Length <= maxLength ? clean : clean[..maxLength].TrimEnd();
    }

    // Composed first, so "e" + combining acute is the single Latin-1 "é"; a string with a broken surrogate pair cannot
    // be normalised and is taken as it is (the halves are dropped below).
    private static string Composed(string text)
    {
        try { return text.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { return text; }
    }

    private static string? Map(char c)
    {
        if (char.IsWhiteSpace(c) || char.IsControl(c)) return char.IsWhiteSpace(c) ? " " : null;
        if (c <= 'ÿ') return c.ToString();
        // Half of a character beyond the BMP (emoji and the like): nothing of it fits Latin-1.
        if (char.IsSurrogate(c)) return null;
        switch (c)
        {
            case '‘' or '’' or '‚' or '′': return "'";
            case '“' or '”' or '„' or '″': return "\"";
            case '–' or '—' or '‐' or '‑' or '−': return "-";
            case '…': return "...";
        }
        // An accented letter outside Latin-1 keeps its base letter (ő → o); anything else (emoji, symbols) is dropped.
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var kept = string.Concat(decomposed.Where(d => d <= 'ÿ' && CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark));
        return kept.Length == 0 ? null : kept;
    }
}
