using PdfSharp.Fonts;

namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>PDFsharp finds no system fonts on Linux, and a container may have none: every family the DANFE asks for is
/// DejaVu Sans (regular or bold), read from this assembly's resources (Fonts/LICENSE).</summary>
public sealed class DanfeFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    // PDFsharp keeps one resolver per process, set before the first font is used: Lazy sets it once, whichever
    // request renders first.
    private static readonly Lazy<DanfeFonts> Installed = new(() =>
    {
        var fonts = new DanfeFonts();
        GlobalFontSettings.FontResolver = fonts;
        return fonts;
    });

    private DanfeFonts() { }

    public static void EnsureInstalled() => _ = Installed.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(DanfeFonts).Assembly.GetManifestResourceStream($"TrayBridge.Invoicing.Danfe.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the Invoicing assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
