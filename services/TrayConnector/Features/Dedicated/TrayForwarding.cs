using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Features.Dedicated;

/// <summary>A person's request that calls Tray (Testar conexão, Tray's categories and brands…) for a store another connector
/// serves: it is queued as due work in the store's partition, which only that store's connector claims, and the request
/// waits for the answer row (at most <see cref="ConnectorSettings.ForwardTimeout"/>). No address of the other process is
/// needed, and a dedicated connector that is down makes the request fail in time, never the shared one call Tray.</summary>
public sealed class TrayForwarding(DedicatedStores dedicated, IDocumentStore documents, DueWorkScheduler scheduler, NpgsqlDataSource dataSource,
    IServiceProvider services, IOptions<ConnectorSettings> options, TimeProvider time)
{
    public const string DueWorkKind = "tray.forwarded-call";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(150);

    public sealed record Payload(string StoreId, string Operation, JsonElement? Argument);

    public async Task<Results<Ok<T>, ProblemHttpResult>> RunAsync<T>(string tenantId, string storeId, string operation, object? argument,
        CancellationToken cancellationToken)
    {
        var json = argument is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(argument, JsonSerializerOptions.Web);
        if (!await dedicated.IsServedElsewhereAsync(storeId, cancellationToken))
            return await ForwardedOperations.RunAsync(services, operation, tenantId, storeId, json, cancellationToken) switch
            {
                ProblemHttpResult problem => problem,
                Ok<T> ok => ok,
                var other => Typed<T>(ForwardedAnswer.Of(other)),
            };
        Guid id;
        await using (var session = documents.LightweightSession(tenantId))
        {
            id = scheduler.Schedule(session, DueWorkKind, new Payload(storeId, operation, json), time.GetUtcNow(), partitionKey: storeId);
            await session.SaveChangesAsync(cancellationToken);
        }
        var deadline = time.GetUtcNow() + options.Value.ForwardTimeout;
        while (time.GetUtcNow() < deadline)
        {
            if (await ForwardedCallsTable.TakeAsync(dataSource, id, cancellationToken) is { } answer) return Typed<T>(answer);
            await Task.Delay(Poll, time, cancellationToken);
        }
        await ForwardedCallsTable.WithdrawAsync(dataSource, id, time.GetUtcNow(), CancellationToken.None);
        // Withdrawn unless its connector had already taken it: then its answer may have come in meanwhile.
        return await ForwardedCallsTable.TakeAsync(dataSource, id, CancellationToken.None) is { } late ? Typed<T>(late)
            : Problems.Of(StatusCodes.Status503ServiceUnavailable, TrayProblemCodes.DedicatedConnectorUnavailable,
                $"O conector dedicado desta loja não respondeu em {options.Value.ForwardTimeout.TotalSeconds:0} s: tente de novo em instantes.");
    }

    private static Results<Ok<T>, ProblemHttpResult> Typed<T>(ForwardedAnswer answer)
    {
        if (answer.Problem is not { } problem) return TypedResults.Ok(answer.Body!.Value.Deserialize<T>(JsonSerializerOptions.Web)!);
        // Read back from JSON, a member is a JsonElement: text members (the code above all) are strings again, as a local answer's.
        foreach (var (name, value) in problem.Extensions.ToList())
            if (value is JsonElement { ValueKind: JsonValueKind.String } text) problem.Extensions[name] = text.GetString();
        return TypedResults.Problem(problem);
    }
}

/// <summary>What the serving connector answered: the body of a 200, or the ProblemDetails a local call would have answered.</summary>
public sealed record ForwardedAnswer(JsonElement? Body, ProblemDetails? Problem)
{
    public static ForwardedAnswer Of(IResult result) => result switch
    {
        ProblemHttpResult p => new(null, p.ProblemDetails),
        IValueHttpResult v => new(JsonSerializer.SerializeToElement(v.Value, JsonSerializerOptions.Web), null),
        _ => throw new InvalidOperationException($"A forwarded call answered {result.GetType().Name}."),
    };
}

/// <summary>Runs a forwarded call in the store's own connector, as the person's request would have run there.</summary>
public sealed class ForwardedCallHandler(IServiceProvider services, NpgsqlDataSource dataSource, TimeProvider time) : IDueWorkHandler
{
    public string Kind => TrayForwarding.DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        var call = item.PayloadAs<TrayForwarding.Payload>();
        var result = await PersonWaits.RunAsync(() =>
            ForwardedOperations.RunAsync(services, call.Operation, item.TenantId, call.StoreId, call.Argument, cancellationToken));
        await ForwardedCallsTable.AnswerAsync(dataSource, item.Id, item.TenantId, ForwardedAnswer.Of(result), time.GetUtcNow(), cancellationToken);
        return DueWorkOutcome.Done;
    }
}
