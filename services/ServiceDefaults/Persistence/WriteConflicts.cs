namespace TrayBridge.ServiceDefaults.Persistence;

public static class WriteConflicts
{
    /// <summary>Another writer got there first — an optimistic concurrency check, a taken primary key or unique index —
    /// also when Marten reports several documents of one batch together as an <see cref="AggregateException"/>. Reading
    /// again and retrying is the answer.</summary>
    public static bool IsConflict(Exception? e) => e switch
    {
        null => false,
        JasperFx.ConcurrencyException or JasperFx.DocumentAlreadyExistsException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsConflict),
        _ => PostgresErrors.IsUniqueViolation(e),
    };
}
