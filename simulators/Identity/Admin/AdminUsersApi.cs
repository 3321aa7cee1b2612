using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api;
using TrayBridge.IdentitySimulator.Users;

namespace TrayBridge.IdentitySimulator.Admin;

public sealed record CreateUserRequest(string? Email, string? Password, string? Name, string? TenantId, IReadOnlyList<string>? Roles);

/// <summary>A user as the admin API shows it: never the password.</summary>
public sealed record UserResponse(string Subject, string Email, string Name, string TenantId, IReadOnlyList<string> Roles);

/// <summary><c>POST /admin/users</c>: tests and demos add users of their own tenants at run time. Mapped only when
/// <c>Identity:AdminEnabled</c> is true — it hands out identities to anyone who can reach it.</summary>
public static class AdminUsersApi
{
    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/users", Create).DisableAntiforgery();
        return app;
    }

    private static Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult> Create(CreateUserRequest request, UserDirectory users)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, detail: "Verifique os campos destacados.",
                extensions: new Dictionary<string, object?> { [ApiProblem.CodeMember] = ApiProblem.Validation });
        var user = users.TryAdd(request.Email!, request.Password!, request.Name!, request.TenantId ?? "", request.Roles!);
        if (user is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: "Já existe um usuário com este e-mail.",
                extensions: new Dictionary<string, object?> { [ApiProblem.CodeMember] = "user.email_taken" });
        return TypedResults.Created($"/admin/users/{user.Subject}",
            new UserResponse(user.Subject, user.Email, user.Name, user.TenantId, user.Roles));
    }

    private static Dictionary<string, string[]> Validate(CreateUserRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > 254 || !MailAddress.TryCreate(request.Email.Trim(), out _))
            errors["email"] = ["Informe um e-mail válido."];
        if (request.Password is not { Length: >= 6 and <= 128 })
            errors["password"] = ["A senha deve ter de 6 a 128 caracteres."];
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 120)
            errors["name"] = ["Informe o nome (até 120 caracteres)."];
        var platform = request.Roles?.Contains(IdentityUser.Platform) == true;
        if (platform && (!string.IsNullOrWhiteSpace(request.TenantId) || request.Roles!.Count > 1))
            errors["tenantId"] = ["Um usuário da operação da plataforma (platform) não tem tenant nem outro papel."];
        else if (!platform && (string.IsNullOrWhiteSpace(request.TenantId) || request.TenantId.Length > 64))
            errors["tenantId"] = ["Informe o tenant (até 64 caracteres)."];
        if (request.Roles is not { Count: > 0 } || request.Roles.Any(r => !IdentityUser.KnownRoles.Contains(r)))
            errors["roles"] = ["Informe um ou mais papéis: admin, operator (ou platform, sozinho e sem tenant)."];
        return errors;
    }
}
