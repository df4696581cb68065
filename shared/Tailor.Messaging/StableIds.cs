using System.Security.Cryptography;
using System.Text;

namespace Tailor.Messaging;

/// <summary>
/// Message ids derived from what they identify (the event they answer, a model version and a user), so work redone
/// after a retry or a crash publishes the same ids again and idempotent consumers downstream see it once.
/// </summary>
public static class StableIds
{
    /// <summary>An RFC 9562 version-8 UUID over SHA-256 of the scope and the length-prefixed parts (no two part lists collide).</summary>
    public static Guid From(string scope, params ReadOnlySpan<string> parts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        var text = new StringBuilder(scope);
        foreach (var part in parts)
        {
            text.Append('|').Append(part.Length).Append(':').Append(part);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The id of a message published because of <paramref name="source"/>, one per <paramref name="purpose"/>.</summary>
    public static Guid For(Guid source, string purpose) => From("tailor", purpose, source.ToString("D"));
}
