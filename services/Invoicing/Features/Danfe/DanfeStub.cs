using PdfSharp.Drawing;

namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>The canhoto at the top of the first page: the recipient signs it on delivery and the carrier keeps it, cut
/// along the dashed line.</summary>
public static class DanfeStub
{
    public const double Height = 46;
    private const double NumberWidth = 90;

    public static double Draw(DanfeCanvas canvas, DanfeNote note, double y)
    {
        var width = DanfeCanvas.Width - NumberWidth;
        canvas.Graphics.DrawRectangle(canvas.Line, DanfeCanvas.Left, y, width, 18);
        canvas.Wrapped($"RECEBEMOS DE {note.Emitter.Name} OS PRODUTOS E/OU SERVIÇOS CONSTANTES DA NOTA FISCAL ELETRÔNICA INDICADA AO LADO. " +
            $"EMISSÃO: {DanfeFormat.Date(note.IssuedAt)} VALOR TOTAL: R$ {DanfeFormat.Money(note.Total("vNF"))} DESTINATÁRIO: {note.Recipient.Name}",
            canvas.Caption, new XRect(DanfeCanvas.Left + 1.5, y + 1.5, width - 3, 16));
        canvas.Field(DanfeCanvas.Left, y + 18, 110, DanfeCanvas.RowHeight, "DATA DE RECEBIMENTO", "");
        canvas.Field(DanfeCanvas.Left + 110, y + 18, width - 110, DanfeCanvas.RowHeight, "IDENTIFICAÇÃO E ASSINATURA DO RECEBEDOR", "");

        var x = DanfeCanvas.Left + width;
        canvas.Graphics.DrawRectangle(canvas.Line, x, y, NumberWidth, 38);
        var centred = XStringFormats.TopCenter;
        canvas.Text("NF-e", DanfeCanvas.Font(10, bold: true), x, y + 3, NumberWidth, 12, centred);
        canvas.Text($"Nº {DanfeFormat.Number(note.Number)}", canvas.Bold, x, y + 16, NumberWidth, 10, centred);
        canvas.Text($"SÉRIE {DanfeFormat.Series(note.Series)}", canvas.Bold, x, y + 26, NumberWidth, 10, centred);

        var cut = new XPen(XColors.Black, 0.5) { DashStyle = XDashStyle.Dash };
        canvas.Graphics.DrawLine(cut, DanfeCanvas.Left, y + 42, DanfeCanvas.Left + DanfeCanvas.Width, y + 42);
        return y + Height;
    }
}
