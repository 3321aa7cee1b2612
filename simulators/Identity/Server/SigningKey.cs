using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TrayBridge.IdentitySimulator.Server;

/// <summary>The RSA key access and id tokens are signed with (RS256). With <c>Identity:SigningKeyPath</c> it is kept in
/// that PEM file — made there on first start — so tokens stay valid across a restart; without it, a new key each start.</summary>
public static class SigningKey
{
    public static SecurityKey? FromFile(string path)
    {
        if (path.Length == 0) return null;
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        // The key id is derived from the public key, so it is the same after every restart.
        var keyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }
}
