using TrayBridge.Invoicing.Domain.Keys;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary>What makes a note this note: série and number (from the emitter's counter), the cNF and the issue instant.
/// Chosen once and persisted before sending, so a resend rebuilds the same key (nfe.md §4.7).</summary>
/// <param name="IssuedAt">Any offset: the note is dated in the emitter UF's clock, and the key's AAMM follows that.</param>
public sealed record NfeIdentity(int Series, int Number, string Cnf, DateTimeOffset IssuedAt)
{
    /// <summary>A new identity with a fresh random cNF.</summary>
    public static NfeIdentity New(int series, int number, DateTimeOffset issuedAt) =>
        new(series, number, CodigoNumerico.New(number), issuedAt);
}
