using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Fiscal;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.Invoicing.Domain.Taxes;
using static TrayBridge.Invoicing.Domain.Building.NfeXml;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary>What follows the totals: <c>transp</c>, <c>pag</c>, <c>infIntermed</c>, <c>infAdic</c>, <c>infRespTec</c>.</summary>
internal static class ClosingSections
{
    /// <summary>modFrete 0: the emitter hires the carrier (CIF), as a store shipping its orders does; 9 without transport.</summary>
    public static XElement Transp(NfeOrder order) => E("transp", E("modFrete", order.Shipped ? "0" : "9"));

    /// <summary>One detPag paying the whole vNF. A note with nothing to pay says so (tPag 90, vPag 0).</summary>
    public static XElement Pag(NfePayment payment, decimal total)
    {
        if (total == 0) payment = new NfePayment(NfePaymentType.SemPagamento);
        var description = NfeText.Clean(payment.Description, 60) is { Length: >= 2 } text ? text : "OUTROS";
        return E("pag",
            E("detPag",
                E("indPag", payment.Installments > 1 ? "1" : "0"),
                E("tPag", payment.Code),
                payment.Type == NfePaymentType.Outros ? E("xPag", description) : null,
                E("vPag", NfeFormat.Money(total)),
                // tpIntegra 2: the card was charged by the store's gateway, not by an automation integrated with the note.
                payment.IsCard ? E("card", E("tpIntegra", "2")) : null));
    }

    public static XElement? Intermed(NfeIntermediary? intermediary) => intermediary is null ? null
        : E("infIntermed", E("CNPJ", intermediary.Cnpj), E("idCadIntTran", NfeText.Clean(intermediary.SellerId, 60)));

    /// <param name="difalWaived">An interstate sale to a consumer whose DIFAL the emitter's policy says is not due: the
    /// note states the legal basis, so the destination UF's auditor reads why no DIFAL was paid.</param>
    public static XElement InfAdic(Emitter emitter, NfeOrder order, bool difalWaived = false)
    {
        var parts = new List<string> { $"Pedido {order.OrderNumber}" };
        if (emitter.Crt.UsesCsosn())
            parts.Add("DOCUMENTO EMITIDO POR ME OU EPP OPTANTE PELO SIMPLES NACIONAL. NAO GERA DIREITO A CREDITO FISCAL DE IPI.");
        if (difalWaived) parts.Add(DifalPolicies.SimplesNacionalBasis);
        if (!string.IsNullOrWhiteSpace(order.Notes)) parts.Add(order.Notes);
        return E("infAdic", E("infCpl", NfeText.Clean(string.Join(" | ", parts), 5000)));
    }

    public static XElement? RespTec(TechnicalResponsible? responsible) => responsible is null ? null
        : E("infRespTec",
            E("CNPJ", responsible.Cnpj),
            E("xContato", NfeText.Clean(responsible.Contact, 60)),
            E("email", NfeText.Clean(responsible.Email, 60)),
            E("fone", Digits.Only(responsible.Phone)));
}
