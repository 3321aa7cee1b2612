using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>Issue 6: the emitter and its A1 certificate per tenant, refused with ProblemDetails when it could never sign
/// an accepted note, and shown without its secrets.</summary>
public sealed class EmitterTests(InvoicingFixture fixture) : IClassFixture<InvoicingFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_emitter_takes_a_valid_certificate_of_its_cnpj_root_and_shows_it_without_secrets()
    {
        using var client = fixture.Client("tenant-emitter-ok");
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("api/invoicing/emitter", EmitterSetup.Body(), Cancel)).StatusCode);
        // A branch (same root, another order number) shares the head office's certificate.
        var pfx = A1Certificates.Pfx("11222333000262", notAfter: DateTimeOffset.UtcNow.AddDays(20));
        var upload = await client.PutAsJsonAsync("api/invoicing/emitter/certificate", new { pfxBase64 = pfx, password = A1Certificates.Password }, Cancel);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        var text = await client.GetStringAsync("api/invoicing/emitter", Cancel);
        var emitter = JsonDocument.Parse(text).RootElement;
        Assert.Equal(EmitterSetup.Cnpj, emitter.GetProperty("cnpj").GetString());
        Assert.Contains("11222333000262", emitter.GetProperty("certificate").GetProperty("subject").GetString());
        Assert.Contains(emitter.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("vence em"));
        Assert.Contains(emitter.GetProperty("warningReasons").EnumerateArray(), w => w.GetProperty("code").GetString() == "certificate.expires_soon");
        var certificate = emitter.GetProperty("certificate");
        Assert.Equal((true, false), (certificate.GetProperty("expiresSoon").GetBoolean(), certificate.GetProperty("expired").GetBoolean()));
        Assert.InRange(certificate.GetProperty("daysLeft").GetInt32(), 19, 20);
        Assert.Contains("11222333000262", certificate.GetProperty("holder").GetString());
        Assert.Equal("11222333000262", certificate.GetProperty("cnpj").GetString());
        Assert.DoesNotContain(pfx[..40], text);
        Assert.DoesNotContain(A1Certificates.Password, text);
        Assert.DoesNotContain(A1Certificates.Password, fixture.Log);
    }

    // Issue 13: DIFAL is not due from the Simples Nacional (STF, ADI 5464/5469); the accountant may say otherwise.
    [Fact]
    public async Task The_DIFAL_policy_follows_the_regime_until_the_accountant_chooses_one()
    {
        using var client = fixture.Client("tenant-emitter-difal");
        var byRegime = await (await client.PutAsJsonAsync("api/invoicing/emitter", EmitterSetup.Body(), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal((JsonValueKind.Null, "not_due"), (byRegime.GetProperty("difal").ValueKind, byRegime.GetProperty("difalApplied").GetString()));

        var body = JsonSerializer.SerializeToNode(EmitterSetup.Body(), JsonSerializerOptions.Web)!.AsObject();
        body["difal"] = "not_due_zero_group";
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("api/invoicing/emitter", body, Cancel)).StatusCode);
        var chosen = JsonDocument.Parse(await client.GetStringAsync("api/invoicing/emitter", Cancel)).RootElement;
        Assert.Equal(("not_due_zero_group", "not_due_zero_group"), (chosen.GetProperty("difal").GetString(), chosen.GetProperty("difalApplied").GetString()));

        body["difal"] = "sim";
        var refused = await client.PutAsJsonAsync("api/invoicing/emitter", body, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("difal", out _));
    }

    [Fact]
    public async Task An_expired_certificate_another_cnpj_root_or_a_wrong_password_is_refused_and_nothing_is_stored()
    {
        using var client = fixture.Client("tenant-emitter-refused");
        var noEmitter = await UploadAsync(client, A1Certificates.Pfx(EmitterSetup.Cnpj), A1Certificates.Password);
        Assert.Equal(HttpStatusCode.Conflict, noEmitter.StatusCode);
        Assert.Equal("emitter.not_found", (await noEmitter.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("api/invoicing/emitter", EmitterSetup.Body(), Cancel)).StatusCode);

        var expired = await UploadAsync(client, A1Certificates.Pfx(EmitterSetup.Cnpj, DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-1)), A1Certificates.Password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, expired.StatusCode);
        var expiredProblem = await expired.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("certificate.expired", expiredProblem.GetProperty("code").GetString());
        Assert.Contains("venceu em", expiredProblem.GetProperty("detail").GetString());

        var otherRoot = await UploadAsync(client, A1Certificates.Pfx("99888777000163"), A1Certificates.Password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherRoot.StatusCode);
        var otherRootProblem = await otherRoot.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(("213", "certificate.other_cnpj_root"), (otherRootProblem.GetProperty("sefazCode").GetString(), otherRootProblem.GetProperty("code").GetString()));

        var wrong = await UploadAsync(client, A1Certificates.Pfx(EmitterSetup.Cnpj), "wrong");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal("certificate.wrong_password", (await wrong.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("code").GetString());
        var emitter = await client.GetFromJsonAsync<JsonElement>("api/invoicing/emitter", Cancel);
        Assert.Equal(JsonValueKind.Null, emitter.GetProperty("certificate").ValueKind);
    }

    [Fact]
    public async Task An_emitter_with_a_bad_cnpj_or_city_code_is_a_validation_problem_and_another_tenant_sees_none()
    {
        using var client = fixture.Client("tenant-emitter-invalid");
        var bad = EmitterSetup.Body(cnpj: "11222333000182");
        var refused = await client.PutAsJsonAsync("api/invoicing/emitter", bad, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains("não é válido", errors.GetProperty("cnpj")[0].GetString());
        var missing = await client.GetAsync("api/invoicing/emitter", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("emitter.not_found", (await missing.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("code").GetString());
        // Every body has a bound: a "certificate" of 200 KB is refused before it is read.
        var huge = await UploadAsync(client, new string('A', 200 * 1024), "x");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        using var anonymous = fixture.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/invoicing/emitter", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Ssrf_a_sefaz_url_pointing_at_an_internal_address_is_refused_and_the_emitter_shows_the_endpoints_in_use()
    {
        using var client = fixture.Client("tenant-emitter-ssrf");
        // Today's attack: the tenant's "SEFAZ" is the host itself (or any internal service, or a stub answering 100).
        var inside = new Uri(fixture.Invoicing.BaseAddress, "health/ready").ToString();
        foreach (var field in new[] { "authorizationUrl", "receiptUrl", "consultationUrl", "voidingUrl" })
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(EmitterSetup.Body()))!.AsObject();
            body[field] = inside;
            var refused = await client.PutAsJsonAsync("api/invoicing/emitter", body, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal("emitter.sefaz_url_not_accepted", problem.GetProperty("code").GetString());
            Assert.Contains("tabela oficial", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/invoicing/emitter", Cancel)).StatusCode);

        // Without URLs the emitter is kept, and shows where its notes go: here the operator's override (the simulator).
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("api/invoicing/emitter", EmitterSetup.Body(), Cancel)).StatusCode);
        var sefaz = (await client.GetFromJsonAsync<JsonElement>("api/invoicing/emitter", Cancel)).GetProperty("sefaz");
        Assert.True(sefaz.GetProperty("operatorOverride").GetBoolean());
        Assert.Equal(new Uri(fixture.Sefaz.BaseAddress, "ws/NFeAutorizacao4/NFeAutorizacao4.asmx").ToString(), sefaz.GetProperty("authorization").GetString());
        Assert.EndsWith("NFeInutilizacao4.asmx", sefaz.GetProperty("voiding").GetString());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string pfx, string password) =>
        client.PutAsJsonAsync("api/invoicing/emitter/certificate", new { pfxBase64 = pfx, password }, Cancel);
}
