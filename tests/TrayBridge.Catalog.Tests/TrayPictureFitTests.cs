using SkiaSharp;
using TrayBridge.Catalog.Features.Images;

namespace TrayBridge.Catalog.Tests;

public sealed class TrayPictureFitTests
{
    /// <summary>Random pixels compress badly: a large noisy picture is the hard case for the 350 KB limit.</summary>
    private static byte[] Noise(int width, int height, SKEncodedImageFormat format)
    {
        var random = new Random(42);
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 95);
        return data.ToArray();
    }

    [Theory]
    [InlineData(3000, 2400, SKEncodedImageFormat.Png, "image/png", "png")]
    [InlineData(2600, 1200, SKEncodedImageFormat.Jpeg, "image/jpeg", "jpg")]
    [InlineData(2400, 2000, SKEncodedImageFormat.Jpeg, "image/jpeg", "jpg")]
    public void An_oversized_picture_is_scaled_and_recompressed_within_Trays_limits(int width, int height, SKEncodedImageFormat format,
        string contentType, string extension)
    {
        var original = Noise(width, height, format);
        Assert.True(original.Length > TrayPictureFit.MaxBytes);

        var fitted = TrayPictureFit.Fit(original, contentType, extension)!;

        Assert.InRange(fitted.Content.Length, 1, TrayPictureFit.MaxBytes);
        using var decoded = SKBitmap.Decode(fitted.Content);
        Assert.True(decoded.Width <= TrayPictureFit.MaxSide && decoded.Height <= TrayPictureFit.MaxSide, $"{decoded.Width}×{decoded.Height}");
        Assert.Equal(Math.Round((double)width / height, 2), Math.Round((double)decoded.Width / decoded.Height, 2));
    }

    [Fact]
    public void A_picture_within_the_limits_is_kept_byte_for_byte()
    {
        var small = Noise(64, 48, SKEncodedImageFormat.Png);

        Assert.Same(small, TrayPictureFit.Fit(small, "image/png", "png")!.Content);
    }

    [Fact]
    public void Bytes_that_only_look_like_a_picture_are_not_read_as_one()
    {
        Assert.Null(TrayPictureFit.Fit([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "image/png", "png"));
    }
}
