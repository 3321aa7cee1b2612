namespace TrayBridge.ServiceDefaults.Persistence;

/// <summary>Where a service keeps its data: its own PostgreSQL schema, and a daemon lock id of its own so that
/// the HotCold relays of services sharing a database never block each other.</summary>
public sealed record ServiceStore(string Schema, int DaemonLockId);
