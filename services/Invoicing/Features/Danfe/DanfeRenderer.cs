using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>The DANFE of an authorized note as an A4 portrait PDF (nfe.md §7), in the standard layout simplified: the
/// first page has the canhoto, header, parties, taxes, carrier, items and additional data; items that do not fit go
/// on further pages under the repeated header (folha x/y). A homologação note says "SEM VALOR FISCAL" across the items; a
/// cancelled one "NF-E CANCELADA" on every page (the accountant's copy must not pass for a valid note).</summary>
public static class DanfeRenderer
{
    private const double Gap = 4;
    private const double FirstItemsTop = DanfeCanvas.Top + DanfeStub.Height + Gap + DanfeHeader.Height + Gap
        + DanfeParties.RecipientHeight + DanfeTaxes.Height + DanfeParties.CarrierHeight;
    private const double FirstItemsBottom = DanfeCanvas.Bottom - DanfeAdditionalData.Height;
    private const double NextItemsTop = DanfeCanvas.Top + DanfeHeader.Height + Gap;

    public static int FirstPageItems { get; } = DanfeItems.Capacity(FirstItemsTop, FirstItemsBottom);
    public static int NextPageItems { get; } = DanfeItems.Capacity(NextItemsTop, DanfeCanvas.Bottom);

    public static byte[] Render(string nfeProc, bool cancelled = false) => Render(DanfeNoteReader.Read(nfeProc), cancelled);

    public static byte[] Render(DanfeNote note, bool cancelled = false)
    {
        var pages = 1 + (int)Math.Ceiling(Math.Max(0, note.Items.Count - FirstPageItems) / (double)NextPageItems);
        using var document = new PdfDocument();
        document.Info.Title = $"DANFE NF-e {DanfeFormat.Number(note.Number)} série {DanfeFormat.Series(note.Series)}";
        for (var page = 1; page <= pages; page++)
        {
            var pdfPage = document.AddPage();
            pdfPage.Size = PageSize.A4;
            pdfPage.Orientation = PageOrientation.Portrait;
            using var graphics = XGraphics.FromPdfPage(pdfPage);
            var canvas = new DanfeCanvas(graphics);
            double top, bottom;
            if (page == 1)
            {
                var y = DanfeStub.Draw(canvas, note, DanfeCanvas.Top) + Gap;
                y = DanfeHeader.Draw(canvas, note, page, pages, y) + Gap;
                y = DanfeParties.DrawRecipient(canvas, note, y);
                y = DanfeTaxes.Draw(canvas, note, y);
                top = DanfeParties.DrawCarrier(canvas, note, y);
                bottom = DanfeAdditionalData.Draw(canvas, note);
            }
            else
            {
                top = DanfeHeader.Draw(canvas, note, page, pages, DanfeCanvas.Top) + Gap;
                bottom = DanfeCanvas.Bottom;
            }
            if (note.Homologacao) NoFiscalValue(canvas, top, bottom);
            if (cancelled) Cancelled(canvas, top, bottom);
            var skip = page == 1 ? 0 : FirstPageItems + (page - 2) * NextPageItems;
            DanfeItems.Draw(canvas, note.Items.Skip(skip).Take(page == 1 ? FirstPageItems : NextPageItems), top, bottom);
        }
        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }

    // Above the middle of the items, in red, so it does not cover the grey homologação mark.
    private static void Cancelled(DanfeCanvas canvas, double top, double bottom) =>
        canvas.Graphics.DrawString("NF-E CANCELADA", DanfeCanvas.Font(44, bold: true), new XSolidBrush(XColor.FromArgb(200, 200, 30, 30)),
            new XRect(DanfeCanvas.Left, top, DanfeCanvas.Width, (bottom - top) / 2), XStringFormats.Center);

    // Drawn first and in light grey, so the items stay legible over it.
    private static void NoFiscalValue(DanfeCanvas canvas, double top, double bottom) =>
        canvas.Graphics.DrawString("SEM VALOR FISCAL", DanfeCanvas.Font(40, bold: true), new XSolidBrush(XColor.FromArgb(210, 210, 210)),
            new XRect(DanfeCanvas.Left, top, DanfeCanvas.Width, bottom - top), XStringFormats.Center);
}
