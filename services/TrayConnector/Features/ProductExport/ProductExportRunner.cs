using TrayBridge.Contracts.Catalog;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Health;
using TrayBridge.TrayConnector.Features.Operations;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>Runs an export now, or says when to run it again: waiting for Tray's budget ("aguardando cota") or for another
/// replica's creation is parked as due work, never a failure and never a message held in RabbitMQ.</summary>
public sealed class ProductExportRunner(ExportProduct export, TimeProvider time)
{
    public const string DueWorkKind = "tray.product-export";

    /// <summary>Null when done (exported or failed with a visible reason); else when to try again. <paramref name="attempt"/>
    /// (of a parked export) spaces the waits for another export of the product, which may take a while with many variants.</summary>
    public async Task<(DateTimeOffset At, string Reason)?> RunAsync(ProductToExport request, CancellationToken cancellationToken,
        int attempt = 0, bool parked = false)
    {
        try
        {
            await export.RunAsync(request, cancellationToken);
            return null;
        }
        catch (TrayBudgetExhaustedException e)
        {
            return (e.RetryAt, "aguardando cota: " + e.Message);
        }
        catch (StoreDisabledException) when (parked)
        {
            throw; // already parked as due work: the runner keeps it deferred (never an attempt) until the store is enabled
        }
        catch (TrayStoreBackingOffException e)
        {
            return (e.RetryAt, e.Message); // a consumer parks the export instead of failing it while the store's Tray is down
        }
        catch (ExportBusyException e)
        {
            return (time.GetUtcNow().AddSeconds(Math.Min(2 * (attempt + 1), 30)), e.Message);
        }
    }
}
