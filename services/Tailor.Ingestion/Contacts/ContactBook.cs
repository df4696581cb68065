using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.Ingestion.Contacts;

/// <summary>
/// Ingestion owns contact details and consent: it keeps them in its own store (the truth) and projects them into
/// the profile's contact slice (the cache ContentGeneration reads before it writes an email).
/// </summary>
internal sealed class ContactBook(IDocumentStore documents, IProfileCache profiles, ILogger<ContactBook> logger)
{
    private readonly UserLocks _locks = new();

    public async Task ApplyAsync(UserIdentified identified, CancellationToken cancellationToken) =>
        await UpdateAsync(identified.UserId, contact => contact.With(identified), cancellationToken);

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
    }

    // Always written, even when nothing changed: a retry must repair a slice whose first write failed.
    private async Task<(ContactRecord Known, ContactRecord Updated)> UpdateAsync(
        string userId, Func<ContactRecord, ContactRecord> change, CancellationToken cancellationToken)
    {
        using var held = await _locks.AcquireAsync(userId, cancellationToken);
        var known = await documents.FindAsync<ContactRecord>(IngestionStorage.ContactsCollection, userId, cancellationToken) ?? ContactRecord.Empty;
        var updated = change(known);
        await documents.PutAsync(IngestionStorage.ContactsCollection, userId, updated, cancellationToken);
        await profiles.WriteSliceAsync(userId, updated.ToSlice(), cancellationToken);
        return (known, updated);
    }
}
