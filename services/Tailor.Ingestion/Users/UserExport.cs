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

        var suppression = await suppressions.FindAsync(contact?.Email, cancellationToken);
        return new UserExportDocument(
            userId,
            contact,
            suppression is { Lifted: false },
            suppression is null ? null : new ExportedSuppression(suppression.Reason.ToString(), suppression.Source, suppression.At, suppression.Lifted),
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

/// <param name="Suppression">The user's address's entry on the suppression list, lifted or not; null when it was never on it.</param>
internal sealed record UserExportDocument(
    string UserId, ContactRecord? Contact, bool Suppressed, ExportedSuppression? Suppression, UserProfile? Profile, IAsyncEnumerable<ExportedEvent> Events);

/// <param name="Reason">What suppressed the address: <c>Unsubscribe</c>, <c>Complaint</c> or <c>HardBounce</c>.</param>
/// <param name="Source">The provider's report behind it, such as <c>sendgrid:dropped:Bounced Address</c>; null when none was named.</param>
/// <param name="At">When it was suppressed, or lifted when <paramref name="Lifted"/>.</param>
internal sealed record ExportedSuppression(string Reason, string? Source, DateTimeOffset At, bool Lifted);

internal sealed record ExportedEvent(Guid EventId, string Type, DateTimeOffset OccurredAt, JsonElement Payload);
