using System.Diagnostics.CodeAnalysis;

namespace TrayBridge.Orders.Domain;

/// <summary>What importing a Tray order gave: the sales order, or why there is none.</summary>
public sealed class ImportResult
{
    private ImportResult(SalesOrder? order, ImportError? error) => (Order, Error) = (order, error);

    public SalesOrder? Order { get; }
    public ImportError? Error { get; }

    [MemberNotNullWhen(true, nameof(Order))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Imported => Order is not null;

    public static implicit operator ImportResult(SalesOrder order) => new(order, null);
    public static implicit operator ImportResult(ImportError error) => new(null, error);
}
