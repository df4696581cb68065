using System.Runtime.Serialization;
using MassTransit;
using MassTransit.Context;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;

namespace Tailor.Messaging.Rules;

/// <summary>
/// Holds every message a consumer's endpoint receives to <see cref="MessageRules"/>, before the consumer sees it: one
/// that breaks them throws <see cref="InvalidMessageException"/>, which <see cref="ConsumerRetry"/> does not retry, so it
/// ends in the consumer's <c>_error</c> queue with a <c>Fault</c> naming each problem, having changed nothing. A stop
/// dated outside the accepted range goes on dated now (<see cref="MessageRules.StopReadAsArrived"/>), and an identify
/// withdrawing consent goes on without the contact details that break the rules (<see cref="MessageRules.StopWithoutBrokenDetails"/>).
/// <see cref="TailorConsumerDefinition{TConsumer}"/> puts it on every consumer's endpoint.
/// </summary>
/// <remarks>
/// It sits in the endpoint's pipe for every received message, ahead of the pipes per message type, because on a batch
/// consumer's endpoint MassTransit runs typed consume filters on the <see cref="Batch{T}"/>: here a refused message
/// faults alone, before it joins a batch, and the rest of the batch is handled as if it had never come.
/// </remarks>
public sealed class MessageRulesFilter(
    IOptions<EventTimeOptions> options,
    IOptions<PropertyCountOptions> propertyCounts,
    TimeProvider time,
    ILogger<MessageRulesFilter> logger) : IFilter<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var times = EventTimeRange.From(options.Value, time.GetUtcNow());
        // The contracts MessageRules knows, the busiest first; any other message goes on as it is.
        return TryCheck<UserActivityTracked>(context, next, times)
            ?? TryCheck<EmailEngaged>(context, next, times)
            ?? TryCheck<UserIdentified>(context, next, times)
            ?? TryCheck<UserGrouped>(context, next, times)
            ?? TryCheck<DeviceTimeZoneObserved>(context, next, times)
            ?? TryCheck<CatalogItemUpserted>(context, next, times)
            ?? TryCheck<CampaignRequested>(context, next, times)
            ?? TryCheck<UserErased>(context, next, times)
            ?? TryCheck<UserInterestsUpdated>(context, next, times)
            ?? TryCheck<ItemEmbedded>(context, next, times)
            ?? TryCheck<UserTopicsUpdated>(context, next, times)
            ?? TryCheck<RecommenderTrained>(context, next, times)
            ?? next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("messageRules");

    /// <returns>The check of the message as a <typeparamref name="T"/>; null when it is not one.</returns>
    private Task? TryCheck<T>(ConsumeContext context, IPipe<ConsumeContext> next, EventTimeRange times)
        where T : class =>
        context.TryGetMessage<T>(out var message) ? CheckAsync(message, next, times) : null;

    private async Task CheckAsync<T>(ConsumeContext<T> context, IPipe<ConsumeContext> next, EventTimeRange times)
        where T : class
    {
        if (MessageRules.Problem(context.Message, times, propertyCounts.Value.MaxPropertiesPerCall) is { } problem)
        {
            // Notified as a consumer's failure is, so the Fault published is a Fault<T> carrying the message (outside
            // a consumer, MassTransit would publish only a ReceiveFault), as for any other message its consumer refused.
            var refused = InvalidMessageException.Of(typeof(T).Name, [(MessageRules.EventIdOf(context.Message), problem)])!;
            try
            {
                await context.NotifyFaulted(context.ReceiveContext.ElapsedTime, nameof(MessageRules), refused);
            }
            catch (SerializationException exception)
            {
                // A message holding what JSON cannot write (a quantity of 1e400 reads as infinity) cannot travel in a
                // Fault<T>; it still goes to the error queue, whose headers say why, with a ReceiveFault.
                Log.FaultNotPublished(logger, exception, typeof(T).Name, MessageRules.EventIdOf(context.Message));
            }

            throw refused;
        }

        var read = context.Message;
        if (context.Message is IUserEvent stop && MessageRules.StopReadAsArrived(read, times) is { } retimed)
        {
            Log.StopReadAsArrived(logger, stop.EventId, typeof(T).Name, stop.OccurredAt, ((IUserEvent)retimed).OccurredAt);
            read = retimed;
        }

        if (read is UserIdentified identified
            && MessageRules.StopWithoutBrokenDetails(identified, times, propertyCounts.Value.MaxPropertiesPerCall) is { } cleaned)
        {
            Log.StopDetailsLeftOut(logger, identified.EventId, string.Join(" ", cleaned.LeftOut));
            read = (T)(object)cleaned.Kept;
        }

        if (!ReferenceEquals(read, context.Message))
        {
            await next.Send(new MessageConsumeContext<T>(context, read));
            return;
        }

        await next.Send(context);
    }
}
