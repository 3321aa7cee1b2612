using System.Text.Json;
using Marten;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>Schedules due work inside a Marten session, so it commits (or not) together with the state change that needs it.</summary>
public sealed class DueWorkScheduler(ServiceStore store, TimeProvider time)
{
    public Guid Schedule(IDocumentSession session, string kind, object payload, DateTimeOffset dueAt)
    {
        var id = Guid.CreateVersion7();
        session.QueueSqlCommand(
            $"insert into {store.Schema}.due_work (id, tenant_id, kind, payload, next_attempt_at, created_at) values (?, ?, ?, ?::jsonb, ?, ?)",
            id, session.TenantId, kind, JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
            dueAt.ToUniversalTime(), time.GetUtcNow());
        return id;
    }
}
