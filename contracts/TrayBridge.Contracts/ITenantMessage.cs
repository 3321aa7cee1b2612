using MassTransit;

namespace TrayBridge.Contracts;

/// <summary>Every TrayBridge message belongs to exactly one tenant; subscribers must scope their effects to it.</summary>
[ExcludeFromTopology]
public interface ITenantMessage
{
    /// <summary>The tenant (ERP account) the message belongs to.</summary>
    string TenantId { get; }

    /// <summary>When the fact happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }
}
