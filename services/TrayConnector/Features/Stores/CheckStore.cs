using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>"Testar conexão": one real call to the store with its current token (refreshed if needed), answering how
/// many products Tray holds — or why the store cannot be reached.</summary>
public static class CheckStore
{
    public static async Task<Results<Ok<StoreCheckResult>, ProblemHttpResult>> HandleAsync(string storeId, TrayApiClient tray, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        try
        {
            var page = await tray.GetAsync<JsonElement>(tenant.Require(), storeId, "products?limit=1", TrayPriority.ManualImport, cancellationToken);
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
