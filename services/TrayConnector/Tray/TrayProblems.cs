using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Tray;

/// <summary>The connector's error answers, each with its stable code and a pt-BR detail that keeps Tray's own words
/// (its <c>name</c> and <c>causes</c> are what the merchant can act on, so they are never replaced, only framed).</summary>
public static class TrayProblems
{
    /// <summary>The ProblemDetails member carrying Tray's <c>errors</c> map (field → messages) when Tray named fields.</summary>
    public const string TrayErrorsMember = "trayErrors";

    public static ProblemHttpResult StoreNotFound() =>
        Problems.NotFound(TrayProblemCodes.StoreNotFound, "Loja virtual não encontrada nesta conta.");

    public static ProblemHttpResult BudgetExhausted(TrayBudgetExhaustedException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
            detail: $"Aguardando a cota de requisições da Tray desta loja: tente de novo depois de {SaoPaulo(e.RetryAt)}.",
            extensions: new Dictionary<string, object?> { [ApiProblem.CodeMember] = TrayProblemCodes.BudgetExhausted, ["retryAt"] = e.RetryAt });

    /// <summary>423: the platform's operation disabled the store; nothing was sent to Tray.</summary>
    public static ProblemHttpResult Disabled(string? reason) =>
        Problems.Of(StatusCodes.Status423Locked, TrayProblemCodes.StoreDisabled,
            $"Loja desativada pela operação da plataforma: {reason}. Nada é enviado à Tray até ela ser reativada; o trabalho já pedido fica na fila.");

    public static ProblemHttpResult Unavailable(StoreUnavailableException e) =>
        Problems.Conflict(TrayProblemCodes.StoreUnavailable, $"A loja não pode ser acessada na Tray: {e.Reason}");

    public static ProblemHttpResult Refused(TrayApiException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, detail: $"A Tray recusou a chamada: {Describe(e)}",
            extensions: RefusalExtensions(TrayProblemCodes.TrayRefused, e));

    /// <summary>The code, Tray's HTTP status and, when Tray named fields, its <c>errors</c> map.</summary>
    public static Dictionary<string, object?> RefusalExtensions(string code, TrayApiException e)
    {
        var extensions = new Dictionary<string, object?> { [ApiProblem.CodeMember] = code, ["trayStatus"] = (int)e.Status };
        if (e.FieldErrors.Count > 0) extensions[TrayErrorsMember] = e.FieldErrors;
        return extensions;
    }

    /// <summary>The answer for a Tray call that failed while a person waits; null for anything else (a bug stays a 500).</summary>
    public static ProblemHttpResult? For(Exception e) => e switch
    {
        Features.Operations.StoreDisabledException d => Disabled(d.Operation.DisabledReason),
        StoreUnavailableException { NotRegistered: true } => StoreNotFound(),
        StoreUnavailableException u => Unavailable(u),
        TrayBudgetExhaustedException b => BudgetExhausted(b),
        TrayApiException t => Refused(t),
        HttpRequestException or InvalidDataException => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway,
            detail: $"Não foi possível falar com a Tray: {Describe(e)}",
            extensions: new Dictionary<string, object?> { [ApiProblem.CodeMember] = TrayProblemCodes.TrayRefused }),
        _ => null,
    };

    /// <summary>What went wrong with a Tray call, in pt-BR around Tray's own words; never a token (paths carry none).</summary>
    public static string Describe(Exception e) => e switch
    {
        TrayApiException t => $"a Tray respondeu {(int)t.Status} — {t.Name}{(t.Causes.Count > 0 ? ": " + string.Join("; ", t.Causes) : "")}",
        StoreUnavailableException u => $"a loja não pode ser acessada ({u.Reason})",
        InvalidDataException => $"a resposta da Tray não pôde ser lida ({e.Message})",
        HttpRequestException or TaskCanceledException => $"a Tray não respondeu ({e.Message})",
        _ => e.Message,
    };

    public static string SaoPaulo(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TrayLocalTimeConverter.SaoPaulo).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
}
