using System.Globalization;
using TrayBridge.Api.Tray;

namespace TrayBridge.Web.Components.Pages.Stores;

/// <summary>Where a line of a store's activity leads (the product, the Tray order's sales order, the note) and how its
/// result reads; a line about nothing the panel has a screen for has no link.</summary>
public static class ActivityText
{
    public static string? LinkFor(string storeId, StoreActivityEntry line) => (line.SubjectType, line.SubjectId) switch
    {
        (StoreActivitySubjects.Product, { } id) when Guid.TryParse(id, out var product) => $"/produtos/{product}",
        (StoreActivitySubjects.Order, { } id) => $"/vendas/pedidos?loja={Uri.EscapeDataString(storeId)}&pedidoTray={Uri.EscapeDataString(id)}",
        (StoreActivitySubjects.Note, { Length: 44 } key) when NoteNumber(key) is { } number => $"/notas-fiscais?numero={number}",
        _ => null,
    };

    /// <summary>What the line is about, as people name it: "Produto", "Pedido 1234", "NF-e 17".</summary>
    public static string? SubjectLabel(StoreActivityEntry line) => (line.SubjectType, line.SubjectId) switch
    {
        (StoreActivitySubjects.Product, not null) => line.TrayId is { } tray ? $"Produto (Tray {tray})" : "Produto",
        (StoreActivitySubjects.Order, { } id) => $"Pedido {id}",
        (StoreActivitySubjects.Note, { Length: 44 } key) => NoteNumber(key) is { } number ? $"NF-e {number}" : "NF-e",
        _ => null,
    };

    /// <summary>The note's number from its access key (positions 26–34, nfe.md §1.3).</summary>
    public static int? NoteNumber(string key) =>
        key.Length == 44 && int.TryParse(key.AsSpan(25, 9), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static string ResultClass(string result) => result switch
    {
        StoreActivityResults.Ok => "ok",
        StoreActivityResults.Error => "error",
        _ => "warn",
    };
}
