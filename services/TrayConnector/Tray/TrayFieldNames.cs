namespace TrayBridge.TrayConnector.Tray;

/// <summary>Tray's field names (English, snake_case) as a merchant knows them, for the reasons Tray gives per field in its
/// <c>errors</c> map (tray-api.md §8.2): "Peso (weight): …" says where to look in the ERP. Unknown fields keep Tray's name.</summary>
public static class TrayFieldNames
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "Nome", ["reference"] = "Referência (SKU)", ["ean"] = "EAN", ["ncm"] = "NCM", ["price"] = "Preço",
        ["cost_price"] = "Preço de custo", ["promotional_price"] = "Preço promocional", ["start_promotion"] = "Início da promoção",
        ["end_promotion"] = "Fim da promoção", ["weight"] = "Peso", ["length"] = "Comprimento", ["width"] = "Largura",
        ["height"] = "Altura", ["stock"] = "Estoque", ["description"] = "Descrição", ["description_small"] = "Descrição curta",
        ["brand"] = "Marca", ["brand_id"] = "Marca", ["model"] = "Modelo", ["category_id"] = "Categoria", ["parent_id"] = "Categoria pai",
        ["slug"] = "Slug", ["available"] = "Disponível", ["product_id"] = "Produto", ["type_1"] = "Variação (tipo 1)",
        ["value_1"] = "Variação (valor 1)", ["type_2"] = "Variação (tipo 2)", ["value_2"] = "Variação (valor 2)",
        ["number"] = "Número da nota", ["serie"] = "Série da nota", ["key"] = "Chave de acesso", ["issue_date"] = "Data de emissão",
        ["value"] = "Valor da nota", ["link"] = "Link do DANFE", ["xml_danfe"] = "XML da NF-e", ["cfop"] = "CFOP",
        ["status_id"] = "Status do pedido", ["sending_code"] = "Código de rastreio", ["tracking_url"] = "Link de rastreio",
        ["code"] = "Code", ["consumer_key"] = "Consumer key", ["consumer_secret"] = "Consumer secret",
    };

    /// <summary>"Peso (weight)" for a known field; Tray's own name otherwise.</summary>
    public static string Label(string field) => Labels.TryGetValue(field, out var label) ? $"{label} ({field})" : field;

    /// <summary>One field's reason as people read it: "Peso (weight): O campo weight deve ter no máximo 9 dígitos".</summary>
    public static string Reason(string field, string message) => $"{Label(field)}: {message}";
}
