using System.Text.Json;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>"Testar conexão": one real call to the store with its current token (refreshed if needed), answering how
/// many products Tray holds — or why the store cannot be reached.</summary>
public static class CheckStore
{
    public sealed record Result(string StoreId, bool Connected, long Products);

    public static async Task<IResult> HandleAsync(string storeId, TrayApiClient tray, TenantContext tenant, CancellationToken cancellationToken)
    {
        try
        {
            var page = await tray.GetAsync<JsonElement>(tenant.Require(), storeId, "products?limit=1", TrayPriority.ManualImport, cancellationToken);
            var total = page.GetProperty("paging").GetProperty("total");
            return Results.Ok(new Result(storeId, true, long.Parse(total.ToString(), System.Globalization.CultureInfo.InvariantCulture)));
        }
        catch (StoreUnavailableException e) when (e.NotRegistered)
        {
            return Results.Problem(statusCode: 404, title: "Store not found.");
        }
        catch (StoreUnavailableException e)
        {
            return Results.Problem(statusCode: 409, title: "The store cannot be reached.", detail: e.Reason);
        }
        catch (TrayBudgetExhaustedException e)
        {
            return Results.Problem(statusCode: 429, title: "Waiting for Tray's request budget (aguardando cota).", detail: $"Try again after {e.RetryAt:O}.");
        }
        catch (TrayApiException e)
        {
            return Results.Problem(statusCode: 502, title: "Tray refused the call.", detail: e.Message);
        }
    }
}
