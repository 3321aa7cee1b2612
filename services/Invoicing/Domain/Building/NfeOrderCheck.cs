using TrayBridge.Invoicing.Domain.Fiscal;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Orders;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary>What in an order would make the note invalid or rejected, as sentences naming the line or field to fix.
/// Checked before anything is written so the user sees every problem at once.</summary>
internal static class NfeOrderCheck
{
    public static List<string> Problems(NfeOrder order, NfeSchemaPackage package)
    {
        var problems = new List<string>();
        if (order.Items.Count is 0 or > 990) problems.Add($"An NF-e has 1 to 990 items; the order has {order.Items.Count}");
        if (order.Items.Select(i => i.Line).Distinct().Count() != order.Items.Count || order.Items.Any(i => i.Line < 1))
            problems.Add("The items' line numbers (nItem) must be distinct and from 1");
        foreach (var item in order.Items) problems.AddRange(ItemProblems(item));
        problems.AddRange(RecipientProblems(order.Recipient, package));
        if (order.Intermediary is { } intermediary)
        {
            if (!TaxIds.IsCnpj(intermediary.Cnpj)) problems.Add($"The marketplace's CNPJ '{intermediary.Cnpj}' is not valid");
            else if (TaxIds.IsAlphanumeric(intermediary.Cnpj) && !package.AcceptsAlphanumericCnpj())
                problems.Add($"The marketplace's CNPJ {intermediary.Cnpj} is alphanumeric, which {package.FolderName()} does not accept");
            if (NfeText.Clean(intermediary.SellerId, 60).Length < 2) problems.Add("The seller's id on the marketplace (idCadIntTran) is missing");
        }
        return problems;
    }

    private static IEnumerable<string> ItemProblems(NfeOrderItem item)
    {
        var label = string.IsNullOrWhiteSpace(item.Code) ? $"Item {item.Line}" : $"Item {item.Line} (SKU {item.Code})";
        if (item.Ncm is not { Length: 8 } || !item.Ncm.All(char.IsAsciiDigit)) yield return $"{label} has no 8-digit NCM";
        if (item.Cest is not null && (item.Cest.Length != 7 || !item.Cest.All(char.IsAsciiDigit))) yield return $"{label} has a CEST that is not 7 digits";
        if (NfeText.Clean(item.Description, 120).Length == 0) yield return $"{label} has no description";
        if (item.Quantity <= 0 || item.Quantity != Math.Round(item.Quantity, 4)) yield return $"{label}: the quantity must be positive with at most 4 decimals";
        if (item.UnitPrice <= 0) yield return $"{label}: the unit price must be positive";
        if (item.Discount < 0 || item.Freight < 0 || item.OtherCharges < 0) yield return $"{label}: discount, freight and other charges cannot be negative";
        if (item.Discount > NfeFormat.Cents(item.Quantity * item.UnitPrice)) yield return $"{label}: the discount is larger than the item's value";
        if (item.Origin is < 0 or > 8) yield return $"{label}: origin (orig) must be 0 to 8";
    }

    private static IEnumerable<string> RecipientProblems(NfeRecipient recipient, NfeSchemaPackage package)
    {
        if (recipient.Document.Length == 11 ? !TaxIds.IsCpf(recipient.Document) : !TaxIds.IsCnpj(recipient.Document))
            yield return $"The recipient's CPF/CNPJ '{recipient.Document}' is not valid";
        else if (recipient.IsCompany && TaxIds.IsAlphanumeric(recipient.Document) && !package.AcceptsAlphanumericCnpj())
            yield return $"The recipient's CNPJ {recipient.Document} is alphanumeric, which {package.FolderName()} does not accept";
        if (NfeText.Clean(recipient.Name, 60).Length < 2) yield return "The recipient has no name";
        var ie = recipient.StateRegistration?.Trim();
        if (!string.IsNullOrEmpty(ie) && !ie.Equals("ISENTO", StringComparison.OrdinalIgnoreCase) && (ie.Length is < 2 or > 14 || !ie.All(char.IsAsciiDigit)))
            yield return $"The recipient's IE '{ie}' must be 2 to 14 digits or ISENTO";
        foreach (var problem in recipient.Address.Problems("The recipient's")) yield return problem;
    }
}
