using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.SendTime.Learning;
using Tailor.Storage;

namespace Tailor.SendTime.Consumers;

/// <summary>
/// Moves a user to the clock their device reports, as an identify call with a <c>timezone</c> trait does (their stored
/// country and cohort stay). A zone this machine does not know is refused rather than taken as the account default.
/// </summary>
public sealed class DeviceTimeZoneObservedConsumer(IEventStore events, SendTimeLearner learner, ILogger<DeviceTimeZoneObservedConsumer> logger)
    : IConsumer<DeviceTimeZoneObserved>
{
    public async Task Consume(ConsumeContext<DeviceTimeZoneObserved> context)
    {
        var observed = context.Message;
        if (TimeZoneResolver.Find(observed.TimeZone) is null)
        {
            // The zone is not quoted: a device's setting of a user's, which the Fault and the log keep no copy of (the
            // message in the _error queue holds it).
            throw new InvalidMessageException($"Message {observed.EventId}: its TimeZone is not a known IANA zone.");
        }

        if (!await events.HandleOnceAsync(SendTimeNames.Stream, observed, MoveAsync, context.CancellationToken))
        {
            Log.Duplicate(logger, nameof(DeviceTimeZoneObserved), observed.EventId);
        }

        async Task MoveAsync(CancellationToken cancellationToken)
        {
            if (await learner.IdentifyAsync(observed.EventId, observed.UserId, observed.TimeZone, country: null, cancellationToken) is { } update)
            {
                await context.Publish(update, cancellationToken);
            }
        }
    }
}

public sealed class DeviceTimeZoneObservedConsumerDefinition : TailorConsumerDefinition<DeviceTimeZoneObservedConsumer>
{
    public DeviceTimeZoneObservedConsumerDefinition() => ConcurrentMessageLimit = 4;
}
