namespace TrayBridge.ServiceDefaults.Retention;

/// <summary>Rows of <paramref name="Table"/> (schema-qualified) matching <paramref name="Where"/> go once they are older than
/// <paramref name="KeepFor"/>: in the condition, <c>$1</c> is the cutoff (now − KeepFor). The condition must name only rows
/// nothing needs any more (finished, published, processed): the runner deletes whatever matches.</summary>
public sealed record RetentionRule(string Name, string Table, string Where, TimeSpan KeepFor);
