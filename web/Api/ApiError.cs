using System.Net;
using System.Text.Json;
using TrayBridge.Api;

namespace TrayBridge.Web.Api;

/// <summary>What the API said went wrong: its stable <see cref="Code"/> (the panel decides on it), its Portuguese
/// <see cref="Detail"/> (people read it) and, for a 400, the Portuguese message of each field at fault. An answer that is
/// not a ProblemDetails (a proxy's 502, a timeout) still gets a Portuguese sentence with the reason.</summary>
public sealed record ApiError(int Status, string Code, string Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <summary>The message of a field, matched without regard to case ("SalesOrderIds" and "salesOrderIds" alike).</summary>
    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages
            ? string.Join(" ", messages) : null;

    public static ApiError Unreachable(string reason) =>
        new(0, "http.unreachable", $"Não foi possível falar com o TrayBridge ({reason}). Tente de novo em instantes.", NoErrors);

    public static async Task<ApiError> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        string? code = null, detail = null, title = null;
        var errors = new Dictionary<string, string[]>();
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                var root = json.RootElement;
                code = Text(root, ApiProblem.CodeMember);
                detail = Text(root, "detail");
                title = Text(root, "title");
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                    foreach (var field in fields.EnumerateObject())
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray() : [field.Value.ToString()];
            }
            catch (JsonException) { }
        }
        return new ApiError(status, code ?? $"http.{status}", detail ?? title ?? ByStatus(response.StatusCode), errors);
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string ByStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Sua sessão expirou. Entre novamente.",
        HttpStatusCode.Forbidden => "Seu usuário não tem permissão para esta ação.",
        HttpStatusCode.NotFound => "Não encontrado: o registro não existe ou foi removido.",
        HttpStatusCode.Conflict => "A operação conflita com o estado atual do registro. Atualize a página e tente de novo.",
        HttpStatusCode.TooManyRequests => "Muitas chamadas em pouco tempo (limite da Tray ou do TrayBridge). Aguarde alguns instantes e tente de novo.",
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout =>
            "Um serviço do TrayBridge não respondeu agora. Tente de novo em instantes.",
        _ when (int)status >= 500 => "Erro interno do TrayBridge. Tente de novo; se persistir, fale com o suporte.",
        _ => "A solicitação não foi aceita.",
    };
}
