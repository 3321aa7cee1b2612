using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.ServiceDefaults.Tests;

public sealed class SignedUrlsTests
{
    private static readonly AuthSettings Settings = new("traybridge", "traybridge", new string('s', 48), "url-signing-key-for-tests-0123456789abcdef");
    private readonly SignedUrls _urls = new(Settings);

    [Fact]
    public void A_signed_token_gives_back_its_tenant_and_resource()
    {
        var token = _urls.Sign("tenant-a", "image", "42");

        Assert.Equal(("tenant-a", "42"), _urls.Verify(token, "image"));
    }

    [Fact]
    public void Changing_any_single_character_of_the_token_makes_it_invalid()
    {
        var token = _urls.Sign("tenant-a", "image", "42");
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

        for (var i = 0; i < token.Length; i++)
            foreach (var replacement in alphabet.Where(c => c != token[i]))
                Assert.Null(_urls.Verify(token[..i] + replacement + token[(i + 1)..], "image"));
    }

    [Fact]
    public void A_token_is_bound_to_its_purpose_and_to_the_key()
    {
        var token = _urls.Sign("tenant-a", "image", "42");
        var otherKey = new SignedUrls(Settings with { UrlSigningKey = "another-url-signing-key-0123456789abcdefgh" });

        Assert.Null(_urls.Verify(token, "danfe"));
        Assert.Null(otherKey.Verify(token, "image"));
        Assert.Null(_urls.Verify("not-a-token", "image"));
    }

    [Fact]
    public void A_token_reveals_neither_tenant_nor_resource_and_is_the_same_every_time()
    {
        var token = _urls.Sign("tenant-a", "image", "0f8fad5b-d9cb-469f-a165-70867728950e");
        var bytes = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token);

        foreach (var text in new[] { token, System.Text.Encoding.Latin1.GetString(bytes) })
            Assert.DoesNotContain("tenant-a", text);
        Assert.DoesNotContain('.', token);
        Assert.Equal(token, _urls.Sign("tenant-a", "image", "0f8fad5b-d9cb-469f-a165-70867728950e"));
        Assert.NotEqual(token, _urls.Sign("tenant-b", "image", "0f8fad5b-d9cb-469f-a165-70867728950e"));
        // Tenant ids of different lengths within a block give tokens of the same length.
        Assert.Equal(token.Length, _urls.Sign("t", "image", "0f8fad5b-d9cb-469f-a165-70867728950e").Length);
    }

    [Fact]
    public void A_token_of_the_first_readable_format_still_verifies()
    {
        var legacy = _urls.LegacySign("tenant-a", "image", "42");

        Assert.Contains('.', legacy);
        Assert.Equal(("tenant-a", "42"), _urls.Verify(legacy, "image"));
        Assert.Null(_urls.Verify(legacy, "danfe"));
        Assert.Null(_urls.Verify(legacy[..^2] + (legacy[^2] == 'A' ? "B" : "A") + legacy[^1], "image"));
    }
}
