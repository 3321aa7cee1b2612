namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>The first page's destinatário/remetente block (with the dates of issue and departure) and the
/// transportador row (who pays the freight, and the carrier when the note names one).</summary>
public static class DanfeParties
{
    public const double RecipientHeight = 8 + 3 * DanfeCanvas.RowHeight, CarrierHeight = 8 + DanfeCanvas.RowHeight;

    public static double DrawRecipient(DanfeCanvas canvas, DanfeNote note, double y)
    {
        var recipient = note.Recipient;
        y = canvas.Title(y, "DESTINATÁRIO / REMETENTE");
        y = canvas.Row(y,
            new DanfeCell("NOME / RAZÃO SOCIAL", recipient.Name, 339),
            new DanfeCell("CNPJ / CPF", DanfeFormat.Document(recipient.Document), 130),
            new DanfeCell("DATA DA EMISSÃO", DanfeFormat.Date(note.IssuedAt), 90));
        y = canvas.Row(y,
            new DanfeCell("ENDEREÇO", recipient.Street, 259),
            new DanfeCell("BAIRRO / DISTRITO", recipient.District, 140),
            new DanfeCell("CEP", DanfeFormat.Zip(recipient.Zip), 70),
            new DanfeCell("DATA DA SAÍDA / ENTRADA", note.LeftAt is { } left ? DanfeFormat.Date(left) : "", 90));
        return canvas.Row(y,
            new DanfeCell("MUNICÍPIO", recipient.City, 209),
            new DanfeCell("FONE / FAX", recipient.Phone, 100),
            new DanfeCell("UF", recipient.Uf, 30),
            new DanfeCell("INSCRIÇÃO ESTADUAL", recipient.StateRegistration, 130),
            new DanfeCell("HORA DA SAÍDA / ENTRADA", note.LeftAt is { } at ? DanfeFormat.Time(at) : "", 90));
    }

    public static double DrawCarrier(DanfeCanvas canvas, DanfeNote note, double y)
    {
        var carrier = note.Carrier;
        y = canvas.Title(y, "TRANSPORTADOR / VOLUMES TRANSPORTADOS");
        return canvas.Row(y,
            new DanfeCell("NOME / RAZÃO SOCIAL", carrier?.Name ?? "", 199),
            new DanfeCell("FRETE POR CONTA", FreightPayer(note.FreightMode), 140),
            new DanfeCell("CNPJ / CPF", DanfeFormat.Document(carrier?.Document), 100),
            new DanfeCell("INSCRIÇÃO ESTADUAL", carrier?.StateRegistration ?? "", 90),
            new DanfeCell("UF", carrier?.Uf ?? "", 30));
    }

    /// <summary>modFrete as the DANFE spells it.</summary>
    public static string FreightPayer(string mode) => mode switch
    {
        "0" => "0 - Por conta do Remetente (CIF)",
        "1" => "1 - Por conta do Destinatário (FOB)",
        "2" => "2 - Por conta de Terceiros",
        "3" => "3 - Próprio por conta do Remetente",
        "4" => "4 - Próprio por conta do Destinatário",
        "9" => "9 - Sem Ocorrência de Transporte",
        _ => mode,
    };
}
