using System.Security.Cryptography;
using System.Text;

namespace Tailor.Ingestion.Security;

/// <summary>Makes API keys and the hashes Tailor keeps instead of them.</summary>
public static class ApiKeys
{
    /// <summary>Marks a string as a Tailor key, so secret scanners and people can recognise a leaked one.</summary>
    public const string Prefix = "tlr_";

    private const int SecretBytes = 32;

    /// <summary>A new key: 256 random bits, base64url, behind <see cref="Prefix"/>.</summary>
    public static string Create() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>
    /// SHA-256 of the key, hex. A fast hash is right here, unlike for passwords: a key has 256 random bits, so there is
    /// no dictionary to try and a slow hash would only slow every request down.
    /// </summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The public name of a key in listings and logs: the start of its hash, which reveals nothing of the key.</summary>
    public static string IdOf(string keyHash) => keyHash[..16];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
