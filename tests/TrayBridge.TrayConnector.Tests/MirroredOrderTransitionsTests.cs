using TrayBridge.Api.Tray;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>A mirrored order's situation and reason, set only by its transitions: reasons are told apart by code, a
/// divergent order stays divergent through a failed re-import, and a change on Tray is told once.</summary>
public sealed class MirroredOrderTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static MirroredOrder Row() => new() { Id = MirroredOrder.IdFor("s", "15"), StoreId = "s", TrayOrderId = 15, ContentHash = "h1" };

    [Fact]
    public void An_import_goes_from_requested_to_integrated_and_a_redelivery_is_not_counted_again()
    {
        var row = Row();
        row.ImportRequested(Now);
        Assert.True(row.ImportNeedless(Now.AddMinutes(1), TimeSpan.FromMinutes(2)));
        Assert.False(row.ImportNeedless(Now.AddMinutes(3), TimeSpan.FromMinutes(2)));
        Assert.True(row.ImportStarted("h1", cancelled: false));
        var salesOrder = Guid.NewGuid();
        Assert.True(row.Imported(salesOrder));
        Assert.False(row.Imported(salesOrder));
        Assert.Equal((OrderSituation.Integrado, null, null, salesOrder), (row.Situation, row.Reason, row.ReasonCode, row.SalesOrderId));
        Assert.False(row.ImportStarted("h1", cancelled: false));
        Assert.True(row.ImportNeedless(Now.AddHours(1), TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void Not_found_on_Tray_ends_an_import_in_Erro_and_is_cleared_by_its_code_when_Tray_has_the_order_again()
    {
        var row = Row();
        row.ImportRequested(Now);
        row.NotFoundOnTray();
        Assert.Equal((OrderSituation.Erro, OrderReasonCodes.NotFoundOnTray), (row.Situation, row.ReasonCode));
        row.FoundOnTray();
        Assert.Equal((OrderSituation.Erro, null, null), (row.Situation, row.Reason, row.ReasonCode));

        row.ImportFailed("Total diferente do pedido.");
        row.FoundOnTray(); // another reason stands
        Assert.Equal((OrderReasonCodes.ImportFailed, "Total diferente do pedido."), (row.ReasonCode, row.Reason));
    }

    [Fact]
    public void An_edit_on_Tray_after_import_is_divergent_is_told_once_and_a_failed_reimport_keeps_it_divergent()
    {
        var row = Row();
        row.ImportStarted("h1", cancelled: false);
        row.Imported(Guid.NewGuid());
        Assert.Null(row.DetectChange("t", Now));

        row.ContentHash = "h2";
        var change = row.DetectChange("t", Now);
        Assert.Equal(("t", "s", "15", true, false), (change?.TenantId, change?.StoreId, change?.TrayOrderId, change?.ContentChanged, change?.Cancelled));
        Assert.Equal((OrderSituation.Divergente, OrderReasonCodes.ChangedOnTray), (row.Situation, row.ReasonCode));
        Assert.Null(row.DetectChange("t", Now));
        Assert.False(row.AwaitsImport);

        Assert.False(row.ImportNeedless(Now, TimeSpan.FromMinutes(2)));
        row.ImportRequested(Now);
        Assert.True(row.ImportStarted("h2", cancelled: false));
        row.ImportFailed("Falhou.");
        Assert.Equal((OrderSituation.Divergente, OrderReasonCodes.ImportFailed, "Falhou."), (row.Situation, row.ReasonCode, row.Reason));
        row.ImportFailed("De novo."); // not under way any more: nothing changes
        Assert.Equal("Falhou.", row.Reason);

        row.Cancelled = true;
        Assert.Equal((true, false), (row.DetectChange("t", Now)?.Cancelled, row.DetectChange("t", Now) is not null));
    }
}
