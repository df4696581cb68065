using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>Records email feedback in this service's stream: the outcomes of the emails it wrote.</summary>
public sealed class EmailEngagedConsumer(IEventStore events, ILogger<EmailEngagedConsumer> logger) : IConsumer<EmailEngaged>
{
    public async Task Consume(ConsumeContext<EmailEngaged> context)
    {
        var engagement = context.Message;
        ConsumerRules.RequireUserId(engagement.UserId, nameof(EmailEngaged), engagement.EventId);
        if (!await events.RecordAsync(ContentGenerationNames.Stream, engagement.EventId, engagement.UserId, engagement.OccurredAt, engagement, context.CancellationToken))
        {
            Log.Duplicate(logger, nameof(EmailEngaged), engagement.EventId);
        }
    }
}
