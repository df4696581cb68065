using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Embedding.Interests;
using Tailor.Embedding.Vectors;
using Tailor.Messaging;
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
        if (!await events.HandleOnceAsync(EmbeddingNames.Stream, engagement, token => LearnFromClickAsync(context, token), cancellationToken))
        {
            Log.Duplicate(logger, nameof(EmailEngaged), engagement.EventId);
        }
    }

    private async Task LearnFromClickAsync(ConsumeContext<EmailEngaged> context, CancellationToken cancellationToken)
    {
        var engagement = context.Message;
        var clickedItemId = IsItemClickByPerson(engagement) ? engagement.ItemId : null;
        if (clickedItemId is null)
        {
            return;
        }

        var clicked = await items.FindAsync(clickedItemId, cancellationToken);
        if (clicked is null)
        {
            Log.ClickedItemWithoutVector(logger, engagement.EventId, clickedItemId);
            return;
        }

        // The click's event id goes into the user's state with it, so a retry after the state was written, or a copy of
        // the event another replica takes at once, does not fold the click in twice; the update gets an id of its own
        // per click, so whichever copy publishes it publishes one update.
        var evidence = new InterestEvidence(engagement.OccurredAt, clicked.Vector, EvidenceWeights.View, engagement.EventId);
        var updateId = StableIds.For(engagement.EventId, nameof(UserInterestsUpdated));
        var update = await interests.AddAsync(engagement.UserId, updateId, [evidence], cancellationToken);
        await context.Publish(update, cancellationToken);
    }

    // Clicks flagged as machine-made (link scanners, privacy proxies) say nothing about the person.
    private static bool IsItemClickByPerson(EmailEngaged engagement) =>
        engagement.Kind == EngagementKind.Click && !engagement.IsMachineOpen && !string.IsNullOrWhiteSpace(engagement.ItemId);
}
