using System.Runtime.CompilerServices;
using System.Text.Json;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Contacts;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.Ingestion.Users;

/// <summary>What Tailor holds about one user (the right of access): contact and consent, suppression, profile, events.</summary>
internal sealed class UserExport(IEventStore events, IDocumentStore documents, IProfileCache profiles, SuppressionList suppressions)
{
    /// <returns>Null when Tailor holds nothing about the user.</returns>
    public async Task<UserExportDocument?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var contact = await documents.FindAsync<ContactRecord>(IngestionStorage.ContactsCollection, userId, cancellationToken);
        var profile = await profiles.ReadAsync(userId, cancellationToken);
        var query = new EventQuery(IngestionStorage.EventStream) { UserId = userId };
        var anyEvent = await events.ReadAsync(query with { Limit = 1 }, cancellationToken).AnyAsync(cancellationToken);
        if (contact is null && profile is null && !anyEvent)
        {
            return null;
        }

        return new UserExportDocument(
            userId,
            contact,
            await suppressions.IsSuppressedAsync(contact?.Email, cancellationToken),
            profile,
            EventsAsync(query, cancellationToken));
    }

    // Streamed to the response as it is read: a long-standing user's history is never held in memory whole.
    private async IAsyncEnumerable<ExportedEvent> EventsAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var stored in events.ReadAsync(query, cancellationToken))
        {
            using var payload = JsonDocument.Parse(stored.Payload);
            yield return new ExportedEvent(stored.EventId, stored.Type, stored.OccurredAt, payload.RootElement.Clone());
        }
    }
}

internal sealed record UserExportDocument(
    string UserId, ContactRecord? Contact, bool Suppressed, UserProfile? Profile, IAsyncEnumerable<ExportedEvent> Events);

internal sealed record ExportedEvent(Guid EventId, string Type, DateTimeOffset OccurredAt, JsonElement Payload);
