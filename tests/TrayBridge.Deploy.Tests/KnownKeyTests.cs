using System.Text.RegularExpressions;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.Deploy.Tests;

/// <summary>Issue 11, "known keys": a signing key written anywhere in the repository is a key anyone can read, so every
/// one a tracked file holds must be one the hosts refuse to start with, and no configuration file carries a key-shaped
/// secret at all (keys come from the environment: <c>build.ps1</c> generates them per machine, tests per run).</summary>
public sealed partial class KnownKeyTests
{
    [Fact]
    public void Every_signing_key_written_in_a_tracked_file_is_one_the_hosts_refuse()
    {
        var keys = (from file in StandAloneTests.TrackedFiles()
                    let path = Repository.PathOf(file)
                    where File.Exists(path) && !StandAloneTests.IsBinary(path)
                    from match in KeySetting().Matches(File.ReadAllText(path))
                    select (File: file, Key: match.Groups["key"].Value)).ToList();
        // The old compose defaults are in the policy's own list, by hash; the ServiceDefaults tests' keys are made per run.
        Expect.None(keys.Where(k => SharedKeyPolicy.Refusal("Auth:SigningKey", k.Key) is null)
            .Select(k => $"{k.File} holds a signing key a host would accept: generate keys per machine or per run instead."));
    }

    [Theory]
    [InlineData("dev-only-jwt-signing-key-never-use-in-production")]
    [InlineData("dev-only-url-signing-key-never-use-in-production")]
    [InlineData("c2hvcnQta2V5")] // base64, but 9 bytes
    [InlineData("a-readable-phrase-that-is-long-enough-to-pass-a-length-check")]
    public void Published_or_weak_keys_are_refused_with_a_reason(string key) =>
        Assert.Contains("Auth:SigningKey", SharedKeyPolicy.Refusal("Auth:SigningKey", key));

    [Fact]
    public void A_generated_key_is_accepted() =>
        Assert.Null(SharedKeyPolicy.Refusal("Auth:SigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48))));

    // A value after SigningKey / UrlSigningKey (JSON, YAML, .NET settings, PowerShell, C# initialisers) that is a literal.
    [GeneratedRegex("""(?:Url)?SigningKey["']?\s*\]?\s*[:=]\s*["'](?<key>[^"'$\s{}]{12,})["']""")]
    private static partial Regex KeySetting();

}
