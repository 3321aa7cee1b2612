using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;

namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>The block every page repeats: the emitter, the DANFE box (entrada/saída, number, série, folha), the barcode
/// with the key and where to check it, then natureza da operação with the authorization protocol and the emitter's
/// IE and CNPJ.</summary>
public static class DanfeHeader
{
    public const double Height = Block + 2 * DanfeCanvas.RowHeight;
    private const double Block = 112, EmitterWidth = 215, DanfeWidth = 100, KeyWidth = DanfeCanvas.Width - EmitterWidth - DanfeWidth;

    public static double Draw(DanfeCanvas canvas, DanfeNote note, int page, int pages, double y)
    {
        Emitter(canvas, note.Emitter, DanfeCanvas.Left, y);
        DanfeBox(canvas, note, page, pages, DanfeCanvas.Left + EmitterWidth, y);
        Key(canvas, note.Key, DanfeCanvas.Left + EmitterWidth + DanfeWidth, y);
        var authorization = note.AuthorizedAt is { } at ? $"{note.Protocol} - {DanfeFormat.DateTime(at)}" : note.Protocol;
        y = canvas.Row(y + Block,
            new DanfeCell("NATUREZA DA OPERAÇÃO", note.NatureOfOperation, EmitterWidth + DanfeWidth),
            new DanfeCell("PROTOCOLO DE AUTORIZAÇÃO DE USO", authorization, KeyWidth));
        return canvas.Row(y,
            new DanfeCell("INSCRIÇÃO ESTADUAL", note.Emitter.StateRegistration, 186),
            new DanfeCell("INSCRIÇÃO ESTADUAL DO SUBST. TRIBUTÁRIO", "", 186),
            new DanfeCell("CNPJ", DanfeFormat.Document(note.Emitter.Document), DanfeCanvas.Width - 372));
    }

    private static void Emitter(DanfeCanvas canvas, DanfeParty emitter, double x, double y)
    {
        canvas.Graphics.DrawRectangle(canvas.Line, x, y, EmitterWidth, Block);
        canvas.Text("IDENTIFICAÇÃO DO EMITENTE", canvas.Caption, x + 1.5, y + 1, EmitterWidth - 3, 6);
        canvas.Wrapped(emitter.Name, DanfeCanvas.Font(10, bold: true), new XRect(x + 4, y + 14, EmitterWidth - 8, 26), XParagraphAlignment.Center);
        string[] lines =
        [
            emitter.Street,
            $"{emitter.District} - CEP {DanfeFormat.Zip(emitter.Zip)}",
            $"{emitter.City} - {emitter.Uf}",
            emitter.Phone.Length > 0 ? $"Fone: {emitter.Phone}" : "",
        ];
        for (var i = 0; i < lines.Length; i++)
            canvas.Text(lines[i], canvas.Value, x + 4, y + 50 + i * 11, EmitterWidth - 8, 10, XStringFormats.TopCenter);
    }

    private static void DanfeBox(DanfeCanvas canvas, DanfeNote note, int page, int pages, double x, double y)
    {
        canvas.Graphics.DrawRectangle(canvas.Line, x, y, DanfeWidth, Block);
        var centred = XStringFormats.TopCenter;
        canvas.Text("DANFE", DanfeCanvas.Font(13, bold: true), x, y + 3, DanfeWidth, 16, centred);
        canvas.Wrapped("Documento Auxiliar da Nota Fiscal Eletrônica", canvas.Small, new XRect(x + 4, y + 20, DanfeWidth - 8, 16), XParagraphAlignment.Center);
        canvas.Text("0 - ENTRADA", canvas.Small, x + 12, y + 41, 60, 8);
        canvas.Text("1 - SAÍDA", canvas.Small, x + 12, y + 50, 60, 8);
        canvas.Graphics.DrawRectangle(canvas.Line, x + DanfeWidth - 28, y + 41, 16, 16);
        canvas.Text(note.Outgoing ? "1" : "0", DanfeCanvas.Font(11, bold: true), x + DanfeWidth - 28, y + 42, 16, 14, centred);
        canvas.Text($"Nº {DanfeFormat.Number(note.Number)}", canvas.Bold, x, y + 64, DanfeWidth, 10, centred);
        canvas.Text($"SÉRIE {DanfeFormat.Series(note.Series)}", canvas.Bold, x, y + 76, DanfeWidth, 10, centred);
        canvas.Text($"FOLHA {page}/{pages}", canvas.Value, x, y + 90, DanfeWidth, 10, centred);
    }

    private static void Key(DanfeCanvas canvas, string key, double x, double y)
    {
        canvas.Graphics.DrawRectangle(canvas.Line, x, y, KeyWidth, 46);
        DanfeBarcode.Draw(canvas.Graphics, key, new XRect(x + 2, y + 5, KeyWidth - 4, 36));
        canvas.Field(x, y + 46, KeyWidth, 22, "CHAVE DE ACESSO", DanfeFormat.Key(key), font: DanfeCanvas.Font(6.5, bold: true));
        canvas.Graphics.DrawRectangle(canvas.Line, x, y + 68, KeyWidth, Block - 68);
        canvas.Wrapped("Consulta de autenticidade no portal nacional da NF-e www.nfe.fazenda.gov.br/portal ou no site da Sefaz Autorizadora",
            canvas.Value, new XRect(x + 6, y + 76, KeyWidth - 12, Block - 80), XParagraphAlignment.Center);
    }
}
