using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Issue 11, roles and the SharedKey mode, through the gateway of a SharedKey-mode system: an operator (the
/// daily work) cannot change the emitter, upload a certificate or register a store — an admin can; a token with neither
/// role is refused everywhere; and the shared key signs HS256 only (HS512, HS384 and <c>alg: none</c> are refused).</summary>
[Collection(nameof(SharedSystem))]
public sealed class RoleTests(SystemFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_token_cannot_change_the_emitter_upload_a_certificate_or_register_remove_and_reconnect_stores()
    {
        var system = fixture.System;
        using var operatorApi = system.ClientWithRoles(system.Gateway, "tenant-role-op", "operator");
        using var admin = system.Client(system.Gateway, "tenant-role-op");
        using var tray = system.Client(system.TraySimulator);
        var store = await (await tray.PostAsJsonAsync("admin/stores", new { storeId = "880101" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var registration = new
        {
            platform = "TrayCommerce", storeId = "880101", apiAddress = store.GetProperty("apiAddress").GetString(), code = store.GetProperty("code").GetString(),
        };

        var attempts = new (string What, Task<HttpResponseMessage> Call)[]
        {
            ("emitter", operatorApi.PutAsJsonAsync("api/invoicing/emitter", new { cnpj = "11222333000181" }, Ct)),
            ("certificate", operatorApi.PutAsJsonAsync("api/invoicing/emitter/certificate", new { pfxBase64 = "AAAA", password = "x" }, Ct)),
            ("tax rules", operatorApi.DeleteAsync("api/invoicing/emitter/tax-rules", Ct)),
            ("store registration", operatorApi.PostAsJsonAsync("api/stores", registration, Ct)),
            ("store reconnection", operatorApi.PutAsJsonAsync("api/stores/880101", new { code = "x", apiAddress = registration.apiAddress }, Ct)),
            ("store removal", operatorApi.DeleteAsync("api/stores/880101", Ct)),
            ("status map", operatorApi.PutAsJsonAsync("api/tray/orders/statuses", new { storeId = "880101" }, Ct)),
            ("marketplace", operatorApi.PutAsJsonAsync("api/orders/stores/880101/marketplaces/mercadolivre", new { sellerId = "1" }, Ct)),
            ("Tray de/para", operatorApi.PutAsJsonAsync("api/tray/stores/880101/catalog-mapping/options", new { createCategories = true }, Ct)),
        };
        foreach (var (what, call) in attempts)
        {
            var response = await call;
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {(int)response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("auth.admin_required", problem.GetProperty("code").GetString());
            Assert.Contains("administrador", problem.GetProperty("detail").GetString());
        }
        // Nothing was stored by those calls.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("api/invoicing/emitter", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("api/stores/880101", Ct)).StatusCode);

        // The admin of the same tenant does it all.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/stores", registration, Ct)).StatusCode);
        await InvoicingSteps.ConfigureEmitterAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("api/invoicing/emitter", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_operator_does_the_daily_work_products_exports_and_order_imports()
    {
        var system = fixture.System;
        var driver = await ImportDriver.ConnectAsync(system, "tenant-role-daily", "880202", products: 1, orders: 1);
        using var operatorApi = system.ClientWithRoles(system.Gateway, "tenant-role-daily", "operator");
        await Eventually.ReturnsAsync(() => operatorApi.GetFromJsonAsync<JsonElement>("api/catalog/stores", Ct),
            s => s.EnumerateArray().Any(x => x.GetProperty("storeId").GetString() == "880202"), TimeSpan.FromSeconds(30), "the Catalog to learn of the store");

        var productId = await Api.CreateProductAsync(operatorApi, "ROLE-OP-1");
        var export = await operatorApi.PostAsJsonAsync("api/catalog/exports", new { storeId = "880202", productIds = new[] { productId } }, Ct);
        var trayOrderId = (await driver.MirrorAsync()).Single().GetProperty("trayOrderId").GetString();
        var import = await operatorApi.PostAsJsonAsync("api/tray/orders/import", new { storeId = "880202", trayOrderIds = new[] { trayOrderId } }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, export.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, import.StatusCode);
        // Reading the settings is allowed (the emitter is not configured here: 404, not 403).
        Assert.Equal(HttpStatusCode.NotFound, (await operatorApi.GetAsync("api/invoicing/emitter", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_with_neither_role_is_refused_everywhere_with_problem_details()
    {
        var system = fixture.System;
        foreach (var host in new[] { system.Gateway, system.Catalog })
        {
            using var nobody = system.ClientWithRoles(host, "tenant-role-none");
            foreach (var path in new[] { "api/catalog/products", "api/stores", "api/orders/sales-orders", "api/invoicing/nfes" })
            {
                if (host != system.Gateway && !path.StartsWith("api/catalog", StringComparison.Ordinal)) continue;
                var response = await nobody.GetAsync(path, Ct);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{host.Name} {path}: {(int)response.StatusCode}");
                Assert.Equal("auth.role_required", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
            }
        }
    }

    [Fact]
    public async Task In_SharedKey_mode_HS512_HS384_and_unsigned_tokens_are_refused_and_HS256_accepted()
    {
        var system = fixture.System;
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(system.Tokens.SigningKey));
        using (var hs256 = system.Client(system.Gateway, "tenant-role-alg"))
            Assert.Equal(HttpStatusCode.OK, (await hs256.GetAsync("api/catalog/products", Ct)).StatusCode);

        string Part(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var unsigned = Part(new { alg = "none", typ = "JWT" }) + "." + Part(new Dictionary<string, object>
        {
            ["iss"] = DevTokens.Issuer, ["aud"] = DevTokens.Audience, ["sub"] = "x", ["tenant_id"] = "tenant-role-alg", ["role"] = "admin",
            ["iat"] = now, ["nbf"] = now, ["exp"] = now + 600,
        }) + ".";
        var tokens = new[] { SecurityAlgorithms.HmacSha512, SecurityAlgorithms.HmacSha384 }.Select(algorithm => new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = DevTokens.Issuer, Audience = DevTokens.Audience, Expires = DateTime.UtcNow.AddMinutes(10),
                Subject = new ClaimsIdentity([new Claim("sub", "forger"), new Claim("tenant_id", "tenant-role-alg"), new Claim("role", "admin")]),
                SigningCredentials = new SigningCredentials(key, algorithm),
            })).Append(unsigned);
        foreach (var token in tokens)
            foreach (var host in new[] { system.Gateway, system.Catalog })
            {
                using var client = system.ClientWithToken(host, token);
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/catalog/products", Ct)).StatusCode);
            }
    }
}
