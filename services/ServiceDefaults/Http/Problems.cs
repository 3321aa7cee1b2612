using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api;

namespace TrayBridge.ServiceDefaults.Http;

/// <summary>ProblemDetails answers with the API's stable <c>code</c> and a Portuguese <c>detail</c>
/// (<see cref="ApiProblem"/>): clients decide on the code, people read the detail; nobody compares message text.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string code, string detail, string? title = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { [ApiProblem.CodeMember] = code });

    public static ProblemHttpResult NotFound(string code, string detail) => Of(StatusCodes.Status404NotFound, code, detail);

    public static ProblemHttpResult Conflict(string code, string detail) => Of(StatusCodes.Status409Conflict, code, detail);

    public static ProblemHttpResult Unprocessable(string code, string detail) => Of(StatusCodes.Status422UnprocessableEntity, code, detail);

    /// <summary>A 400 naming the fields at fault, each with its Portuguese message; code <see cref="ApiProblem.Validation"/>.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string detail = "Verifique os campos destacados.") =>
        TypedResults.ValidationProblem(errors, detail: detail,
            extensions: new Dictionary<string, object?> { [ApiProblem.CodeMember] = ApiProblem.Validation });

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}
