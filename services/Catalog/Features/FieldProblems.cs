using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api;

namespace TrayBridge.Catalog.Features;

/// <summary>A 409 or 422 that, like a 400, names the fields at fault (<c>errors</c>): the panel shows each message beside its
/// field whatever the status. <see cref="TrayBridge.ServiceDefaults.Http.Problems.Validation(IDictionary{string, string[]}, string)"/>
/// only answers 400, hence this.</summary>
public static class FieldProblems
{
    public static ProblemHttpResult Of(int status, string code, IDictionary<string, string[]> errors, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = status, Title = detail, Detail = detail, Extensions = { [ApiProblem.CodeMember] = code },
        });

    public static ProblemHttpResult Of(int status, string code, string field, string message) =>
        Of(status, code, new Dictionary<string, string[]> { [field] = [message] }, message);
}
