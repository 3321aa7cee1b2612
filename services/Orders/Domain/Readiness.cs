using TrayBridge.Api.Orders;
using TrayBridge.ServiceDefaults.Fiscal;

namespace TrayBridge.Orders.Domain;

/// <summary>What a sales order still lacks before an NF-e can be issued for it: every item needs an 8-digit NCM, the
/// buyer a valid CPF/CNPJ, the invoice address (delivery, else billing) an IBGE municipality code, and a marketplace
/// order what the NF-e's intermediary group needs — its CNPJ and the seller's id there — by <see cref="IntermediaryRule"/>,
/// the very rule Invoicing checks the note with. <see cref="Missing"/> is in the words the status shows (the NCMs of all lines in
/// one phrase); <see cref="Items"/> is the same one by one with its code (<see cref="MissingCodes"/>), an NCM per
/// line, for a screen to put each fix beside it.</summary>
public sealed record Readiness(IReadOnlyList<string> Missing, IReadOnlyList<MissingItem> Items)
{
    public bool IsReady => Missing.Count == 0;

    public static Readiness Of(SalesOrder order)
    {
        var missing = new List<string>();
        var items = new List<MissingItem>();
        if (order.Customer.TaxId is null)
        {
            missing.Add("falta CPF/CNPJ");
            items.Add(new(MissingCodes.TaxId, "Falta o CPF/CNPJ do cliente."));
        }
        var withoutNcm = order.Items.Where(item => !Ncm.IsValid(item.Ncm)).ToList();
        if (withoutNcm.Count > 0) missing.Add($"falta NCM ({string.Join(", ", withoutNcm.Select(item => item.Label).Distinct())})");
        items.AddRange(withoutNcm.Select(item => new MissingItem(MissingCodes.Ncm, $"Falta o NCM do item {item.Line} ({item.Label}).", item.Line)));
        if (order.Customer.InvoiceAddress?.IbgeCode is null)
        {
            missing.Add("falta código IBGE do município");
            items.Add(new(MissingCodes.CityCode, order.Customer.InvoiceAddress is { } address
                ? $"Falta o código IBGE do município: \"{address.City}\" ({address.State}) não foi encontrado."
                : "Falta o endereço da nota (com o código IBGE do município)."));
        }
        if (order.Intermediary is { } intermediary)
            foreach (var gap in IntermediaryRule.Gaps(intermediary.Name, intermediary.Cnpj, intermediary.SellerId))
            {
                missing.Add(gap.Missing);
                items.Add(new(gap.Code, gap.Detail));
            }
        return new Readiness(missing, items);
    }
}
