namespace TrayBridge.TrayConnector.Extensions;

public static class OpenApiProblems
{
    /// <summary>Documents the ProblemDetails statuses an endpoint may answer (each with its <c>code</c> and pt-BR
    /// <c>detail</c>): a <c>ProblemHttpResult</c> only knows its status when it runs, so the OpenAPI document cannot infer them.</summary>
    public static RouteHandlerBuilder ProducesTrayProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }
}
