using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using Microsoft.Extensions.Options;
using TrayBridge.TrayConnector.Features.Dedicated;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>Exchanges a merchant's code and checks the answer belongs to the store they named; failures become a 4xx
/// ProblemDetails with Tray's cause in the detail (never a secret), so the form can show what Tray said.</summary>
public static class StoreAuthorization
{
    public sealed record Outcome(TrayTokens? Tokens, ProblemHttpResult? Problem);

    /// <summary>The code, encrypted: a forwarded exchange waits in due work, where nothing is kept in clear.</summary>
    public sealed record ExchangeRequest(string ApiAddress, int DailyLimit, string ProtectedCode);

    /// <summary>The tokens as they travel back from the connector that exchanged the code: encrypted.</summary>
    public sealed record SealedTokens(string ProtectedAccessToken, string ProtectedRefreshToken, DateTimeOffset AccessExpiresAt,
        DateTimeOffset RefreshExpiresAt, string ApiHost, string StoreId);

    /// <summary>Exchanges the code in the connector that serves the store (its own, for a dedicated store: the shared ones never
    /// call Tray for it, not even to register it again).</summary>
    public static async Task<Outcome> ExchangeAsync(TrayForwarding forwarding, StoreSecrets secrets, string tenantId, string apiAddress,
        string storeId, int dailyLimit, string code, CancellationToken cancellationToken)
    {
        var answer = await forwarding.RunAsync<SealedTokens>(tenantId, storeId, ForwardedOperations.Exchange,
            new ExchangeRequest(apiAddress, dailyLimit, secrets.Protect(code)), cancellationToken);
        if (answer.Result is not Ok<SealedTokens> { Value: { } sealedTokens }) return new(null, (ProblemHttpResult)answer.Result);
        return new(new TrayTokens(secrets.Unprotect(sealedTokens.ProtectedAccessToken), secrets.Unprotect(sealedTokens.ProtectedRefreshToken),
            sealedTokens.AccessExpiresAt, sealedTokens.RefreshExpiresAt, sealedTokens.ApiHost, sealedTokens.StoreId), null);
    }

    public static async Task<Results<Ok<SealedTokens>, ProblemHttpResult>> ExchangeHereAsync(IServiceProvider services, string storeId,
        ExchangeRequest request, CancellationToken cancellationToken)
    {
        // A store the operation disabled takes no call, a registration's or a re-authorisation's code exchange included.
        if (await services.GetRequiredService<Operations.StoreOperations>().OfAsync(StoreHost.Of(request.ApiAddress), storeId, cancellationToken)
            is { Disabled: true } disabled)
            return TrayProblems.Disabled(disabled.DisabledReason);
        var secrets = services.GetRequiredService<StoreSecrets>();
        var outcome = await ExchangeAsync(services.GetRequiredService<TrayAuthClient>(), services.GetRequiredService<IOptions<TraySettings>>().Value,
            request.ApiAddress, storeId, request.DailyLimit, secrets.Unprotect(request.ProtectedCode), cancellationToken);
        if (outcome.Problem is { } problem) return problem;
        var tokens = outcome.Tokens!;
        return TypedResults.Ok(new SealedTokens(secrets.Protect(tokens.AccessToken), secrets.Protect(tokens.RefreshToken), tokens.AccessExpiresAt,
            tokens.RefreshExpiresAt, tokens.ApiHost, tokens.StoreId));
    }

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
