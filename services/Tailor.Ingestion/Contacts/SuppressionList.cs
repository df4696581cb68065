using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Ingestion.Contacts;

/// <summary>
/// Addresses Tailor must not email, whichever user id they come with: an unsubscribe, complaint or hard bounce puts
/// the address on it, a newer resubscribe lifts it. Also knows which users hold each address, so suppressing one
/// address reaches every user id that shares it.
/// </summary>
internal sealed class SuppressionList(IDocumentStore documents)
{
    public const string Collection = "ingestion.suppressions";
    public const string HoldersCollection = "ingestion.address-holders";

    public async Task<bool> IsSuppressedAsync(string? address, CancellationToken cancellationToken) =>
        await FindAsync(address, cancellationToken) is { Lifted: false };

    /// <summary>The address's entry, lifted or not; null when it was never suppressed.</summary>
    public async Task<Suppression?> FindAsync(string? address, CancellationToken cancellationToken) =>
        address is null ? null : await documents.FindAsync<Suppression>(Collection, AddressKeys.Of(address), cancellationToken);

    /// <param name="source">The provider's report behind <paramref name="kind"/>, kept with the entry (see <see cref="Suppression.Source"/>).</param>
    /// <returns>True when the list changed.</returns>
    public async Task<bool> ApplyAsync(string address, EngagementKind kind, DateTimeOffset at, string? source, CancellationToken cancellationToken)
    {
        var key = AddressKeys.Of(address);
        var known = await documents.FindAsync<Suppression>(Collection, key, cancellationToken);
        if (known is not null && at < known.At)
        {
            return false; // an older report never undoes a newer one
        }

        Suppression? updated = kind switch
        {
            EngagementKind.Unsubscribe or EngagementKind.Complaint or EngagementKind.HardBounce => new Suppression(kind, at, Lifted: false, source),
            EngagementKind.Resubscribe when known is { Lifted: false } => known with { At = at, Lifted = true },
            _ => null,
        };
        if (updated is null || updated == known)
        {
            return false;
        }

        await documents.PutAsync(Collection, key, updated, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<string>> HoldersAsync(string address, CancellationToken cancellationToken) =>
        await documents.FindAsync<string[]>(HoldersCollection, AddressKeys.Of(address), cancellationToken) ?? [];

    /// <summary>Files <paramref name="userId"/> under its current address and out of its previous one.</summary>
    public async Task MoveHolderAsync(string userId, string? previous, string? current, CancellationToken cancellationToken)
    {
        if (previous is not null && !SameAddress(previous, current))
        {
            await SetHoldersAsync(previous, (await HoldersAsync(previous, cancellationToken)).Where(holder => holder != userId), cancellationToken);
        }

        if (current is not null)
        {
            var holders = await HoldersAsync(current, cancellationToken);
            if (!holders.Contains(userId, StringComparer.Ordinal))
            {
                await SetHoldersAsync(current, [.. holders, userId], cancellationToken);
            }
        }
    }

    private async Task SetHoldersAsync(string address, IEnumerable<string> holders, CancellationToken cancellationToken)
    {
        string[] list = [.. holders];
        if (list.Length == 0)
        {
            await documents.DeleteAsync(HoldersCollection, AddressKeys.Of(address), cancellationToken);
        }
        else
        {
            await documents.PutAsync(HoldersCollection, AddressKeys.Of(address), list, cancellationToken);
        }
    }

    private static bool SameAddress(string first, string? second) =>
        second is not null && AddressKeys.Of(first) == AddressKeys.Of(second);
}
