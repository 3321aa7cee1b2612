using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>Exchanges a merchant's code and checks the answer belongs to the store they named; failures become a 4xx
/// ProblemDetails with Tray's cause in the detail (never a secret), so the form can show what Tray said.</summary>
public static class StoreAuthorization
{
    public sealed record Outcome(TrayTokens? Tokens, ProblemHttpResult? Problem);

    public static async Task<Outcome> ExchangeAsync(TrayAuthClient auth, TraySettings settings, string apiAddress, string storeId, int dailyLimit,
        string code, CancellationToken cancellationToken)
    {
        try
        {
            var call = new TrayCall(StoreHost.Of(apiAddress), storeId, dailyLimit, TrayPriority.InvoiceAndStatus);
            var tokens = await auth.ExchangeCodeAsync(apiAddress, call, settings.ConsumerKey, settings.ConsumerSecret, code, cancellationToken);
            if (tokens.StoreId != storeId)
                return new(null, Problems.Unprocessable(TrayProblemCodes.CodeOfAnotherStore,
                    $"Este code pertence a outra loja da Tray: foi emitido para a loja {tokens.StoreId}, não para a {storeId}."));
            return new(tokens, null);
        }
        catch (TrayBudgetExhaustedException e)
        {
            return new(null, TrayProblems.BudgetExhausted(e));
        }
        catch (TrayApiException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            return new(null, Problems.Unprocessable(TrayProblemCodes.ApiAddressNotFound,
                $"Não há uma API da Tray em {apiAddress} (o endereço respondeu 404): confira o Site (URL), o endereço da sua loja na Tray."));
        }
        catch (TrayApiException e)
        {
            return new(null, TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: $"A Tray recusou o code: {string.Join("; ", e.Causes.DefaultIfEmpty(e.Name))}",
                extensions: TrayProblems.RefusalExtensions(TrayProblemCodes.TrayRefusedCode, e)));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidDataException)
        {
            return new(null, Problems.Unprocessable(TrayProblemCodes.TrayUnreachable,
                $"Não foi possível falar com a Tray neste endereço da API: {e.Message}"));
        }
    }
}
