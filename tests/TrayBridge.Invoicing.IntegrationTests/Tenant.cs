using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>A tenant with an emitter and a valid certificate, and the calls the batch tests make.</summary>
public sealed class Tenant(InvoicingFixture fixture, string id) : IDisposable
{
    public HttpClient Client { get; } = fixture.Client(id);
    public string Id => id;

    public static async Task<Tenant> WithEmitterAsync(InvoicingFixture fixture, string id, int series)
    {
        var tenant = new Tenant(fixture, id);
        await ConfigureAsync(tenant, EmitterSetup.Body(series: series));
        return tenant;
    }

    /// <summary>Puts the emitter and a valid certificate of its CNPJ.</summary>
    public static async Task ConfigureAsync(Tenant tenant, object emitter)
    {
        (await tenant.Client.PutAsJsonAsync("api/invoicing/emitter", emitter)).EnsureSuccessStatusCode();
        (await tenant.Client.PutAsJsonAsync("api/invoicing/emitter/certificate",
            new { pfxBase64 = A1Certificates.Pfx(EmitterSetup.Cnpj), password = A1Certificates.Password })).EnsureSuccessStatusCode();
    }

    /// <summary>Posts a batch: the 202's <c>BatchAccepted</c> (its id).</summary>
    public async Task<JsonElement> IssueAsync(params Guid[] salesOrderIds)
    {
        var response = await Client.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The batch's progress once it is done: no order waiting and no note waiting for SEFAZ.</summary>
    public async Task<JsonElement> SettledBatchAsync(Guid batchId)
    {
        try
        {
            return await Eventually.ReturnsAsync(() => Client.GetFromJsonAsync<JsonElement>($"api/invoicing/batches/{batchId}"),
                b => b.GetProperty("done").GetBoolean(), TimeSpan.FromSeconds(90), $"batch {batchId} settles");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nInvoicing's log (tail):\n{fixture.Log[^Math.Min(fixture.Log.Length, 6000)..]}", e);
        }
    }

    /// <summary>The notes of a settled batch, by number.</summary>
    public async Task<List<JsonElement>> SettledNotesAsync(Guid batchId)
    {
        await SettledBatchAsync(batchId);
        return [.. (await NotesAsync($"?batchId={batchId}&pageSize=200")).OrderBy(n => n.GetProperty("number").GetInt32())];
    }

    /// <summary>Each skipped order of a batch's progress: its reason's code and detail.</summary>
    public static Dictionary<Guid, (string Code, string Detail)> Skipped(JsonElement progress) =>
        progress.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("state").GetString() == "skipped").ToDictionary(
            o => o.GetProperty("salesOrderId").GetGuid(),
            o => (o.GetProperty("reason").GetProperty("code").GetString()!, o.GetProperty("reason").GetProperty("detail").GetString()!));

    /// <summary>The items of one page of <c>GET /api/invoicing/nfes</c>.</summary>
    public async Task<List<JsonElement>> NotesAsync(string query = "") =>
        [.. (await NotesPageAsync(query)).GetProperty("items").EnumerateArray()];

    public Task<JsonElement> NotesPageAsync(string query = "") => Client.GetFromJsonAsync<JsonElement>($"api/invoicing/nfes{query}");

    public void Dispose() => Client.Dispose();
}
