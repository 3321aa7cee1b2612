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
        await ConfigureAsync(tenant, EmitterSetup.Body(fixture.Sefaz.BaseAddress, series: series));
        return tenant;
    }

    /// <summary>Puts the emitter and a valid certificate of its CNPJ.</summary>
    public static async Task ConfigureAsync(Tenant tenant, object emitter)
    {
        (await tenant.Client.PutAsJsonAsync("api/invoicing/emitter", emitter)).EnsureSuccessStatusCode();
        (await tenant.Client.PutAsJsonAsync("api/invoicing/emitter/certificate",
            new { pfxBase64 = A1Certificates.Pfx(EmitterSetup.Cnpj), password = A1Certificates.Password })).EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> IssueAsync(params Guid[] salesOrderIds)
    {
        var response = await Client.PostAsJsonAsync("api/invoicing/batches", new { salesOrderIds });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The batch once none of its notes waits for SEFAZ any more.</summary>
    public async Task<JsonElement> SettledBatchAsync(Guid batchId)
    {
        try
        {
            return await Eventually.ReturnsAsync(() => Client.GetFromJsonAsync<JsonElement>($"api/invoicing/batches/{batchId}"),
                b => b.GetProperty("nfes").EnumerateArray().All(n => n.GetProperty("status").GetString() is "Authorized" or "Rejected" or "Denied"),
                TimeSpan.FromSeconds(60), $"batch {batchId} settles");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nInvoicing's log (tail):\n{fixture.Log[^Math.Min(fixture.Log.Length, 6000)..]}", e);
        }
    }

    public async Task<List<JsonElement>> NotesAsync(string query = "") =>
        [.. (await Client.GetFromJsonAsync<JsonElement>($"api/invoicing/nfes{query}")).EnumerateArray()];

    public void Dispose() => Client.Dispose();
}
