using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>Exchanges a merchant's code and checks the answer belongs to the store they named; failures become a 4xx
/// ProblemDetails with Tray's cause (never a secret).</summary>
public static class StoreAuthorization
{
    public sealed record Outcome(TrayTokens? Tokens, IResult? Problem);

    public static async Task<Outcome> ExchangeAsync(TrayAuthClient auth, TraySettings settings, string apiAddress, string storeId, int dailyLimit,
        string code, CancellationToken cancellationToken)
    {
        try
        {
            var call = new TrayCall(storeId, dailyLimit, TrayPriority.InvoiceAndStatus);
            var tokens = await auth.ExchangeCodeAsync(apiAddress, call, settings.ConsumerKey, settings.ConsumerSecret, code, cancellationToken);
            if (tokens.StoreId != storeId)
                return new(null, Results.Problem(statusCode: 422, title: "This code belongs to another Tray store.",
                    detail: $"Tray issued it for store {tokens.StoreId}, not {storeId}."));
            return new(tokens, null);
        }
        catch (TrayBudgetExhaustedException e)
        {
            return new(null, Results.Problem(statusCode: 429, title: "Waiting for Tray's request budget (aguardando cota).",
                detail: $"Try again after {e.RetryAt:O}."));
        }
        catch (TrayApiException e)
        {
            return new(null, Results.Problem(statusCode: 422, title: "Tray refused the code.",
                detail: string.Join("; ", e.Causes.DefaultIfEmpty(e.Name)), extensions: new Dictionary<string, object?> { ["trayStatus"] = (int)e.Status }));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidDataException)
        {
            return new(null, Results.Problem(statusCode: 422, title: "Tray could not be reached at this API address.", detail: e.Message));
        }
    }
}
