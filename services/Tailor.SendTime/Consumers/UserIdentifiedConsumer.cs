using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.SendTime.Learning;
using Tailor.Storage;

namespace Tailor.SendTime.Consumers;

/// <summary>A user's time zone and country: which clock their hours are counted on, and which cohort they borrow from.</summary>
public sealed class UserIdentifiedConsumer(IEventStore events, SendTimeLearner learner, ILogger<UserIdentifiedConsumer> logger) : IConsumer<UserIdentified>
{
    public async Task Consume(ConsumeContext<UserIdentified> context)
    {
        var identified = context.Message;
        if (!await events.HandleOnceAsync(SendTimeNames.Stream, identified, IdentifyAsync, context.CancellationToken))
        {
            Log.Duplicate(logger, nameof(UserIdentified), identified.EventId);
        }

        async Task IdentifyAsync(CancellationToken cancellationToken)
        {
            if (identified.TimeZone is null && identified.Country is null)
            {
                return;
            }

            if (await learner.IdentifyAsync(identified.EventId, identified.UserId, identified.TimeZone, identified.Country, cancellationToken) is { } update)
            {
                await context.Publish(update, cancellationToken);
            }
        }
    }
}
