using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>The answers around the registration limit: the 429 (with <c>Retry-After</c>) and the code an attempt ended with.</summary>
public static class RegistrationLimit
{
    public static ProblemHttpResult Refused(HttpContext http, RegistrationSettings limit, DateTimeOffset retryAt, DateTimeOffset now)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((retryAt - now).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Of(StatusCodes.Status429TooManyRequests, TrayProblemCodes.RegistrationRateLimited,
            $"Esta conta já fez {limit.PerWindow} tentativas de cadastrar ou autorizar lojas no último período de {Describe(limit.Window)}: " +
            $"tente de novo em {Describe(TimeSpan.FromSeconds(seconds))}.");
    }

    /// <summary>The stable code of a refusal, for the audit line.</summary>
    public static string CodeOf(ProblemHttpResult problem) =>
        problem.ProblemDetails.Extensions.TryGetValue(ApiProblem.CodeMember, out var code) && code is string text ? text : $"http_{problem.StatusCode}";

    private static string Describe(TimeSpan span) => span.TotalMinutes >= 60 && span.TotalMinutes % 60 == 0
        ? $"{span.TotalHours:0} hora{(span.TotalHours == 1 ? "" : "s")}"
        : $"{Math.Ceiling(span.TotalMinutes):0} minuto{(Math.Ceiling(span.TotalMinutes) == 1 ? "" : "s")}";
}
