using TrayBridge.Invoicing.Domain.Fiscal;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.ServiceDefaults.Fiscal;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary>What in an order would make the note invalid or rejected, as sentences naming the line or field to fix.
/// Checked before anything is written so the user sees every problem at once.</summary>
internal static class NfeOrderCheck
{
    public static List<string> Problems(NfeOrder order, NfeSchemaPackage package)
    {
        var problems = new List<string>();
        if (order.Items.Count is 0 or > 990) problems.Add($"Uma NF-e tem de 1 a 990 itens; o pedido tem {order.Items.Count}");
        if (order.Items.Select(i => i.Line).Distinct().Count() != order.Items.Count || order.Items.Any(i => i.Line < 1))
            problems.Add("Os números dos itens (nItem) devem ser distintos e começar em 1");
        foreach (var item in order.Items) problems.AddRange(ItemProblems(item));
        problems.AddRange(RecipientProblems(order.Recipient, package));
        if (order.Intermediary is { } intermediary)
        {
            // The order's part is the rule Orders' readiness applies too (one rule: a "ready" order is never refused here);
            // the package is the emitter's, which Orders does not know.
            var gaps = IntermediaryRule.Gaps(null, intermediary.Cnpj, intermediary.SellerId);
            problems.AddRange(gaps.Select(gap => gap.Detail));
            if (gaps.All(gap => gap.Code != TrayBridge.Api.Orders.MissingCodes.IntermediaryCnpj) && Cnpj.IsAlphanumeric(intermediary.Cnpj) && !package.AcceptsAlphanumericCnpj())
                problems.Add($"O CNPJ do marketplace {intermediary.Cnpj} é alfanumérico, o que o pacote {package.FolderName()} não aceita");
        }
        return problems;
    }

    private static IEnumerable<string> ItemProblems(NfeOrderItem item)
    {
        var label = string.IsNullOrWhiteSpace(item.Code) ? $"Item {item.Line}" : $"Item {item.Line} (SKU {item.Code})";
        if (item.Ncm is not { Length: 8 } || !item.Ncm.All(char.IsAsciiDigit)) yield return $"{label} não tem NCM de 8 dígitos";
        if (item.Cest is not null && (item.Cest.Length != 7 || !item.Cest.All(char.IsAsciiDigit))) yield return $"{label} tem um CEST que não tem 7 dígitos";
        if (NfeText.Clean(item.Description, 120).Length == 0) yield return $"{label} não tem descrição";
        if (item.Quantity <= 0 || item.Quantity != Math.Round(item.Quantity, 4)) yield return $"{label}: a quantidade deve ser positiva, com no máximo 4 casas decimais";
        if (item.UnitPrice <= 0) yield return $"{label}: o preço unitário deve ser positivo";
        if (item.Discount < 0 || item.Freight < 0 || item.OtherCharges < 0) yield return $"{label}: desconto, frete e outras despesas não podem ser negativos";
        if (item.Discount > NfeFormat.Cents(item.Quantity * item.UnitPrice)) yield return $"{label}: o desconto é maior que o valor do item";
        if (item.Origin is < 0 or > 8) yield return $"{label}: a origem (orig) deve ser de 0 a 8";
    }

    private static IEnumerable<string> RecipientProblems(NfeRecipient recipient, NfeSchemaPackage package)
    {
        if (recipient.Document.Length == 11 ? !Cpf.IsValidBare(recipient.Document) : !Cnpj.IsValidBare(recipient.Document))
            yield return $"O CPF/CNPJ do destinatário '{recipient.Document}' não é válido";
        else if (recipient.IsCompany && Cnpj.IsAlphanumeric(recipient.Document) && !package.AcceptsAlphanumericCnpj())
            yield return $"O CNPJ do destinatário {recipient.Document} é alfanumérico, o que o pacote {package.FolderName()} não aceita";
        if (NfeText.Clean(recipient.Name, 60).Length < 2) yield return "O destinatário não tem nome";
        var ie = recipient.StateRegistration?.Trim();
        if (!string.IsNullOrEmpty(ie) && !ie.Equals("ISENTO", StringComparison.OrdinalIgnoreCase) && (ie.Length is < 2 or > 14 || !ie.All(char.IsAsciiDigit)))
            yield return $"A IE do destinatário '{ie}' deve ter de 2 a 14 dígitos ou ser ISENTO";
        foreach (var problem in recipient.Address.Problems("do destinatário")) yield return problem;
    }
}
