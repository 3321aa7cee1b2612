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
}
