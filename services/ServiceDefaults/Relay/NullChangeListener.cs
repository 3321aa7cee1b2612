using Marten;
using Marten.Services;

namespace TrayBridge.ServiceDefaults.Relay;

/// <summary>The relay writes nothing back to Marten, so it has nothing to do around the checkpoint commit.</summary>
internal sealed class NullChangeListener : IChangeListener
{
    public static readonly NullChangeListener Instance = new();

    public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;

    public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
}
