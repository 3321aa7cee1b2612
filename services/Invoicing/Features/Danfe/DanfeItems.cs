using PdfSharp.Drawing;

namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>The dados dos produtos table: a caption row, then one 10 pt line per item (long descriptions shortened),
/// framed with the column rules down to the bottom of the area the page gives it.</summary>
public static class DanfeItems
{
    private const double TitleHeight = 8, HeaderHeight = 14, LineHeight = 10;

    private static readonly (string Caption, double Width, bool Right)[] Columns =
    [
        ("CÓDIGO", 50, false), ("DESCRIÇÃO DO PRODUTO / SERVIÇO", 157, false), ("NCM/SH", 38, false), ("CST/CSOSN", 32, false),
        ("CFOP", 22, false), ("UN", 20, false), ("QUANT.", 40, true), ("VALOR UNIT.", 44, true), ("VALOR TOTAL", 44, true),
        ("B. CÁLC. ICMS", 42, true), ("VALOR ICMS", 38, true), ("ALÍQ. ICMS", 32, true),
    ];

    /// <summary>How many items fit between top and bottom.</summary>
    public static int Capacity(double top, double bottom) => (int)((bottom - top - TitleHeight - HeaderHeight) / LineHeight);

    public static void Draw(DanfeCanvas canvas, IEnumerable<DanfeItem> items, double top, double bottom)
    {
        var y = canvas.Title(top, "DADOS DOS PRODUTOS / SERVIÇOS");
        canvas.Graphics.DrawRectangle(canvas.Line, DanfeCanvas.Left, y, DanfeCanvas.Width, HeaderHeight);
        canvas.Graphics.DrawRectangle(canvas.Line, DanfeCanvas.Left, y, DanfeCanvas.Width, bottom - y);
        var x = DanfeCanvas.Left;
        foreach (var (caption, width, _) in Columns)
        {
            canvas.Text(caption, canvas.Caption, x + 1, y + 4.5, width - 2, 6, XStringFormats.TopCenter);
            if (x > DanfeCanvas.Left) canvas.Graphics.DrawLine(canvas.Line, x, y, x, bottom);
            x += width;
        }
        y += HeaderHeight + 1;
        foreach (var item in items)
        {
            string[] values =
            [
                item.Code, item.Description, item.Ncm, item.Cst, item.Cfop, item.Unit, DanfeFormat.Quantity(item.Quantity),
                DanfeFormat.UnitPrice(item.UnitPrice), DanfeFormat.Money(item.Total), DanfeFormat.Money(item.IcmsBase),
                DanfeFormat.Money(item.IcmsValue), DanfeFormat.Rate(item.IcmsRate),
            ];
            x = DanfeCanvas.Left;
            for (var i = 0; i < Columns.Length; i++)
            {
                var (_, width, right) = Columns[i];
                canvas.Text(values[i], canvas.Small, x + 1.5, y + 1.5, width - 3, LineHeight, right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                x += width;
            }
            y += LineHeight;
        }
    }
}
