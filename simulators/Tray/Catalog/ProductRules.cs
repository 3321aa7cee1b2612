using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>What Tray refuses in a <c>{"Product": {...}}</c> body (tray-api.md §3.4), each refusal a cause of one 400
/// <c>{code, url, name, causes}</c> (§8.2). Documented: name required on create, the max lengths, "number 9" / "decimal 9"
/// (at most 9 digits before the point) and no negative price (0 is documented as "sob consulta", so it passes).
/// <paramref name="strict"/> adds what Tray likely checks but no source confirms (§13 items 6 and 10): at most 2 decimals in
/// money, a GTIN check digit, NCM of 8 digits only, no negative weight, dimensions or stock. Only present fields are checked:
/// a PUT is partial. A <c>{"Variant": {...}}</c> body is checked by the same rules.</summary>
public static class ProductRules
{
    private static readonly (string Field, int Max)[] Lengths =
        [("name", 200), ("reference", 120), ("ean", 120), ("ncm", 8), ("description", 4_800), ("description_small", 500), ("brand", 120), ("model", 150)];
    private static readonly string[] Money = ["price", "cost_price", "promotional_price"];
    private static readonly string[] Numbers = ["weight", "length", "width", "height", "stock"];

    public static List<string> Check(JsonObject body, bool creating, bool strict)
    {
        var causes = new List<string>();
        if ((creating || body.ContainsKey("name")) && string.IsNullOrWhiteSpace(body.Text("name"))) causes.Add("O campo name é obrigatório");
        foreach (var (field, max) in Lengths)
            if (body.Text(field) is { } text && text.Length > max) causes.Add($"O campo {field} deve ter no máximo {max} caracteres");
        foreach (var field in Money.Concat(Numbers))
            if (body.Decimal(field) is { } value && Math.Truncate(Math.Abs(value)) >= 1_000_000_000m)
                causes.Add($"O campo {field} deve ter no máximo 9 dígitos");
        if (body.Decimal("price") is < 0) causes.Add("O campo price não pode ser negativo");
        if (!strict) return causes;

        foreach (var field in Money)
            if (body.Decimal(field) is { } money && money * 100 != Math.Truncate(money * 100))
                causes.Add($"O campo {field} deve ter no máximo 2 casas decimais");
        if (body.Text("ean") is { Length: > 0 } ean && !IsGtin(ean)) causes.Add("O campo ean é inválido");
        if (body.Text("ncm") is { Length: > 0 } ncm && !(ncm.Length == 8 && ncm.All(char.IsAsciiDigit)))
            causes.Add("O campo ncm deve ter 8 dígitos");
        foreach (var field in Numbers)
            if (body.Decimal(field) is < 0) causes.Add($"O campo {field} não pode ser negativo");
        return causes;
    }

    /// <summary>One 400 with every cause and the <c>errors</c> map of them by field, shaped as <see cref="TrayError"/> shapes
    /// its single-cause errors.</summary>
    public static IResult Refuse(HttpContext http, IReadOnlyList<string> causes) => Results.Json(new JsonObject
    {
        ["code"] = 400,
        ["url"] = http.Items[TrayRequest.ResourcePathKey] is string resource ? "//" + resource : http.Request.Path.Value,
        ["name"] = "Bad Request",
        ["causes"] = new JsonArray(causes.Select(c => (JsonNode)c).ToArray()),
        ["errors"] = TrayError.FieldErrors(causes) ?? new JsonObject(),
    }, statusCode: 400);

    private static bool IsGtin(string code)
    {
        if (code.Length is not (8 or 12 or 13 or 14) || !code.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = code.Length - 2; i >= 0; i--)
            sum += (code[i] - '0') * ((code.Length - 2 - i) % 2 == 0 ? 3 : 1);
        return (10 - sum % 10) % 10 == code[^1] - '0';
    }
}
