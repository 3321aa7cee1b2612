using Npgsql;

namespace TrayBridge.ServiceDefaults.Persistence;

public static class PostgresErrors
{
    /// <summary>A unique index refused the write, however deep Marten wrapped PostgreSQL's error.</summary>
    public static bool IsUniqueViolation(Exception? e) =>
        e is not null && (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } || IsUniqueViolation(e.InnerException));
}
