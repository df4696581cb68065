using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.Ingestion.Contacts;

/// <summary>
/// Ingestion owns contact details, consent, group memberships and the suppression list: it keeps them in its own store
/// (the truth) and projects them into the profile's contact slice (the cache ContentGeneration reads before it writes an
/// email, and picks a campaign's audience by).
/// </summary>
internal sealed class ContactBook(
    IDocumentStore documents,
    IProfileCache profiles,
    SuppressionList suppressions,
    IOptions<IngestionOptions> options,
    ILogger<ContactBook> logger)
{
    private readonly KeyedLocks _locks = new();

    public async Task ApplyAsync(UserIdentified identified, CancellationToken cancellationToken) =>
        await UpdateAsync(identified.UserId, contact => contact.With(identified), cancellationToken);

    /// <summary>Adds the user to the group or updates its traits; a group keeps at most as many trait fields as one call may carry.</summary>
    public async Task ApplyAsync(UserGrouped grouped, CancellationToken cancellationToken) =>
        await UpdateAsync(grouped.UserId, contact => contact.With(grouped, options.Value.MaxPropertiesPerCall), cancellationToken);

    /// <summary>Applies what an email provider reported; engagement that says nothing about consent changes nothing.</summary>
    public async Task ApplyAsync(EmailEngaged engaged, CancellationToken cancellationToken)
    {
        if (ConsentChanges.From(engaged.Kind) is not { } consent)
        {
            return;
        }

        var (known, updated) = await UpdateAsync(engaged.UserId, contact => contact.WithConsent(consent, engaged.OccurredAt), cancellationToken);
        if (known.EmailConsent != updated.EmailConsent)
        {
            Log.ConsentChanged(logger, engaged.UserId, engaged.Kind, consent);
        }

        // Every user id with this address gets its slice redrawn, outside this user's lock (the locks are not reentrant).
        if (updated.Email is { } address && await suppressions.ApplyAsync(address, engaged.Kind, engaged.OccurredAt, engaged.Source, cancellationToken))
        {
            foreach (var holder in await suppressions.HoldersAsync(address, cancellationToken))
            {
                await UpdateAsync(holder, contact => contact, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Applies a provider report that names an address but no email Tailor wrote (Postmark suppresses and reactivates
    /// addresses that way): the suppression list changes and every user id with the address gets its slice redrawn.
    /// Consent does not change: the report says what the provider will send, not what any one user chose.
    /// </summary>
    public async Task ApplyToAddressAsync(string address, EngagementKind kind, DateTimeOffset at, string? source, CancellationToken cancellationToken)
    {
        if (await suppressions.ApplyAsync(address, kind, at, source, cancellationToken))
        {
            foreach (var holder in await suppressions.HoldersAsync(address, cancellationToken))
            {
                await UpdateAsync(holder, contact => contact, cancellationToken);
            }
        }
    }

    /// <summary>Writes every contact's profile slice again (the profile cache lost them); returns how many.</summary>
    public async Task<int> RewriteSlicesAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var (userId, _) in documents.ListAsync(IngestionStorage.ContactsCollection, cancellationToken))
        {
            // Read again under the user's lock: a change since the listing is what gets written, and a user erased
            // since then is skipped instead of brought back.
            using var held = await _locks.AcquireAsync(userId, cancellationToken);
            if (await documents.FindAsync<ContactRecord>(IngestionStorage.ContactsCollection, userId, cancellationToken) is not { } contact)
            {
                continue;
            }

            var suppressed = await suppressions.IsSuppressedAsync(contact.Email, cancellationToken);
            await profiles.WriteSliceAsync(userId, contact.ToSlice(suppressed), cancellationToken);
            count++;
        }

        return count;
    }

    /// <summary>Erasure: removes the contact record and files the user out of its address.</summary>
    public async Task<ContactRecord?> ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        using var held = await _locks.AcquireAsync(userId, cancellationToken);
        var known = await documents.FindAsync<ContactRecord>(IngestionStorage.ContactsCollection, userId, cancellationToken);
        await suppressions.MoveHolderAsync(userId, known?.Email, current: null, cancellationToken);
        await documents.DeleteAsync(IngestionStorage.ContactsCollection, userId, cancellationToken);
        return known;
    }

    // Always written, even when nothing changed: a retry must repair a slice whose first write failed.
    private async Task<(ContactRecord Known, ContactRecord Updated)> UpdateAsync(
        string userId, Func<ContactRecord, ContactRecord> change, CancellationToken cancellationToken)
    {
        using var held = await _locks.AcquireAsync(userId, cancellationToken);
        var known = await documents.FindAsync<ContactRecord>(IngestionStorage.ContactsCollection, userId, cancellationToken) ?? ContactRecord.Empty;
        var updated = change(known);
        await documents.PutAsync(IngestionStorage.ContactsCollection, userId, updated, cancellationToken);
        await suppressions.MoveHolderAsync(userId, known.Email, updated.Email, cancellationToken);
        var suppressed = await suppressions.IsSuppressedAsync(updated.Email, cancellationToken);
        await profiles.WriteSliceAsync(userId, updated.ToSlice(suppressed), cancellationToken);
        return (known, updated);
    }
}
