using TrayBridge.Invoicing.Domain.Emitters;

namespace TrayBridge.Invoicing.Domain.Orders;

/// <summary>The buyer (<c>dest</c>), from the order's customer snapshot and its invoice address (delivery, else billing).</summary>
/// <param name="Document">CPF (11 digits) or CNPJ (14 characters), bare.</param>
/// <param name="StateRegistration">The IE digits for a contributor, "ISENTO" for one exempt from it, null otherwise.</param>
public sealed record NfeRecipient(
    string Name, string Document, NfeAddress Address, string? StateRegistration = null, string? Email = null)
{
    public bool IsCompany => Document.Length == 14;
}
