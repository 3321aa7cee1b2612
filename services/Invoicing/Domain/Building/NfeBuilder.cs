using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Fiscal;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.Invoicing.Domain.Taxes;
using static TrayBridge.Invoicing.Domain.Building.NfeXml;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary>
/// Turns a sales order into an unsigned NF-e 4.00 (<c>NFe</c>/<c>infNFe</c>, elements in the schema's order, compact).
/// Pure: the identity (série, number, cNF, instant) comes in, so the same input always gives the same bytes and a
/// resend can rebuild them. Sign with <see cref="Signing.NfeSigner"/>; the XSD needs the signature to pass.
/// </summary>
/// <param name="package">The schema package the notes must satisfy: PL_009_V4 refuses alphanumeric CNPJs.</param>
/// <param name="technicalResponsible"><c>infRespTec</c>, written when set.</param>
public sealed class NfeBuilder(
    NfeSchemaPackage package = NfeSchemaPackage.Pl009V4, TechnicalResponsible? technicalResponsible = null,
    string appVersion = "TrayBridge 1.0")
{
    /// <exception cref="NfeDataException">The order or the emitter cannot make a valid note; nothing is built.</exception>
    public NfeDocument Build(NfeOrder order, Emitter emitter, NfeIdentity identity)
    {
        var problems = emitter.Problems().Concat(NfeOrderCheck.Problems(order, package)).ToList();
        if (!CodigoNumerico.IsValid(identity.Cnf, identity.Number))
            problems.Add($"cNF '{identity.Cnf}' inválido para o número {identity.Number} (8 dígitos, diferente do número, sem sequência trivial)");
        if (problems.Count > 0) throw new NfeDataException(problems);

        // dhEmi in the emitter UF's clock; the key's AAMM is read from the same local time (561 otherwise).
        var issuedAt = Uf.LocalTime(emitter.Uf, identity.IssuedAt);
        var key = AccessKey.Create(Uf.IbgeCode(emitter.Uf), issuedAt, emitter.Cnpj, identity.Series, identity.Number, identity.Cnf, package);
        var recipientUf = order.Recipient.Address.Uf;
        var operation = Operation.For(emitter.Uf, recipientUf, order.Recipient.StateRegistration, emitter.Taxes);
        var lines = order.Items.Select(item => NfeItemLine.From(item, emitter, operation, recipientUf)).ToList();
        var totals = NfeTotals.Of(lines);
        if (order.ExpectedTotal is { } expected && NfeFormat.Cents(expected) != totals.Total)
            throw new NfeDataException($"O total da nota ({NfeFormat.Money(totals.Total)}) difere do total do pedido ({NfeFormat.Money(expected)})");

        var nfe = E("NFe",
            E("infNFe", new XAttribute("versao", "4.00"), new XAttribute("Id", key.Id),
                IdeSection.Write(emitter, key, issuedAt, operation, order.Intermediary is not null, appVersion),
                PartiesSection.Emit(emitter),
                PartiesSection.Dest(order.Recipient, operation, emitter.Environment),
                lines.Select(line => DetSection.Write(line, order.OrderNumber)),
                TotalSection.Write(totals),
                ClosingSections.Transp(order),
                ClosingSections.Pag(order.Payment, totals.Total),
                ClosingSections.Intermed(order.Intermediary),
                ClosingSections.InfAdic(emitter, order, operation.RequiresDifal && !emitter.EffectiveDifal.IsDue()),
                ClosingSections.RespTec(technicalResponsible)));
        return new NfeDocument(key, identity.Series, identity.Number, issuedAt, totals.Total,
            lines.ToDictionary(line => line.Item.Line, line => line.Taxes.Cfop), nfe.ToString(SaveOptions.DisableFormatting));
    }
}
