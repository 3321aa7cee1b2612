using TrayBridge.Orders.Domain;
using TrayBridge.Orders.Features.SalesOrders;

namespace TrayBridge.Orders.Tests;

public sealed class SalesOrderListQueryTests
{
    private static SalesOrderListQuery Query(string? status = null, string? situation = null, string? from = null, string? to = null,
        string? trayOrderIds = null, int? page = null, int? pageSize = null, string? customer = null, string? ids = null) =>
        new(null, status, situation, customer, from, to, trayOrderIds, ids, page, pageSize);

    [Fact]
    public void Days_are_Sao_Paulo_days_with_both_ends_included()
    {
        var query = Query(from: "2026-03-02", to: "2026-03-02");

        Assert.Empty(query.Validate());
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero), query.FromInstant);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 3, 0, 0, TimeSpan.Zero), query.ToExclusive);
    }

    [Fact]
    public void Every_bad_filter_is_named_with_a_portuguese_message()
    {
        var errors = Query(status: "1", situation: "Pronto", from: "02/03/2026", to: "2026-13-01", page: 0, pageSize: 201, customer: new string('a', 101)).Validate();

        Assert.Equal(["customer", "from", "page", "pageSize", "situation", "status", "to"], errors.Keys.Order());
        Assert.Equal("Uma destas: ready, pending, invoiced, cancelled_on_tray_invoiced, cancelled_on_tray, cancelled, divergent.", errors["situation"].Single());
        Assert.Equal("Entre 1 e 200.", errors["pageSize"].Single());
        Assert.Equal("A data final é anterior à inicial.", Query(from: "2026-03-02", to: "2026-03-01").Validate()["to"].Single());
    }

    [Fact]
    public void Tray_order_ids_are_a_bounded_comma_list()
    {
        Assert.Equal(["10", "11"], Query(trayOrderIds: " 10, 11,,10 ").TrayOrderIdList);
        Assert.Empty(Query(trayOrderIds: string.Join(',', Enumerable.Range(1, 200))).Validate());
        Assert.Contains("trayOrderIds", Query(trayOrderIds: string.Join(',', Enumerable.Range(1, 201))).Validate().Keys);
        Assert.Contains("trayOrderIds", Query(trayOrderIds: ",").Validate().Keys);
    }

    [Fact]
    public void Sales_order_ids_are_a_bounded_comma_list_of_guids()
    {
        var id = Guid.NewGuid();
        Assert.Equal([id], Query(ids: $"{id}, {id}").IdList);
        Assert.Empty(Query(ids: string.Join(',', Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()))).Validate());
        Assert.Contains("ids", Query(ids: string.Join(',', Enumerable.Range(0, 201).Select(_ => Guid.NewGuid()))).Validate().Keys);
        Assert.Contains("ids", Query(ids: $"{id},2002").Validate().Keys);
    }

    [Fact]
    public void Status_names_are_still_accepted_beside_situation_codes()
    {
        Assert.Equal(SalesOrderStatus.ProntoParaFaturar, Query(status: "prontoparafaturar").StatusValue);
        Assert.Equal(SalesOrderStatus.CanceladoNaTray, Query(situation: "cancelled_on_tray").SituationValue);
    }
}
