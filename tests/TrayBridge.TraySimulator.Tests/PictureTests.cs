using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TrayBridge.TraySimulator.Catalog;

namespace TrayBridge.TraySimulator.Tests;

public sealed class PictureTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. RandomNumberGenerator.GetBytes(2048), 0xFF, 0xD9];

    [Fact]
    public async Task Picture_sources_are_downloaded_and_recorded_with_size_type_and_hash_failures_included()
    {
        await using var images = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/img/camiseta.jpg", () => Results.Bytes(Jpeg, "image/jpeg"));
            app.MapGet("/img/manual.pdf", () => Results.Bytes([1, 2, 3], "application/pdf"));
        });
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();

        var id = await tray.CreateAsync("products", new JsonObject
        {
            ["Product"] = new JsonObject
            {
                ["name"] = "Camiseta", ["price"] = "10", ["picture_source_1"] = new Uri(images.Address, "/img/camiseta.jpg").ToString(),
                ["picture_source_2"] = new Uri(images.Address, "/img/missing.jpg").ToString(),
                ["picture_source_3"] = new Uri(images.Address, "/img/manual.pdf").ToString(),
            },
        });
        var downloads = await Json.EventuallyAsync(() =>
        {
            var all = tray.Host.Admin.Pictures(tray.Store.StoreId);
            return all.Count == 3 && all.All(d => d.Status != PictureStatus.Pending) ? all : null;
        });

        var good = downloads.Single(d => d.Slot == 1);
        Assert.Equal((PictureStatus.Downloaded, Jpeg.Length, "image/jpeg"), (good.Status, (int)good.Size, good.ContentType));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Jpeg)), good.Sha256);
        Assert.Equal(("HTTP 404", PictureStatus.Failed), (downloads.Single(d => d.Slot == 2).Error, downloads.Single(d => d.Slot == 2).Status));
        Assert.StartsWith("not JPG or PNG", downloads.Single(d => d.Slot == 3).Error);
        var product = (await tray.GetJsonAsync($"products/{id}"))["Product"]!;
        Assert.Equal("1", (string)product["image"]!);
        Assert.Single(product["ProductImage"]!.AsArray());
    }
    [Fact]
    public async Task Every_address_sent_is_downloaded_again_and_blanking_a_slot_moves_the_later_pictures_down()
    {
        await using var images = await LocalServer.StartAsync(app => app.MapGet("/img/{name}", (string name) => Results.Bytes(Jpeg, "image/jpeg")));
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        string Picture(string name) => new Uri(images.Address, $"/img/{name}.jpg").ToString();
        var id = await tray.CreateAsync("products", new JsonObject
        {
            ["Product"] = new JsonObject
            {
                ["name"] = "Camiseta", ["price"] = "10", ["picture_source_1"] = Picture("a"), ["picture_source_2"] = Picture("b"),
                ["picture_source_3"] = Picture("c"),
            },
        });
        IReadOnlyList<PictureDownload> Downloads() => tray.Host.Admin.Pictures(tray.Store.StoreId);
        await Json.EventuallyAsync(() => Downloads().Count == 3 && Downloads().All(d => d.Status == PictureStatus.Downloaded) ? Downloads() : null);

        // The same address again is a new download: Tray processes every picture it is sent.
        await tray.PutJsonAsync($"products/{id}", new JsonObject { ["Product"] = new JsonObject { ["picture_source_2"] = Picture("b") } });
        Assert.Equal([(2, Picture("b"))], Downloads().Skip(3).Select(d => (d.Slot, d.Url)));

        // Blanking slot 1 deletes it and the later two move down; nothing is downloaded.
        var saved = await tray.PutJsonAsync($"products/{id}", new JsonObject { ["Product"] = new JsonObject { ["picture_source_1"] = " " } });

        Assert.Equal(200, (int)saved.StatusCode);
        Assert.Equal([Picture("b"), Picture("c")], tray.Host.Admin.ProductPictures(tray.Store.StoreId, long.Parse(id)));
        Assert.Equal(4, Downloads().Count);
        var product = (await tray.GetJsonAsync($"products/{id}"))["Product"]!;
        Assert.Equal(2, product["ProductImage"]!.AsArray().Count);
    }
}
