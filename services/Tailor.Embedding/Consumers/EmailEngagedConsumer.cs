using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Embedding.Interests;
using Tailor.Embedding.Vectors;
using Tailor.Storage;

namespace Tailor.Embedding.Consumers;

/// <summary>Records email feedback; a person's click on an item in an email counts towards their interests like a view.</summary>
public sealed class EmailEngagedConsumer(
    ItemVectorStore items,
    IEventStore events,
    UserInterests interests,
    ILogger<EmailEngagedConsumer> logger) : IConsumer<EmailEngaged>
{
    public async Task Consume(ConsumeContext<EmailEngaged> context)
    {
        var engagement = context.Message;
        var cancellationToken = context.CancellationToken;
        if (string.IsNullOrWhiteSpace(engagement.UserId))
        {
            throw new InvalidMessageException($"{nameof(EmailEngaged)} {engagement.EventId} has no UserId.");
        }

        var clickedItemId = IsItemClickByPerson(engagement) ? engagement.ItemId : null;
        var clicked = clickedItemId is null ? null : await items.FindAsync(clickedItemId, cancellationToken);

        if (!await events.RecordAsync(EmbeddingNames.Stream, engagement.EventId, engagement.UserId, engagement.OccurredAt, engagement, cancellationToken))
        {
            Log.Duplicate(logger, nameof(EmailEngaged), engagement.EventId);
            return;
        }

        if (clickedItemId is null)
        {
            return;
        }

        if (clicked is null)
        {
            Log.ClickedItemWithoutVector(logger, engagement.EventId, clickedItemId);
            return;
        }

        var evidence = new InterestEvidence(engagement.OccurredAt, clicked.Vector, EvidenceWeights.View);
        var update = await interests.AddAsync(engagement.UserId, [evidence], cancellationToken);
        await context.Publish(update, cancellationToken);
    }

    // Clicks flagged as machine-made (link scanners, privacy proxies) say nothing about the person.
    private static bool IsItemClickByPerson(EmailEngaged engagement) =>
        engagement.Kind == EngagementKind.Click && !engagement.IsMachineOpen && !string.IsNullOrWhiteSpace(engagement.ItemId);
}
