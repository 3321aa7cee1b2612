using System.Net.Http.Json;
using System.Text.Json;

namespace TrayBridge.TestSupport;

/// <summary>What a user does before issuing NF-e through the gateway, shared by the end-to-end tests and the benchmark:
/// set up an emitter (Simples Nacional in São Paulo, homologação), and complete NCMs an order lacks. The emitter names no
/// SEFAZ address: the system's operator override (<c>Invoicing:Sefaz:EndpointOverride</c>) sends its notes to the simulator.</summary>
public static class InvoicingSteps
{
    public const string EmitterCnpj = "11222333000181";

    /// <summary>A valid CNPJ (check digits right) of a company of its own: tenants that share one SEFAZ simulator must not
    /// share an emitter, or their notes of the same number collide there (539, duplicate with another key).</summary>
    public static string NewCnpj()
    {
        var digits = $"{Random.Shared.Next(10_000_000, 99_999_999)}0001".Select(c => c - '0').ToList();
        foreach (var weights in new[] { new[] { 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2 }, new[] { 6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2 } })
        {
            var rest = digits.Zip(weights, (d, w) => d * w).Sum() % 11;
            digits.Add(rest < 2 ? 0 : 11 - rest);
        }
        return string.Concat(digits);
    }

    public static async Task ConfigureEmitterAsync(HttpClient erp, string cnpj = EmitterCnpj)
    {
        (await erp.PutAsJsonAsync("api/invoicing/emitter", new
        {
            cnpj, stateRegistration = "123456789012", name = "LOJA EXEMPLO LTDA", tradeName = "Loja Exemplo",
            address = new
            {
                street = "RUA DAS FLORES", number = "100", district = "CENTRO", cityCode = "3550308", cityName = "SAO PAULO", uf = "SP",
                zipCode = "01001000", phone = "1133334444",
            },
            crt = 1, series = 1, environment = 2,
        })).EnsureSuccessStatusCode();
        (await erp.PutAsJsonAsync("api/invoicing/emitter/certificate",
            new { pfxBase64 = A1Certificates.Pfx(cnpj), password = A1Certificates.Password })).EnsureSuccessStatusCode();
    }

    /// <summary>Gives every item of the sales order that has no NCM this one (the seed leaves some products without).</summary>
    public static async Task CompleteNcmsAsync(HttpClient erp, Guid salesOrderId, string ncm = "61091000")
    {
        var order = await erp.GetFromJsonAsync<JsonElement>($"api/orders/sales-orders/{salesOrderId}");
        foreach (var item in order.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("ncm").ValueKind == JsonValueKind.Null))
            (await erp.PutAsJsonAsync($"api/orders/sales-orders/{salesOrderId}/items/{item.GetProperty("line").GetInt32()}/ncm", new { ncm }))
                .EnsureSuccessStatusCode();
    }

    /// <summary>Sales orders whose only missing data is an NCM (a buyer without CPF/CNPJ is the user's to fix, not ours).</summary>
    public static bool LacksOnlyNcm(JsonElement salesOrder) =>
        salesOrder.GetProperty("statusLabel").GetString() is { } label && label.Contains("falta NCM") && !label.Contains("CPF");
}
