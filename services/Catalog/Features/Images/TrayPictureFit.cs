using SkiaSharp;

namespace TrayBridge.Catalog.Features.Images;

/// <summary>Tray refuses pictures over 350 KB or 2000×2000 px (tray-api.md §3.5). An oversized upload is scaled down to fit
/// and, when still too heavy, re-encoded as JPEG at decreasing quality, then made smaller still — never refused for its size.</summary>
public static class TrayPictureFit
{
    public const int MaxBytes = 350 * 1024;
    public const int MaxSide = 2000;

    /// <summary>Pixels a picture may declare before it is decoded: a few KB of PNG can declare 20000×20000 px, GBs once
    /// decoded (a pod has 512 MiB). 40 MP (a 7000×5700 photo, 160 MB decoded) covers any camera a shop uses.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>The size a picture declares in its header, read without decoding it; null when Skia cannot read it.</summary>
    public static (int Width, int Height)? DeclaredSize(byte[] content)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    public sealed record Picture(byte[] Content, string ContentType, string Extension);

    /// <summary>The picture as Tray accepts it, or null when the bytes are not a picture Skia can read.</summary>
    public static Picture? Fit(byte[] content, string contentType, string extension)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        using var bitmap = codec is null ? null : SKBitmap.Decode(codec);
        if (bitmap is null) return null;
        if (content.Length <= MaxBytes && bitmap.Width <= MaxSide && bitmap.Height <= MaxSide) return new(content, contentType, extension);

        // Largest size first; a picture that no JPEG quality fits is made smaller, step by step, until one does.
        for (var scale = Math.Min(1.0, (double)MaxSide / Math.Max(bitmap.Width, bitmap.Height)); ; scale *= 0.8)
        {
            using var resized = bitmap.Resize(new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale))),
                new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var image = SKImage.FromBitmap(resized);
            if (contentType == "image/png" && Encode(image, SKEncodedImageFormat.Png, 100) is { Length: <= MaxBytes } png)
                return new(png, contentType, extension);
            for (var quality = 90; quality >= 40; quality -= 10)
                if (Encode(image, SKEncodedImageFormat.Jpeg, quality) is { Length: <= MaxBytes } jpeg)
                    return new(jpeg, "image/jpeg", "jpg");
        }
    }

    private static byte[] Encode(SKImage image, SKEncodedImageFormat format, int quality)
    {
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }
}
