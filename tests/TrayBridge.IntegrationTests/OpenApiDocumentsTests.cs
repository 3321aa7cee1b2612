using System.Net.Http.Json;
using System.Text.Json;

namespace TrayBridge.IntegrationTests;

/// <summary>Every operation of every service's OpenAPI document says what its success answers carry: a client can be
/// generated from the documents, and a handler that slips back to a bare <c>IResult</c> or an anonymous object (no schema,
/// or an empty one) fails here. An answer with no body is allowed only where it is listed below with its reason.</summary>
[Collection(nameof(SharedSystem))]
public sealed class OpenApiDocumentsTests(SystemFixture fixture)
{
    public static readonly TheoryData<string> Services = new() { "catalog", "orders", "invoicing", "tray" };

    /// <summary>Operations whose success is genuinely bodiless, per service, with the status they answer and why.</summary>
    private static readonly Dictionary<string, Dictionary<string, (string Status, string Why)>> Bodiless = new()
    {
        ["catalog"] = new()
        {
            ["DELETE /api/catalog/products/{id}"] = ("204", "a soft delete: nothing is left to show"),
            ["PUT /api/catalog/products/{productId}/images/{position}"] = ("204", "the picture is read back through the product"),
            ["PUT /api/catalog/products/{productId}/variations/{variationId}/images/{position}"] = ("204", "the picture is read back through the product"),
            ["DELETE /api/catalog/products/{productId}/images/{position}"] = ("204", "nothing is left to show"),
            ["DELETE /api/catalog/products/{productId}/variations/{variationId}/images/{position}"] = ("204", "nothing is left to show"),
            ["DELETE /api/catalog/categories/{id}"] = ("204", "nothing is left to show"),
        },
        ["orders"] = new(),
        ["invoicing"] = new()
        {
            ["POST /api/invoicing/nfes/{id}/links/revoke"] = ("204", "the note shows linksRevokedAt when read again"),
        },
        ["tray"] = new()
        {
            ["POST /api/tray/orders/refresh"] = ("202", "only schedules a poll; the list shows what it brings"),
            ["DELETE /api/stores/{storeId}"] = ("204", "nothing is left to show"),
            ["PUT /api/tray/stores/{storeId}/catalog-mapping/categories/{erpCategoryId}"] = ("204", "the mapping is read back whole"),
            ["DELETE /api/tray/stores/{storeId}/catalog-mapping/categories/{erpCategoryId}"] = ("204", "nothing is left to show"),
            ["PUT /api/tray/stores/{storeId}/catalog-mapping/brands"] = ("204", "the mapping is read back whole"),
            ["DELETE /api/tray/stores/{storeId}/catalog-mapping/brands"] = ("204", "nothing is left to show"),
        },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_operation_documents_a_typed_success_answer(string service)
    {
        using var client = fixture.System.Client(fixture.System.Gateway, "tenant-openapi");
        var document = await client.GetFromJsonAsync<JsonElement>($"api/{service}/openapi/v1.json", TestContext.Current.CancellationToken);

        var faults = new List<string>();
        var operations = 0;
        var seen = new HashSet<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
        {
            operations++;
            var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
            seen.Add(name);
            var successes = operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (Bodiless[service].TryGetValue(name, out var bodiless))
            {
                // Listed: it must answer exactly that status, with no body (else it belongs off the list).
                if (successes.Count != 1 || successes[0].Name != bodiless.Status || successes[0].Value.TryGetProperty("content", out _))
                    faults.Add($"{name}: listed as a bodiless {bodiless.Status} ({bodiless.Why}) but documents {Describe(successes)}.");
                continue;
            }
            if (successes.Count == 0) faults.Add($"{name}: no 2xx answer.");
            foreach (var success in successes)
                if (!success.Value.TryGetProperty("content", out var content) || !content.EnumerateObject().Any())
                    faults.Add($"{name}: {success.Name} has no body schema.");
                else
                    faults.AddRange(content.EnumerateObject().Where(media => !IsTyped(media.Value))
                        .Select(media => $"{name}: {success.Name} {media.Name} has an empty or untyped schema."));
        }

        // The list stays honest: an entry for an operation that is gone (or renamed) is a fault too.
        faults.AddRange(Bodiless[service].Keys.Where(listed => !seen.Contains(listed)).Select(listed => $"{listed}: listed as bodiless but not in the document."));
        Assert.True(operations > 0, $"{service}: the document lists no operation.");
        Assert.True(faults.Count == 0, string.Join('\n', faults));
    }

    /// <summary>A named record (<c>$ref</c>), a list of them, or a scalar (a string, a number, a time); never <c>{}</c> (a
    /// JsonElement, an object) nor an inline object (an anonymous type: it has no name a client can generate).</summary>
    private static bool IsTyped(JsonElement media)
    {
        if (!media.TryGetProperty("schema", out var schema)) return false;
        if (schema.TryGetProperty("items", out var items)) schema = items;
        if (schema.TryGetProperty("$ref", out _)) return true;
        if (!schema.TryGetProperty("type", out var type)) return false;
        // OpenAPI 3.1 writes a nullable scalar as ["null", "string"].
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        return types.Any(t => t is "string" or "integer" or "number" or "boolean") && types.All(t => t is "string" or "integer" or "number" or "boolean" or "null");
    }

    private static string Describe(List<JsonProperty> successes) => successes.Count == 0 ? "no 2xx"
        : string.Join(", ", successes.Select(s => s.Name + (s.Value.TryGetProperty("content", out _) ? " with a body" : "")));
}
