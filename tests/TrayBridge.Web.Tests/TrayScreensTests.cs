using Bunit;
using TrayBridge.Api.Tray;
using TrayBridge.Web.Components.Pages.Import;
using TrayBridge.Web.Components.Pages.Settings;
using TrayBridge.Web.Components.Shared;

namespace TrayBridge.Web.Tests;

/// <summary>The connector's screens' pieces with logic: a store's status, an order's situation, the order filters'
/// URLs, the status-role form and Tray's category paths.</summary>
public sealed class TrayScreensTests : BunitContext
{
    private static readonly DateTimeOffset Registered = new(2026, 12, 1, 13, 0, 0, TimeSpan.Zero);

    private static VirtualStore Store(string code, string label, string? reason = null, DateTimeOffset? since = null, bool soon = false) =>
        new("391250", "TrayCommerce", "https://loja.commercesuite.com.br/web_api", "https://loja.commercesuite.com.br/web_api", "x", reason,
            Registered.AddHours(3), Registered.AddDays(30), soon, Registered, 10_000, 12, code, label, since ?? Registered);

    [Fact]
    public void A_connected_store_shows_its_label_in_green_and_nothing_else()
    {
        var cut = Render<StoreStatusBadge>(p => p.Add(c => c.Store, Store(StoreStatusCodes.Connected, "Conectada")));

        var badge = cut.Find(".badge");
        Assert.Equal(("Conectada", "badge ok", StoreStatusCodes.Connected), (badge.TextContent, badge.ClassName, badge.GetAttribute("data-status")));
        Assert.Empty(cut.FindAll(".status-detail"));
    }

    [Fact]
    public void A_store_needing_reauthorization_says_Trays_reason_since_when_in_Sao_Paulo_time_and_what_to_do()
    {
        var cut = Render<StoreStatusBadge>(p => p.Add(c => c.Store, Store(StoreStatusCodes.ReauthorizationNeeded, "Reautorização necessária",
            "A Tray recusou o refresh token e o code guardado: code inválido", new DateTimeOffset(2026, 12, 2, 2, 30, 0, TimeSpan.Zero))));

        Assert.Equal("badge warn", cut.Find(".badge").ClassName);
        // 02:30 UTC on the 2nd is 23:30 on the 1st in São Paulo.
        Assert.Equal("desde 01/12/2026 23:30 — A Tray recusou o refresh token e o code guardado: code inválido",
            Squash(cut.Find(".status-detail").TextContent));
        Assert.Contains("Reautorizar", cut.Find(".status-hint").TextContent);
    }

    [Fact]
    public void A_store_blocked_at_Tray_is_red_and_one_whose_authorization_ends_soon_is_yellow_with_the_date()
    {
        Assert.Equal("badge error", Render<StoreStatusBadge>(p => p.Add(c => c.Store, Store(StoreStatusCodes.Blocked, "Bloqueada na Tray", "loja bloqueada")))
            .Find(".badge").ClassName);
        var soon = Render<StoreStatusBadge>(p => p.Add(c => c.Store, Store(StoreStatusCodes.Connected, "Conectada", soon: true)));
        Assert.Equal("badge warn", soon.Find(".badge").ClassName);
        Assert.Contains("31/12/2026", soon.Find(".status-detail").TextContent);
    }

    /// <summary>Issue 15: the tenant reads that the platform's operation disabled the store, why, and that its work waits.</summary>
    [Fact]
    public void A_store_disabled_by_the_operation_says_so_with_the_reason_in_red()
    {
        var cut = Render<StoreStatusBadge>(p => p.Add(c => c.Store, Store(StoreStatusCodes.DisabledByOperator, "Desativada pela operação",
            "Contrato suspenso", new DateTimeOffset(2026, 12, 2, 2, 30, 0, TimeSpan.Zero))));

        Assert.Equal(("badge error", "Desativada pela operação"), (cut.Find(".badge").ClassName, cut.Find(".badge").TextContent));
        Assert.StartsWith("Desativada pela operação: Contrato suspenso (desde 01/12/2026 23:30).", Squash(cut.Find("[data-disabled-by-operator]").TextContent));
        Assert.Empty(cut.FindAll(".status-hint"));
    }

    [Theory]
    [InlineData(OrderSituations.Integrated, "ok")]
    [InlineData(OrderSituations.NotIntegrated, "neutral")]
    [InlineData(OrderSituations.Importing, "warn")]
    [InlineData(OrderSituations.Error, "error")]
    [InlineData(OrderSituations.Divergent, "warn")]
    public void Each_situation_has_its_colour_and_its_text(string situation, string tone)
    {
        var cut = Render<OrderSituationBadge>(p => p.Add(c => c.Situation, situation));

        Assert.Equal((situation, $"badge {tone}"), (cut.Find(".badge").TextContent, cut.Find(".badge").ClassName));
    }

    [Fact]
    public void An_order_in_error_shows_its_reason_with_the_code_and_an_integrated_one_shows_none()
    {
        var error = Render<OrderSituationBadge>(p => p.Add(c => c.Situation, OrderSituations.Error)
            .Add(c => c.Reason, "Pedido não encontrado na Tray.").Add(c => c.ReasonCode, OrderReasonCodes.NotFoundOnTray));
        var integrated = Render<OrderSituationBadge>(p => p.Add(c => c.Situation, OrderSituations.Integrated).Add(c => c.Reason, "antigo"));

        Assert.Equal(("Pedido não encontrado na Tray.", OrderReasonCodes.NotFoundOnTray),
            (error.Find(".reason").TextContent, error.Find(".reason").GetAttribute("data-code")));
        Assert.Empty(integrated.FindAll(".reason"));
    }

    [Fact]
    public void The_filters_become_the_APIs_query_escaped_with_page_size_bounded()
    {
        var filters = new OrderFilters("391250", "A ENVIAR", "joão", "2026-12-01", "2026-12-02", "Não integrado", null, Page: 3, PageSize: 1000);

        Assert.Equal("api/tray/orders?storeId=391250&status=A%20ENVIAR&customer=jo%C3%A3o&from=2026-12-01&to=2026-12-02"
                     + "&situation=N%C3%A3o%20integrado&page=3&pageSize=100", filters.ApiUrl("391250"));
    }

    [Fact]
    public void A_card_keeps_the_other_filters_and_goes_back_to_page_1_and_defaults_stay_out_of_the_URL()
    {
        var filters = new OrderFilters("391250", null, "maria", null, null, null, " ", Page: 4);

        var query = filters.WithSituation(OrderSituations.Error).PageQuery();

        Assert.Equal(("391250", "maria", "Erro"), (query["loja"], query["cliente"], query["situacao"]));
        Assert.Null(query["pagina"]);
        Assert.Null(query["porPagina"]);
        Assert.Null(query["origem"]);
        Assert.Equal(4, filters.PageQuery()["pagina"]);
    }

    private static readonly OrderStatusRoles Roles = new("391250",
        [new("1", "AGUARDANDO PAGAMENTO"), new("2", "A ENVIAR"), new("3", "FATURADO"), new("4", "CANCELADO"), new("5", "ENVIADO")],
        ["2"], "3", "5", ["4"], AutoImportApproved: false, ConfirmedByUser: false, Registered);

    [Fact]
    public void The_status_form_starts_from_the_stores_roles_and_sends_them_back_as_chosen()
    {
        Assert.Equal([StatusRoleForm.None, StatusRoleForm.Approved, StatusRoleForm.Invoiced, StatusRoleForm.Cancelled, StatusRoleForm.Shipped],
            Roles.Statuses.Select(s => StatusRoleForm.RoleOf(Roles, s.Id)));
        var chosen = new Dictionary<string, string> { ["1"] = "aprovado", ["2"] = "aprovado", ["3"] = "faturado", ["4"] = "cancelado", ["5"] = "" };

        var (request, problem) = StatusRoleForm.Read(Roles, id => chosen[id], autoImport: true);

        Assert.Null(problem);
        Assert.Equal(["1", "2"], request!.ApprovedIds);
        Assert.Equal(("391250", "3", (string?)null, true), (request.StoreId, request.InvoicedId, request.ShippedId, request.AutoImportApproved));
        Assert.Equal(["4"], request.CancelledIds);
    }

    [Fact]
    public void Two_invoiced_statuses_or_automatic_import_without_an_approved_one_are_refused_in_Portuguese()
    {
        var twoInvoiced = StatusRoleForm.Read(Roles, id => id is "3" or "5" ? "faturado" : "", autoImport: false);
        var nothingApproved = StatusRoleForm.Read(Roles, _ => "", autoImport: true);

        Assert.Equal("Só um status pode ser “faturado”: escolhido para FATURADO, ENVIADO.", twoInvoiced.Problem);
        Assert.Equal("Para importar automaticamente, marque ao menos um status como “Aprovado”.", nothingApproved.Problem);
        Assert.Null(twoInvoiced.Request);
    }

    [Fact]
    public void Tray_categories_are_offered_by_path_and_a_missing_parent_or_a_loop_ends_the_path()
    {
        List<TrayCategory> categories = [new("10", "0", "Roupas"), new("11", "10", "Camisetas"), new("12", "99", "Órfã"), new("20", "21", "A"), new("21", "20", "B")];

        var paths = TrayCategoryPaths.Of(categories).ToDictionary(p => p.Id, p => p.Path);

        Assert.Equal(("Roupas › Camisetas", "Órfã", "B › A"), (paths["11"], paths["12"], paths["20"]));
        Assert.Equal("categoria 77 (não encontrada na Tray)", TrayCategoryPaths.PathOf("77", categories));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
