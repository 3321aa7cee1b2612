using MassTransit;
using Marten;

namespace TrayBridge.ServiceDefaults.Messaging;

/// <summary>Marks that a consumer applied a message. Saved in the same session as the consumer's effect, so a
/// redelivered copy (a crash between publish and checkpoint, a broker redelivery) finds it and does nothing.</summary>
public sealed record ProcessedMessage(string Id, string MessageType, DateTimeOffset ProcessedAt);

public static class ProcessedMessageExtensions
{
    /// <summary>True when this consumer has not yet applied this message; the mark commits with the session.
    /// Two concurrent copies both get true, but only one commit wins the primary key: the loser's retry then gets false.</summary>
    public static async Task<bool> TryMarkProcessedAsync<T>(this IDocumentSession session, ConsumeContext<T> context, string consumer,
        TimeProvider time) where T : class
    {
        var id = $"{consumer}:{context.MessageId ?? throw new InvalidOperationException("Message without MessageId.")}";
        if (await session.LoadAsync<ProcessedMessage>(id, context.CancellationToken) is not null) return false;
        session.Insert(new ProcessedMessage(id, typeof(T).Name, time.GetUtcNow()));
        return true;
    }
}
