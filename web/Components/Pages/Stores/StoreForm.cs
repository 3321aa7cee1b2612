namespace TrayBridge.Web.Components.Pages.Stores;

/// <summary>The seed's Lojas Virtuais form as it is posted: Loja, Usuário (store id), Site (URL) and Code.</summary>
public sealed class StoreForm
{
    public string? Platform { get; set; } = "TrayCommerce";
    public string? StoreId { get; set; }
    public string? ApiAddress { get; set; }
    public string? Code { get; set; }
}
