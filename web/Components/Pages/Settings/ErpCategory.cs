namespace TrayBridge.Web.Components.Pages.Settings;

// Replaced by the Catalog's record (TrayBridge.Api.Catalog.CategoryResponse, same fields) once it is in TrayBridge.Api:
// the catalog branch adds it; this branch cannot see it yet. Only the fields the de/para screen reads.
public sealed record ErpCategory(Guid Id, string Name, Guid? ParentId, string Path);
