using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static TrayBridge.Catalog.Tests.EnsureProductsData;
using static TrayBridge.Catalog.Tests.ProductVariationsApiTests;

namespace TrayBridge.Catalog.Tests;

/// <summary>Issue 11, "image decode bomb": a valid PNG of a few KB declaring 20000×20000 px (1.6 GB once decoded, in a pod of
/// 512 MiB) is refused from its header, before a pixel is decoded; a body over the limit is refused before it is buffered.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class ImageDecodeBombTests(CatalogHarness harness)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_small_png_declaring_20000_by_20000_pixels_is_refused_within_a_second_and_the_host_stays_live()
    {
        using var erp = harness.Client(NewTenant());
        var product = await (await erp.PostAsJsonAsync("api/catalog/products", Tshirt("BOMB"), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var bomb = BlackPng(20_000, 20_000);
        Assert.True(bomb.Length < 1024 * 1024, $"The bomb is {bomb.Length} bytes: it must be small to be one.");

        var clock = Stopwatch.StartNew();
        var response = await erp.PutAsync($"api/catalog/products/{product.GetProperty("id").GetGuid()}/images/1", new ByteArrayContent(bomb), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Refused after {clock.Elapsed}: it was decoded first.");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("image.too_large", problem.GetProperty("code").GetString());
        Assert.Contains("20000×20000", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync("health/live", Cancel)).StatusCode);
        // A picture within the budget still goes in.
        Assert.Equal(HttpStatusCode.NoContent, (await erp.PutAsync($"api/catalog/products/{product.GetProperty("id").GetGuid()}/images/1",
            new ByteArrayContent(BlackPng(64, 64)), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_body_over_10_MB_is_refused_by_its_length_before_it_is_read()
    {
        using var erp = harness.Client(NewTenant());
        var product = await (await erp.PostAsJsonAsync("api/catalog/products", Tshirt("BIG"), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var body = new byte[11 * 1024 * 1024];
        BlackPng(8, 8).CopyTo(body, 0);

        // Expect: 100-continue, as a careful client sends a large body: the refusal comes before a byte of it is sent (without
        // it the client sees the connection closed mid-upload, which is the same refusal, harder to assert).
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/catalog/products/{product.GetProperty("id").GetGuid()}/images/1")
            { Content = new ByteArrayContent(body) };
        request.Headers.ExpectContinue = true;
        var response = await erp.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("image.too_large", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("code").GetString());
    }

    /// <summary>A real, valid 1-bit grayscale PNG: all rows zero, which deflate shrinks to almost nothing.</summary>
    private static byte[] BlackPng(int width, int height)
    {
        var row = 1 + (width + 7) / 8; // filter byte + packed bits
        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[row * 64];
            for (var written = 0L; written < (long)row * height; written += zeros.Length)
                zlib.Write(zeros, 0, (int)Math.Min(zeros.Length, (long)row * height - written));
        }
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth; colour type 0 (grayscale), compression, filter, interlace 0
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    // PNG's CRC-32 (ISO 3309): the chunk type and data.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
