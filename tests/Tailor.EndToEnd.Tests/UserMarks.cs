using System.Security.Cryptography;
using System.Text;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// Everything that names one user in Tailor's stores or is derived from them: their id, the anonymous id their activity
/// was linked from, their address and its suppression key, the text they typed and its cache key, their emails' ids and
/// the ids of the events filed under them. A record holding any of these is that user's.
/// </summary>
/// <param name="EventIds">The ids of the events any store filed under the user, read before the erasure.</param>
internal sealed record UserMarks(string UserId, string AnonymousId, string Address, string Text, IReadOnlyList<Guid> EmailIds, IReadOnlyCollection<string> EventIds)
{
    /// <summary>SHA-256 of the trimmed, lower-cased address: how Ingestion files it on the suppression list (docs/api.md).</summary>
    public string AddressKey { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Address.Trim().ToLowerInvariant())));

    /// <summary>The key Embedding caches the text's vector under.</summary>
    private string TextKey { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));

    /// <summary>Whether the user owns a record filed under <paramref name="owner"/> (an event's user id).</summary>
    public bool Owns(string? owner) => owner == UserId || owner == AnonymousId;

    /// <summary>
    /// Whether a key (a document id, a collection, a Redis key) names the user: their id or anonymous id as the key or
    /// its last part, or any derived id inside it.
    /// </summary>
    public bool NamedBy(string key) =>
        Owns(key)
        || key.EndsWith(" " + UserId, StringComparison.Ordinal)
        || key.EndsWith(":" + UserId, StringComparison.Ordinal)
        || key.EndsWith(":" + AnonymousId, StringComparison.Ordinal)
        || DerivedIds.Any(id => key.Contains(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a stored value (JSON, a Redis value) mentions the user.</summary>
    public bool MentionedIn(string value) =>
        // The ids as JSON strings: a bare number could be part of a vector.
        value.Contains($"\"{UserId}\"", StringComparison.Ordinal)
        || value.Contains($"\"{AnonymousId}\"", StringComparison.Ordinal)
        || value.Contains(Address, StringComparison.OrdinalIgnoreCase)
        || value.Contains(Text, StringComparison.Ordinal)
        || DerivedIds.Any(id => value.Contains(id, StringComparison.OrdinalIgnoreCase));

    private IEnumerable<string> DerivedIds =>
        [AddressKey, TextKey, .. EmailIds.SelectMany(id => new[] { id.ToString("D"), id.ToString("N") }), .. EventIds];
}
