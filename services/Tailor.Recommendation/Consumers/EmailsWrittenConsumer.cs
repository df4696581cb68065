using MassTransit;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Recommendation.Training;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>
/// Records which items each email showed: the next training weighs down those the user then ignored. A campaign's
/// emails come a page per message, recorded in one transaction; a redelivered email is recorded once by its event id
/// (its <see cref="EmailReady.EventId"/>).
/// </summary>
public sealed class EmailsWrittenConsumer(IEventStore events) : IConsumer<EmailsWritten>
{
    public async Task Consume(ConsumeContext<EmailsWritten> context)
    {
        var page = context.Message;
        if (page.Emails is null)
        {
            throw new InvalidMessageException($"{nameof(EmailsWritten)} {page.EventId} has no Emails.");
        }

        var rejected = new List<(Guid EventId, string Problem)>();
        var shown = new List<StoredEvent>(page.Emails.Count);
        foreach (var email in page.Emails)
        {
            if (email is null)
            {
                rejected.Add((page.EventId, "an email is null"));
                continue;
            }

            if (InvalidMessageException.BlankProblem(email.UserId) is { } problem)
            {
                rejected.Add((email.EventId, problem));
                continue;
            }

            // Filed under the email's event, user and time; what is kept of it is only what it showed.
            var items = new ShownItems(
                email.EventId, email.UserId, email.SendAt, [.. (email.ItemIds ?? []).Where(itemId => !string.IsNullOrWhiteSpace(itemId))], email.EmailId);
            shown.Add(StoredEvent.Of(RecommendationStore.ShownStream, email.EventId, email.UserId, email.OccurredAt, items));
        }

        await events.AppendManyAsync(shown, context.CancellationToken);
        InvalidMessageException.ThrowIfAny(nameof(EmailsWritten), rejected);
    }
}
