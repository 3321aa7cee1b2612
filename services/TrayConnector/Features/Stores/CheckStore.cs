using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Features.Dedicated;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>"Testar conexão": one real call to the store with its current token (refreshed if needed), answering how
/// many products Tray holds — or why the store cannot be reached.</summary>
public static class CheckStore
{
    /// <summary>In the connector that serves the store: a dedicated store's check runs in its own connector.</summary>
    public static Task<Results<Ok<StoreCheckResult>, ProblemHttpResult>> HandleAsync(string storeId, TrayForwarding forwarding, TenantContext tenant,
        CancellationToken cancellationToken) =>
        forwarding.RunAsync<StoreCheckResult>(tenant.Require(), storeId, ForwardedOperations.Check, null, cancellationToken);

    public static async Task<Results<Ok<StoreCheckResult>, ProblemHttpResult>> CallAsync(TrayApiClient tray, string tenantId, string storeId,
        CancellationToken cancellationToken)
    {
        try
        {
            var page = await tray.GetAsync<JsonElement>(tenantId, storeId, "products?limit=1", TrayPriority.ManualImport, cancellationToken);
            var total = page.GetProperty("paging").GetProperty("total");
            return TypedResults.Ok(new StoreCheckResult(storeId, true, long.Parse(total.ToString(), CultureInfo.InvariantCulture)));
        }
        catch (StoreUnavailableException e) when (e.NotRegistered)
        {
            return TrayProblems.StoreNotFound();
        }
        catch (StoreUnavailableException e)
        {
            return TrayProblems.Unavailable(e);
        }
        catch (TrayBudgetExhaustedException e)
        {
            return TrayProblems.BudgetExhausted(e);
        }
        catch (TrayApiException e)
        {
            return TrayProblems.Refused(e);
        }
    }
}
