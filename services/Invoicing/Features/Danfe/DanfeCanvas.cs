using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;

namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>The DANFE's drawing vocabulary on one page (points, origin top left, A4 with an 18 pt margin): framed fields
/// with a small caption over the value, section titles, wrapped text; text that does not fit is shortened with "…".</summary>
public sealed class DanfeCanvas
{
    public const double Left = 18, Top = 18, Width = 559, Bottom = 842 - 18, RowHeight = 20;

    public DanfeCanvas(XGraphics graphics)
    {
        Graphics = graphics;
        Caption = Font(5);
        Value = Font(7.5);
        Bold = Font(7.5, bold: true);
        Small = Font(6);
        SmallBold = Font(6, bold: true);
    }

    public XGraphics Graphics { get; }
    public XFont Caption { get; }
    public XFont Value { get; }
    public XFont Bold { get; }
    public XFont Small { get; }
    public XFont SmallBold { get; }
    public XPen Line { get; } = new(XColors.Black, 0.5);

    /// <summary>A DejaVu Sans font; the resolver is installed before the first one is made.</summary>
    public static XFont Font(double size, bool bold = false)
    {
        DanfeFonts.EnsureInstalled();
        return new XFont(DanfeFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
    }

    /// <summary>Fields left to right from <see cref="Left"/>; returns the y under the row.</summary>
    public double Row(double y, params DanfeCell[] cells)
    {
        var x = Left;
        foreach (var cell in cells)
        {
            Field(x, y, cell.Width, RowHeight, cell.Caption, cell.Value, cell.AlignRight);
            x += cell.Width;
        }
        return y + RowHeight;
    }

    public void Field(double x, double y, double width, double height, string caption, string value, bool alignRight = false, XFont? font = null)
    {
        Graphics.DrawRectangle(Line, x, y, width, height);
        Text(caption, Caption, x + 1.5, y + 1, width - 3, 6);
        Text(value, font ?? Value, x + 1.5, y + height - 10.5, width - 3, 10, alignRight ? XStringFormats.TopRight : XStringFormats.TopLeft);
    }

    /// <summary>A bold section title (DESTINATÁRIO / REMETENTE…) on the 8 pt strip above a block; returns the y under it.</summary>
    public double Title(double y, string title)
    {
        Text(title, SmallBold, Left, y + 1.5, Width, 7);
        return y + 8;
    }

    public void Text(string text, XFont font, double x, double y, double width, double height, XStringFormat? format = null) =>
        Graphics.DrawString(Fit(text, font, width), font, XBrushes.Black, new XRect(x, y, width, height), format ?? XStringFormats.TopLeft);

    /// <summary>Word-wrapped into the rectangle; lines past its height are left out.</summary>
    public void Wrapped(string text, XFont font, XRect area, XParagraphAlignment alignment = XParagraphAlignment.Left) =>
        new XTextFormatter(Graphics) { Alignment = alignment }.DrawString(text, font, XBrushes.Black, area);

    private string Fit(string text, XFont font, double width)
    {
        if (Graphics.MeasureString(text, font).Width <= width) return text;
        var length = text.Length;
        while (length > 0 && Graphics.MeasureString(text[..length] + "…", font).Width > width) length--;
        return length == 0 ? "" : text[..length].TrimEnd() + "…";
    }
}
