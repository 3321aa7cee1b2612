using TrayBridge.ServiceDefaults.Text;

namespace TrayBridge.Orders.Features.Search;

/// <summary>A name found however it is typed ("joao" finds "JOÃO"), or a CPF/CNPJ formatted or bare, in SQL over a
/// document's JSON. Documents keep no folded name, so the fold happens in SQL: translate() needs no extension
/// (unaccent may be missing). Used through Marten's MatchesSql, which keeps the query in LINQ and so the tenant filter.</summary>
public static class NameSearch
{
    private const string Accented = "ÁÀÂÃÄÅáàâãäåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇçÑñÝýÿ";
    private const string Plain = "AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNnYyy";

    /// <summary>The condition on the name at <paramref name="namePath"/> and the tax id at <paramref name="taxIdPath"/>
    /// (JSON paths as SQL, e.g. <c>d.data->>'Name'</c>), with two parameters: <see cref="Pattern"/> and <see cref="TaxIdText"/>.</summary>
    public static string Sql(string namePath, string taxIdPath) =>
        $@"(lower(translate({namePath}, '{Accented}', '{Plain}')) like ? escape '\' or {taxIdPath} = ?)";

    /// <summary>The condition on the name alone, with one parameter (<see cref="Pattern"/>): for a search that cannot be a
    /// CPF/CNPJ (see <see cref="CouldBeTaxId"/>), so it can be checked inside an index that carries the name.</summary>
    public static string NameSql(string namePath) =>
        $@"lower(translate({namePath}, '{Accented}', '{Plain}')) like ? escape '\'";

    /// <summary>Whether the text typed could equal a stored CPF (11) or CNPJ (14); otherwise only the name can match.</summary>
    public static bool CouldBeTaxId(string search) => TaxIdText(search).Length is 11 or 14;

    /// <summary>"%joao%" for "  João ": folded, LIKE's wildcards escaped.</summary>
    public static string Pattern(string search) => $"%{Escape(TextFolding.Fold(search.Trim()))}%";

    /// <summary>A CPF/CNPJ as stored (bare, upper case): "529.982.247-25" → "52998224725".</summary>
    public static string TaxIdText(string search) => string.Concat(search.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    private static string Escape(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
