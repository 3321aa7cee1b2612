using PdfSharp.Drawing;

namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>The dados adicionais at the foot of the first page: infCpl, word-wrapped (what does not fit is left out),
/// and the space reserved to the tax authority.</summary>
public static class DanfeAdditionalData
{
    public const double Height = 8 + BoxHeight;
    private const double BoxHeight = 70, InformationWidth = 380;

    /// <summary>Draws at the page's foot; returns the top of the block.</summary>
    public static double Draw(DanfeCanvas canvas, DanfeNote note)
    {
        var top = DanfeCanvas.Bottom - Height;
        var y = canvas.Title(top, "DADOS ADICIONAIS");
        canvas.Field(DanfeCanvas.Left, y, InformationWidth, BoxHeight, "INFORMAÇÕES COMPLEMENTARES", "");
        canvas.Wrapped(note.AdditionalInfo, canvas.Small, new XRect(DanfeCanvas.Left + 2, y + 8, InformationWidth - 4, BoxHeight - 9));
        canvas.Field(DanfeCanvas.Left + InformationWidth, y, DanfeCanvas.Width - InformationWidth, BoxHeight, "RESERVADO AO FISCO", "");
        return top;
    }
}
