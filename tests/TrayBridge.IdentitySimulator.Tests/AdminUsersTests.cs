using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TrayBridge.IdentitySimulator.Tests;

public sealed class AdminUsersTests(IdentityHost identity)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_user_is_answered_201_without_its_password_and_a_second_one_with_that_e_mail_is_a_409()
    {
        using var http = identity.Http();
        var body = new { email = "Nova.Pessoa@Loja.test", password = "segredo-123", name = "Nova Pessoa", tenantId = "loja", roles = new[] { "operator" } };

        var created = await http.PostAsJsonAsync("admin/users", body, Ct);
        var again = await http.PostAsJsonAsync("admin/users", body with { }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("nova.pessoa@loja.test", (string)user["email"]!);
        Assert.Equal("loja", (string)user["tenantId"]!);
        Assert.Null(user["password"]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = JsonNode.Parse(await again.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("user.email_taken", (string)problem["code"]!);
        Assert.Equal("Já existe um usuário com este e-mail.", (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_bad_user_is_a_400_naming_each_field_in_Portuguese()
    {
        using var http = identity.Http();

        var response = await http.PostAsJsonAsync("admin/users",
            new { email = "não-é-email", password = "123", name = "", tenantId = "", roles = new[] { "root" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("validation", (string)problem["code"]!);
        Assert.Equal(["email", "name", "password", "roles", "tenantId"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal("Informe um ou mais papéis: admin, operator (ou platform, sozinho e sem tenant).", (string)problem["errors"]!["roles"]![0]!);
    }
}
