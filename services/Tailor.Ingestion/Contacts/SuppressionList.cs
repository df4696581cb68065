using Tailor.Contracts;
using Tailor.Messaging.Rules;
using Tailor.Storage;

namespace Tailor.Ingestion.Contacts;

/// <summary>
/// Addresses Tailor must not email, whichever user id they come with: an unsubscribe, complaint or hard bounce puts
/// the address on it, a newer resubscribe lifts it. Each entry changes by a conditional update, so replicas applying
/// reports for one address at once lose none of them. The users holding each address are kept by
/// <see cref="AddressHolders"/>, so suppressing one address reaches every user id that shares it.
/// </summary>
internal sealed class SuppressionList(IDocumentStore documents)
{
    public const string Collection = "ingestion.suppressions";

    public async Task<bool> IsSuppressedAsync(string? address, CancellationToken cancellationToken) =>
        await FindAsync(address, cancellationToken) is { Lifted: false };

    /// <summary>The address's entry, lifted or not; null when it was never suppressed.</summary>
    public async Task<Suppression?> FindAsync(string? address, CancellationToken cancellationToken) =>
        (await FindVersionedAsync(address, cancellationToken))?.Document;

    /// <summary>The entry with its version, which tells a slice writer whether the entry changed after it read it.</summary>
    public async Task<Versioned<Suppression>?> FindVersionedAsync(string? address, CancellationToken cancellationToken) =>
        address is null ? null : await documents.FindVersionedAsync<Suppression>(Collection, AddressKeys.Of(address), cancellationToken);

    /// <param name="source">The provider's report behind <paramref name="kind"/>, kept with the entry (see <see cref="Suppression.Source"/>).</param>
    public async Task ApplyAsync(string address, EngagementKind kind, DateTimeOffset at, string? source, CancellationToken cancellationToken) =>
        await documents.UpdateAsync<Suppression>(Collection, AddressKeys.Of(address), known =>
        {
            if (known is not null && at < known.At)
            {
                return known; // an older report never undoes a newer one
            }

            Suppression? updated = kind switch
            {
                _ when ConsentChanges.SaysStop(kind) => new Suppression(kind, at, Lifted: false, source),
                EngagementKind.Resubscribe when known is { Lifted: false } => known with { At = at, Lifted = true },
                _ => null,
            };

            // Null or equal: nothing to write (a resubscribe of an address never suppressed, the same report again).
            return updated is null || updated == known ? known : updated;
        }, cancellationToken);
}
