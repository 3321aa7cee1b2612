using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.Api;

namespace TrayBridge.ServiceDefaults.Http;

/// <summary>Issue 11, "no bounds": Kestrel's default lets any route buffer a 30 MB body. Every host takes at most
/// <c>Http:MaxRequestBodyBytes</c> (256 KiB, far above any JSON body the API defines); a route that needs more or less
/// says so with <see cref="Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute"/> (routing applies it per request). The
/// gateway is given the largest route's size, since it only streams what the service then bounds.</summary>
public static class RequestBodyLimits
{
    public const long DefaultMaxBytes = 256 * 1024;
    public const string TooLargeCode = "request.too_large";

    public static WebApplicationBuilder AddRequestBodyLimit(this WebApplicationBuilder builder)
    {
        var max = builder.Configuration.GetValue("Http:MaxRequestBodyBytes", DefaultMaxBytes);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = max);
        // A body over the limit ends in a bare 413 (Kestrel stops reading, binding gives up); the status-code page then
        // writes a ProblemDetails, which gets the API's code and a reason a person can act on.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status != StatusCodes.Status413PayloadTooLarge
                || context.ProblemDetails.Extensions.ContainsKey(ApiProblem.CodeMember)) return;
            var limit = context.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? max;
            context.ProblemDetails.Detail = $"O corpo da requisição passa do limite desta rota ({limit / 1024:N0} KB).";
            context.ProblemDetails.Extensions[ApiProblem.CodeMember] = TooLargeCode;
        });
        return builder;
    }
}
