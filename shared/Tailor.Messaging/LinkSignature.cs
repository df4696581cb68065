using System.Security.Cryptography;
using System.Text;

namespace Tailor.Messaging;

/// <summary>
/// Signs and checks the product links in Tailor's emails (<c>…/c/{emailId}/{itemId}?s={signature}</c>): a truncated
/// HMAC-SHA256 of email id and item id under a key ContentGeneration and Ingestion share. Email ids derive from
/// campaign and user ids, so without a signature anyone who knew both could make a link that teaches the models a
/// click that never happened.
/// </summary>
public sealed class LinkSignature
{
    public const string QueryParameter = "s";
    private const int SignatureBytes = 16;
    private readonly byte[] _key;

    public LinkSignature(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    public string Sign(Guid emailId, string itemId)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{emailId:D}\n{itemId}"));
        return Base64Url(mac.AsSpan(0, SignatureBytes));
    }

    public bool IsValid(Guid emailId, string itemId, string? signature)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        return signature is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(emailId, itemId)), Encoding.ASCII.GetBytes(signature));
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
