using TrayBridge.Api.Orders;

namespace TrayBridge.Web.Components.Pages.SalesOrders;

/// <summary>How Vendas › Pedidos de venda words and colours a sales order: the situation's tone (its text always beside
/// it), a CPF/CNPJ as people write it, and the fix a missing datum asks for.</summary>
public static class SalesOrderText
{
    public static string Tone(string situation) => situation switch
    {
        SalesOrderSituations.Ready => "ok",
        SalesOrderSituations.Pending or SalesOrderSituations.CancelledOnTrayInvoiced => "warn",
        SalesOrderSituations.CancelledOnTray or SalesOrderSituations.Cancelled or SalesOrderSituations.Divergent => "error",
        _ => "neutral",
    };

    /// <summary>000.000.000-00 or 00.000.000/0000-00 (letters of an alphanumeric CNPJ kept); anything else as it is.</summary>
    public static string TaxId(string? value) => value switch
    {
        { Length: 11 } v => $"{v[..3]}.{v[3..6]}.{v[6..9]}-{v[9..]}",
        { Length: 14 } v => $"{v[..2]}.{v[2..5]}.{v[5..8]}/{v[8..12]}-{v[12..]}",
        null => "",
        var v => v,
    };

    /// <summary>The cards, one per situation in the API's order, with the counts it gave (zero when it gave none).</summary>
    public static IReadOnlyList<Shared.SituationCard> Cards(IReadOnlyDictionary<string, int> counts) =>
        [.. SalesOrderSituations.All.Select(code => new Shared.SituationCard(code, SalesOrderSituations.Label(code), counts.GetValueOrDefault(code), Tone(code)))];

    /// <summary>One fix form of a pending order: which datum (a <see cref="MissingCodes"/> code), the item line for an NCM.</summary>
    public static string FixKey(string code, int? line) => line is { } l ? $"{code}:{l}" : code;
}

/// <summary>The fix a person sent: the missing datum's code and, for an NCM, its line.</summary>
public sealed record FixTarget(string Code, int? Line)
{
    public string Key => SalesOrderText.FixKey(Code, Line);
}
