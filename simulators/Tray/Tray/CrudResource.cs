using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Tray;

/// <summary>A plain Tray resource: list, get, POST, PUT (partial), DELETE with the usual envelopes, under one wrapper key.</summary>
public sealed class CrudResource<T> where T : class
{
    public required string Path { get; init; }
    public required string Wrapper { get; init; }
    public required string Label { get; init; }
    public required ListSpec<T> List { get; init; }
    public required Func<Store, SortedDictionary<long, T>> Items { get; init; }
    public required Func<Store, T> Create { get; init; }
    public required Action<T, JsonObject> Apply { get; init; }
    public required Func<T, Store, bool, JsonObject> ToJson { get; init; }

    /// <summary>Refuses a body before it is applied (a missing required member); null when fine.</summary>
    public Func<JsonObject, bool, string?> Validate { get; init; } = (_, _) => null;

    /// <summary>Refuses a body that clashes with what the store holds (a duplicate slug): the field and why, answered as a
    /// 400 with an <c>errors</c> map; the record written (null on create) is passed to be left out of the comparison.</summary>
    public Func<Store, T?, JsonObject, (string Field, string Message)?> Conflict { get; init; } = (_, _, _) => null;

    public void Map(RouteGroupBuilder api)
    {
        api.MapGet(Path, (HttpContext http, TrayRequest tray, SettingsHolder settings) =>
        {
            lock (tray.Store.Sync)
                return Listing.Page(http, settings.Current, Items(tray.Store).Values, List,
                    item => new JsonObject { [Wrapper] = ToJson(item, tray.Store, false) });
        });
        api.MapGet(Path + "/{id:long}", (long id, HttpContext http, TrayRequest tray) =>
        {
            lock (tray.Store.Sync)
                return Items(tray.Store).TryGetValue(id, out var item)
                    ? Results.Json(new JsonObject { [Wrapper] = ToJson(item, tray.Store, true) })
                    : TrayError.NotFound(http, Label);
        });
        api.MapPost(Path, (HttpContext http, TrayRequest tray) => WriteAsync(http, tray.Store, null));
        api.MapPut(Path + "/{id:long}", (long id, HttpContext http, TrayRequest tray) => WriteAsync(http, tray.Store, id));
        api.MapDelete(Path + "/{id:long}", (long id, HttpContext http, TrayRequest tray) =>
        {
            lock (tray.Store.Sync)
                return Items(tray.Store).Remove(id) ? TrayWrite.Deleted(id) : TrayError.NotFound(http, Label);
        });
    }

    private async Task<IResult> WriteAsync(HttpContext http, Store store, long? id)
    {
        var body = TrayBody.Unwrap(await TrayBody.ReadAsync(http.Request), Wrapper);
        if (body is null) return TrayError.BadRequest(http, $"Informe os dados em {Wrapper}");
        if (Validate(body, id is null) is { } refusal) return TrayError.BadRequest(http, refusal);
        lock (store.Sync)
        {
            var items = Items(store);
            if (id is { } existing)
            {
                if (!items.TryGetValue(existing, out var item)) return TrayError.NotFound(http, Label);
                if (Conflict(store, item, body) is { } clash) return TrayFieldError.BadRequest(http, clash.Field, clash.Message);
                Apply(item, body);
                return TrayWrite.Saved(existing);
            }
            if (Conflict(store, null, body) is { } conflict) return TrayFieldError.BadRequest(http, conflict.Field, conflict.Message);
            var created = Create(store);
            Apply(created, body);
            var newId = List.Id(created);
            items[newId] = created;
            return TrayWrite.Created(newId);
        }
    }
}
