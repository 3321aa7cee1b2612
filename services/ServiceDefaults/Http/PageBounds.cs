using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TrayBridge.ServiceDefaults.Http;

/// <summary>Issue 11, "no bounds": <c>page=2147483647</c> made a list compute an offset past <c>int</c> and answer 500.
/// Every list of every service takes <c>page</c> the same way, so it is checked once, before any endpoint: a whole
/// number up to <see cref="MaxPage"/> (far beyond any list a page size of 200 can walk), else a 400 ProblemDetails
/// naming the field. Each endpoint still checks a page below 1 and bounds its own <c>pageSize</c>.</summary>
public static class PageBounds
{
    public const int MaxPage = 100_000;
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public static IApplicationBuilder UsePageBounds(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // Only what would overflow: a page below 1 or not a number is each endpoint's to answer, with its other fields.
        if (http.Request.Query.TryGetValue("page", out var values)
            && values.Any(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var page) && page > MaxPage))
        {
            await Problems.Validation("page", $"A página é um número de 1 a {MaxPage.ToString("N0", PtBr)}.").ExecuteAsync(http);
            return;
        }
        await next(http);
    });
}
