using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using TrayBridge.Invoicing.Features.Nfes;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>A carta de correção as an A4 page (the same PDF library and fonts as the DANFE): the note's key, number and
/// série, the event's sequence, protocol and time, the correction and the fixed conditions of use.</summary>
public static class CorrectionPdf
{
    public static byte[] Render(NfeRecord note, NfeCorrection correction, string conditions)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"Carta de Correção {correction.Sequence} da NF-e {DanfeFormat.Number(note.Number)}";
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var canvas = new DanfeCanvas(graphics);
            var y = DanfeCanvas.Top;
            canvas.Text("CARTA DE CORREÇÃO ELETRÔNICA (CC-e)", DanfeCanvas.Font(14, bold: true), DanfeCanvas.Left, y, DanfeCanvas.Width, 20);
            y += 28;
            y = canvas.Row(y, new DanfeCell("CHAVE DE ACESSO DA NF-E", DanfeFormat.Key(note.Key), DanfeCanvas.Width));
            y = canvas.Row(y,
                new DanfeCell("NÚMERO", DanfeFormat.Number(note.Number), 120), new DanfeCell("SÉRIE", DanfeFormat.Series(note.Series), 60),
                new DanfeCell("SEQUÊNCIA DO EVENTO", correction.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), 100),
                new DanfeCell("PROTOCOLO", correction.Protocol, 139), new DanfeCell("REGISTRO", BrazilTime.DateTime(correction.RegisteredAt), 140));
            y += 10;
            y = canvas.Title(y, "CORREÇÃO");
            graphics.DrawRectangle(canvas.Line, DanfeCanvas.Left, y, DanfeCanvas.Width, 300);
            canvas.Wrapped(correction.Text, canvas.Value, new XRect(DanfeCanvas.Left + 4, y + 4, DanfeCanvas.Width - 8, 292));
            y += 310;
            y = canvas.Title(y, "CONDIÇÕES DE USO");
            canvas.Wrapped(conditions, canvas.Small, new XRect(DanfeCanvas.Left, y, DanfeCanvas.Width, 120));
        }
        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }
}
