using System.Security.Cryptography;
using System.Text;

namespace Tailor.Links;

/// <summary>
/// Signs and checks the links in Tailor's emails under a key ContentGeneration and Ingestion share: product links
/// (<c>…/c/{emailId}/{itemId}?s={signature}</c>, over email id and item id) and unsubscribe links
/// (<c>…/u/{emailId}?s={signature}</c>, over the email id). A signature is a truncated HMAC-SHA256. Email ids derive
/// from campaign and user ids, so without one anyone who knew both could make a link that teaches the models a click
/// that never happened, or unsubscribe someone else.
/// </summary>
public sealed class LinkSignature
{
    public const string QueryParameter = "s";
    private const int SignatureBytes = 16;

    // Product messages begin with the email id (a GUID), so no product link's signature is ever an unsubscribe link's.
    private const string UnsubscribePurpose = "unsubscribe";
    private readonly byte[] _key;

    public LinkSignature(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The signature of the product link to <paramref name="itemId"/> in email <paramref name="emailId"/>.</summary>
    public string Sign(Guid emailId, string itemId)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        return Mac($"{emailId:D}\n{itemId}");
    }

    public bool IsValid(Guid emailId, string itemId, string? signature)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        return Matches(Sign(emailId, itemId), signature);
    }

    /// <summary>The signature of the unsubscribe link of email <paramref name="emailId"/>.</summary>
    public string SignUnsubscribe(Guid emailId) => Mac($"{UnsubscribePurpose}\n{emailId:D}");

    public bool IsValidUnsubscribe(Guid emailId, string? signature) => Matches(SignUnsubscribe(emailId), signature);

    private string Mac(string message)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(message));
        return Base64Url(mac.AsSpan(0, SignatureBytes));
    }

    private static bool Matches(string expected, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signature));

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
