namespace TrayBridge.Catalog.Features.Images;

/// <summary>Tray accepts JPG and PNG pictures; the format is read from the bytes, not trusted from the request.</summary>
public static class ImageFormat
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    public static (string ContentType, string Extension)? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith(Png) ? ("image/png", "png")
        : content.StartsWith(Jpeg) ? ("image/jpeg", "jpg")
        : null;
}
