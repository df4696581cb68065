using Tailor.Ingestion.Accepting;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.Ingestion.Contacts;

/// <summary>
/// Writes a user's contact slice so that, with several replicas changing the user or their address's suppression at
/// once, the slice left in the cache is drawn from the newest contact record and the newest suppression entry.
/// </summary>
/// <remarks>
/// <see cref="StoredSliceWrites.WriteLatestSliceAsync"/> with a second document: the slice depends on the contact record
/// and on the suppression entry of its address, so after each write both versions are read again, and a change to
/// either (by another replica, meanwhile) draws the slice again. A replica that changes a suppression redraws every
/// holder of the address after its change, and one that files a user under an address reads the suppression after
/// filing, so of the two, at least one sees the other's write.
/// </remarks>
internal sealed class ContactSlices(IDocumentStore documents, IProfileCache profiles, SuppressionList suppressions)
{
    /// <summary>Writes the slice of the record this caller stored, or of a newer one; removes it if the record is gone.</summary>
    public async Task WriteAsync(string userId, Versioned<ContactRecord> written, CancellationToken cancellationToken)
    {
        var current = written;
        while (true)
        {
            var suppression = await suppressions.FindVersionedAsync(current.Document.Email, cancellationToken);
            await profiles.WriteSliceAsync(userId, current.Document.ToSlice(suppression is { Document.Lifted: false }), cancellationToken);

            var after = await documents.FindVersionedAsync<ContactRecord>(IngestionStorage.ContactsCollection, userId, cancellationToken);
            if (after is null)
            {
                // Erased meanwhile: the slice just written must not outlive the record.
                await profiles.RemoveSliceAsync(userId, ContactSlice.SliceName, cancellationToken);
                return;
            }

            if (after.Version == current.Version
                && (await suppressions.FindVersionedAsync(after.Document.Email, cancellationToken))?.Version == suppression?.Version)
            {
                return;
            }

            current = after;
        }
    }

    /// <summary>Draws the slice from the stored record again; false (and nothing written) when the user has none.</summary>
    public async Task<bool> RedrawAsync(string userId, CancellationToken cancellationToken)
    {
        if (await documents.FindVersionedAsync<ContactRecord>(IngestionStorage.ContactsCollection, userId, cancellationToken) is not { } stored)
        {
            return false;
        }

        await WriteAsync(userId, stored, cancellationToken);
        return true;
    }
}
