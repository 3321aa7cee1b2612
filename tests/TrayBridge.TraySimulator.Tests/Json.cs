using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tests;

public static class Json
{
    public static async Task<JsonObject> BodyAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Test.Ct))!;

    /// <summary>Every scalar member is a JSON string, as Tray sends them (tray-api.md §1.4); nested objects and arrays are skipped.</summary>
    public static void AllScalarsAreStrings(JsonObject item, params string[] except)
    {
        var offenders = item.Where(p => p.Value is JsonValue v && v.GetValueKind() != JsonValueKind.String && !except.Contains(p.Key))
            .Select(p => $"{p.Key}={p.Value!.ToJsonString()}").ToList();
        Assert.True(offenders.Count == 0, "Not strings: " + string.Join(", ", offenders));
    }

    public static void HasFields(JsonObject item, params string[] names)
    {
        var missing = names.Where(n => !item.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    public static async Task<T> EventuallyAsync<T>(Func<T?> probe, TimeSpan? within = null) where T : class
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition was not met in time.");
            await Task.Delay(20);
        }
    }
}

public static class Test
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
