using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary><c>/categories</c> (tray-api.md §3.8) and <c>/products/brands</c> (§3.1), plain resources.</summary>
public static class CatalogResources
{
    public static void MapCategoriesAndBrands(this RouteGroupBuilder api)
    {
        var settings = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<SettingsHolder>();
        new CrudResource<Category>
        {
            Path = "/categories", Wrapper = "Category", Label = "Categoria",
            List = new ListSpec<Category>
            {
                Collection = "Categories", Id = c => c.Id,
                Filters = new()
                {
                    ["id"] = ListSpec<Category>.Exact(c => TrayValues.Id(c.Id)),
                    ["name"] = ListSpec<Category>.Exact(c => c.Name),
                    // A root shows "parent_id": "": strict, "parent_id=0" finds none, as a filter on that value would.
                    ["parent_id"] = (c, wanted) => c.ParentText == wanted || (wanted == "0" && c.ParentId == 0 && !settings.Current.StrictRootCategoryFilter),
                },
                Sorts = new() { ["name"] = c => c.Name },
                AvailableFilters = ["id", "name", "parent_id"],
            },
            Items = store => store.Categories,
            Create = store => new Category { Id = store.NextId("category") },
            Apply = (c, body) => c.Apply(body),
            ToJson = (c, store, detail) => c.ToJson(store.Id, detail),
            Validate = (body, creating) => creating && body.Text("name") is not { Length: > 0 } ? "O campo name é obrigatório" : null,
            Conflict = (store, self, body) => Slug.Taken(body, self, store.Categories.Values, c => c.Slug, "uma categoria")
                is { } taken ? ("slug", taken) : null,
        }.Map(api);

        new CrudResource<Brand>
        {
            Path = "/products/brands", Wrapper = "Brand", Label = "Marca",
            List = new ListSpec<Brand>
            {
                Collection = "Brands", Id = b => b.Id,
                Filters = new()
                {
                    ["id"] = ListSpec<Brand>.Exact(b => TrayValues.Id(b.Id)),
                    ["brand"] = ListSpec<Brand>.Exact(b => b.Name),
                },
                Sorts = new() { ["brand"] = b => b.Name },
                AvailableFilters = ["id", "brand"],
            },
            Items = store => store.Brands,
            Create = store => new Brand { Id = store.NextId("brand") },
            Apply = (b, body) => b.Apply(body),
            ToJson = (b, _, _) => b.ToJson(),
            Validate = (body, creating) => creating && (body.Text("brand") ?? body.Text("name")) is not { Length: > 0 } ? "O campo brand é obrigatório" : null,
            Conflict = (store, self, body) => Slug.Taken(body, self, store.Brands.Values, b => b.Slug, "uma marca")
                is { } taken ? ("slug", taken) : null,
        }.Map(api);
    }
}
