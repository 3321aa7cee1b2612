using PdfSharp.Drawing;
using ZXing;
using ZXing.OneD;

namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>The chave de acesso as the DANFE's Code 128 barcode: code set C (two digits a symbol) for an all-digit key,
/// ZXing's own choice of sets for an alphanumeric-CNPJ key. ZXing only encodes; each dark run of modules is drawn as a
/// filled rectangle, so the bars stay vectors, sharp at any zoom and printer resolution.</summary>
public static class DanfeBarcode
{
    /// <summary>Light modules kept clear on each side: Code 128's quiet zone.</summary>
    public const int QuietZone = 10;

    private static readonly Dictionary<EncodeHintType, object> CodeSetC = new() { [EncodeHintType.FORCE_CODE_SET] = "C" };

    /// <summary>The modules from start to stop pattern, true for a bar.</summary>
    public static bool[] Modules(string key) =>
        new Code128Writer().encode(key, key.All(char.IsAsciiDigit) ? CodeSetC : new Dictionary<EncodeHintType, object>());

    /// <summary>Centred in the area, the modules as wide as the area allows with the quiet zones.</summary>
    public static void Draw(XGraphics graphics, string key, XRect area)
    {
        var modules = Modules(key);
        var module = area.Width / (modules.Length + 2 * QuietZone);
        var left = area.X + (area.Width - module * modules.Length) / 2;
        for (var start = 0; start < modules.Length;)
        {
            if (!modules[start])
            {
                start++;
                continue;
            }
            var end = start;
            while (end < modules.Length && modules[end]) end++;
            graphics.DrawRectangle(XBrushes.Black, left + start * module, area.Y, (end - start) * module, area.Height);
            start = end;
        }
    }
}
