using System.Security.Cryptography;
using System.Text;

namespace Tailor.Ingestion.Mapping;

/// <summary>
/// Deterministic event ids: a name-based (version 5, SHA-1) UUID of <c>tailor:{key}:{index}</c>, so the same call
/// sent twice yields the same ids and the event log keeps it once.
/// </summary>
internal static class EventIds
{
    // Fixed forever: changing it would give every replayed event a new id.
    private static readonly byte[] Namespace = new Guid("3f1c1b52-6a0e-4a57-9d55-2f7e0c9b8a41").ToByteArray(bigEndian: true);

    /// <param name="key">Names the call or item across retries (messageId or content hash).</param>
    /// <param name="index">Which of the messages made from that call (an order's products are 0, 1, 2 ...).</param>
    public static Guid From(string key, int index)
    {
        var name = Encoding.UTF8.GetBytes($"tailor:{key}:{index}");
        var hash = SHA1.HashData([.. Namespace, .. name]);
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
