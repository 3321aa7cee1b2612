namespace TrayBridge.Orders.Domain;

/// <summary>What a sales order still lacks before an NF-e can be issued for it, in the words the status shows: every
/// item needs an 8-digit NCM, the buyer a valid CPF/CNPJ, the invoice address (delivery, else billing) an IBGE
/// municipality code, and a marketplace order its intermediary's CNPJ.</summary>
public sealed record Readiness(IReadOnlyList<string> Missing)
{
    public bool IsReady => Missing.Count == 0;

    public static Readiness Of(SalesOrder order)
    {
        var missing = new List<string>();
        if (order.Customer.TaxId is null) missing.Add("falta CPF/CNPJ");
        var withoutNcm = order.Items.Where(item => !Ncm.IsValid(item.Ncm)).Select(item => item.Label).Distinct().ToList();
        if (withoutNcm.Count > 0) missing.Add($"falta NCM ({string.Join(", ", withoutNcm)})");
        if (order.Customer.InvoiceAddress?.IbgeCode is null) missing.Add("falta código IBGE do município");
        if (order.Intermediary is { Cnpj: null } intermediary) missing.Add($"falta CNPJ do intermediador ({intermediary.Name})");
        return new Readiness(missing);
    }
}
