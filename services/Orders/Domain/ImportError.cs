using TrayBridge.Api.Orders;

namespace TrayBridge.Orders.Domain;

public enum ImportErrorKind { TotalsMismatch, Malformed }

/// <summary>Why a Tray order was not imported: a stable <see cref="Code"/> (<see cref="ImportReasonCodes"/>) and the
/// Portuguese <see cref="Message"/> for the user. A totals mismatch carries both totals so the screen can show them
/// side by side.</summary>
public sealed record ImportError(ImportErrorKind Kind, string Code, string Message)
{
    public decimal? TrayTotal { get; init; }
    public decimal? CalculatedTotal { get; init; }

    public static ImportError TotalsMismatch(decimal trayTotal, decimal calculatedTotal) =>
        new(ImportErrorKind.TotalsMismatch, ImportReasonCodes.TotalsMismatch,
            $"Totais não conferem: Tray {Brl.Of(trayTotal)}, calculado {Brl.Of(calculatedTotal)}")
        {
            TrayTotal = trayTotal, CalculatedTotal = calculatedTotal,
        };

    public static ImportError Malformed(string code, string message) => new(ImportErrorKind.Malformed, code, message);
}
