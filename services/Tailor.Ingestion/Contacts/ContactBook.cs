using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Messaging.Rules;
using Tailor.Storage;

namespace Tailor.Ingestion.Contacts;

/// <summary>
/// Ingestion owns contact details, consent, group memberships and the suppression list: it keeps them in its own store
/// (the truth) and projects them into the profile's contact slice (the cache ContentGeneration reads before it writes an
/// email, and picks a campaign's audience by).
/// </summary>
/// <remarks>
/// Every change is a conditional update of the user's record (<see cref="DocumentUpdates.UpdateAsync{TDocument}"/>),
/// so any number of replicas may change one user at once: a change that lost the race is applied again to the record
/// that won. The merges are idempotent (each field keeps its "as of" time, groups are a set), so two copies of one
/// message, on two replicas, have one effect.
/// </remarks>
internal sealed class ContactBook(
    IDocumentStore documents,
    ContactSlices slices,
    SuppressionList suppressions,
    AddressHolders holders,
    IOptions<PropertyCountOptions> propertyCounts,
    ILogger<ContactBook> logger)
{
    public async Task ApplyAsync(UserIdentified identified, CancellationToken cancellationToken) =>
        await UpdateAsync(identified.UserId, contact => contact.With(identified), cancellationToken);

    /// <summary>Adds the user to the group or updates its traits; a group keeps at most as many trait fields as one call may carry.</summary>
    public async Task ApplyAsync(UserGrouped grouped, CancellationToken cancellationToken) =>
        await UpdateAsync(grouped.UserId, contact => contact.With(grouped, propertyCounts.Value.MaxPropertiesPerCall), cancellationToken);

    /// <summary>Applies what an email provider reported; engagement that says nothing about consent changes nothing.</summary>
    public async Task ApplyAsync(EmailEngaged engaged, CancellationToken cancellationToken)
    {
        if (ConsentChanges.From(engaged.Kind) is not { } consent)
        {
            return;
        }

        var (known, updated) = await UpdateAsync(engaged.UserId, contact => contact.WithConsent(consent, engaged.OccurredAt), cancellationToken);
        if (known?.EmailConsent != updated.EmailConsent)
        {
            Log.ConsentChanged(logger, engaged.UserId, engaged.Kind, consent);
        }

        if (updated.Email is { } address)
        {
            await ApplyToAddressAsync(address, engaged.Kind, engaged.OccurredAt, engaged.Source, cancellationToken);
        }
    }

    /// <summary>
    /// Applies a provider report that names an address but no email Tailor wrote (Postmark suppresses and reactivates
    /// addresses that way): the suppression list changes and every user id with the address gets its slice redrawn.
    /// Consent does not change: the report says what the provider will send, not what any one user chose.
    /// </summary>
    public async Task ApplyToAddressAsync(string address, EngagementKind kind, DateTimeOffset at, string? source, CancellationToken cancellationToken)
    {
        await suppressions.ApplyAsync(address, kind, at, source, cancellationToken);

        // Redrawn even when this call changed nothing: the replica (or the earlier attempt) that changed the entry may
        // have stopped before redrawing, and only a retry of the same report comes to finish it.
        foreach (var holder in await holders.OfAsync(address, cancellationToken))
        {
            await slices.RedrawAsync(holder, cancellationToken);
        }
    }

    /// <summary>Writes every contact's profile slice again (the profile cache lost them); returns how many.</summary>
    public async Task<int> RewriteSlicesAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var (userId, _) in documents.ListAsync(IngestionStorage.ContactsCollection, cancellationToken))
        {
            // Read again: a change since the listing is what gets written, and a user erased since then is skipped
            // instead of brought back.
            if (await slices.RedrawAsync(userId, cancellationToken))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Erasure: files the user out of its address, then removes the contact record (so a retry still finds the address).</summary>
    public async Task<ContactRecord?> ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        var known = await documents.FindAsync<ContactRecord>(IngestionStorage.ContactsCollection, userId, cancellationToken);
        if (known?.Email is { } address)
        {
            await holders.RemoveAsync(address, userId, cancellationToken);
        }

        await documents.DeleteAsync(IngestionStorage.ContactsCollection, userId, cancellationToken);
        return known;
    }

    // The slice is written even when nothing changed: a retry must repair a slice whose first write failed.
    private async Task<(ContactRecord? Known, ContactRecord Updated)> UpdateAsync(
        string userId, Func<ContactRecord, ContactRecord> change, CancellationToken cancellationToken)
    {
        // Set by the attempt that wins: the record this change was applied to.
        ContactRecord? known = null;
        var stored = await documents.UpdateAsync<ContactRecord>(IngestionStorage.ContactsCollection, userId, current =>
        {
            known = current;
            var updated = change(current ?? ContactRecord.Empty);
            return updated == current ? current : updated;
        }, cancellationToken) ?? throw new UnreachableException("A change to a contact always leaves a record.");

        await RefileAsync(userId, known?.Email, stored.Document.Email, cancellationToken);
        await slices.WriteAsync(userId, stored, cancellationToken);
        return (known, stored.Document);
    }

    private async Task RefileAsync(string userId, string? previous, string? current, CancellationToken cancellationToken)
    {
        if (previous is not null && !AddressKeys.Same(previous, current))
        {
            await holders.RemoveAsync(previous, userId, cancellationToken);

            // Another replica may have moved the user back to the previous address, and filed them there, just before
            // this removal: it wrote the record before filing, so reading the record now shows it.
            if ((await documents.FindAsync<ContactRecord>(IngestionStorage.ContactsCollection, userId, cancellationToken))?.Email is { } now
                && AddressKeys.Same(previous, now))
            {
                await holders.AddAsync(previous, userId, cancellationToken);
            }
        }

        if (current is not null)
        {
            await holders.AddAsync(current, userId, cancellationToken);
        }
    }
}
