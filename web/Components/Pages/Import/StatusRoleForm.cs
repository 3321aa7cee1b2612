using TrayBridge.Api.Tray;

namespace TrayBridge.Web.Components.Pages.Import;

/// <summary>The status screen's form: one role per Tray status, turned into the API's request. Approved and cancelled may
/// be several statuses; invoiced and shipped are one each (the NF-e moves the order to exactly one status).</summary>
public static class StatusRoleForm
{
    public const string None = "";
    public const string Approved = "aprovado";
    public const string Invoiced = "faturado";
    public const string Shipped = "enviado";
    public const string Cancelled = "cancelado";

    public static readonly IReadOnlyList<(string Value, string Label)> Roles =
    [
        (None, "Nenhum"), (Approved, "Aprovado (pode ser importado)"), (Invoiced, "Faturado (NF-e emitida)"), (Shipped, "Enviado"),
        (Cancelled, "Cancelado"),
    ];

    public static string RoleOf(OrderStatusRoles roles, string statusId) =>
        roles.ApprovedIds.Contains(statusId) ? Approved
        : roles.InvoicedId == statusId ? Invoiced
        : roles.ShippedId == statusId ? Shipped
        : roles.CancelledIds.Contains(statusId) ? Cancelled
        : None;

    /// <summary>The request, or why the choice cannot be saved (in Portuguese).</summary>
    public static (SetOrderStatusRolesRequest? Request, string? Problem) Read(OrderStatusRoles roles, Func<string, string?> roleOf, bool autoImport)
    {
        var chosen = roles.Statuses.Select(s => (s.Id, s.Name, Role: roleOf(s.Id) ?? None)).ToList();
        foreach (var (role, label) in new[] { (Invoiced, "faturado"), (Shipped, "enviado") })
            if (chosen.Count(c => c.Role == role) > 1)
                return (null, $"Só um status pode ser “{label}”: escolhido para {string.Join(", ", chosen.Where(c => c.Role == role).Select(c => c.Name))}.");
        if (autoImport && chosen.All(c => c.Role != Approved))
            return (null, "Para importar automaticamente, marque ao menos um status como “Aprovado”.");
        string? One(string role) => chosen.FirstOrDefault(c => c.Role == role).Id;
        List<string> All(string role) => chosen.Where(c => c.Role == role).Select(c => c.Id).ToList();
        return (new SetOrderStatusRolesRequest(roles.Id, All(Approved), One(Invoiced), One(Shipped), All(Cancelled), autoImport), null);
    }
}
