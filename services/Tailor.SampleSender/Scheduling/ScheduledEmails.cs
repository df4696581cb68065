using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.SampleSender.Scheduling;

/// <summary>
/// Emails parked until they come due, in the document store (so a restart loses none), and handing them back to the
/// sender's queue when they do.
/// </summary>
public sealed class ScheduledEmails(IDocumentStore documents, IBus bus)
{
    public Task ParkAsync(ScheduledEmail scheduled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        return documents.PutAsync(SampleSenderNames.ScheduledCollection, Key(scheduled.Email), scheduled, cancellationToken);
    }

    public Task<ScheduledEmail?> FindAsync(Guid emailId, CancellationToken cancellationToken) =>
        documents.FindAsync<ScheduledEmail>(SampleSenderNames.ScheduledCollection, emailId.ToString("D"), cancellationToken);

    /// <summary>
    /// Sends every parked email whose hand-over time has come back to the queue, then forgets it; returns how many.
    /// Sent before forgotten: a crash in between sends it twice, and the consumer sends one of the copies. With several
    /// replicas, each one's dispatcher may hand the same email over; the same holds, as delivery claims each email once.
    /// </summary>
    public async Task<int> HandOverDueAsync(DateTimeOffset now, TimeSpan maxHold, CancellationToken cancellationToken)
    {
        var due = new List<ScheduledEmail>();
        // A full scan: fine for a sample's thousands of parked emails; a team with millions would index DueAt.
        await foreach (var (_, scheduled) in documents.ListAsync<ScheduledEmail>(SampleSenderNames.ScheduledCollection, cancellationToken))
        {
            if (scheduled.HandOverAt(maxHold) <= now)
            {
                due.Add(scheduled);
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var queue = await bus.GetSendEndpoint(new Uri($"queue:{SampleSenderNames.Queue}"));
        foreach (var scheduled in due.OrderBy(scheduled => scheduled.DueAt))
        {
            await queue.Send<EmailReady>(
                scheduled.Email,
                context => context.Headers.Set(SampleSenderNames.OutageAttemptsHeader, scheduled.OutageAttempts),
                cancellationToken);
            await documents.DeleteAsync(SampleSenderNames.ScheduledCollection, Key(scheduled.Email), cancellationToken);
        }

        return due.Count;
    }

    /// <summary>Erasure: forgets the user's parked emails, which would otherwise still go out; returns how many.</summary>
    public async Task<int> ForgetUserAsync(string userId, CancellationToken cancellationToken)
    {
        var theirs = await documents.ListAsync<ScheduledEmail>(SampleSenderNames.ScheduledCollection, cancellationToken)
            .Where(parked => parked.Value.Email.UserId == userId)
            .Select(parked => parked.Key)
            .ToListAsync(cancellationToken);
        foreach (var emailId in theirs)
        {
            await documents.DeleteAsync(SampleSenderNames.ScheduledCollection, emailId, cancellationToken);
        }

        return theirs.Count;
    }

    private static string Key(EmailReady email) => email.EmailId.ToString("D");
}
