using MassTransit;

namespace Tailor.Messaging.Diagnostics;

/// <summary>
/// Tells the profile cache when the message being consumed was sent, so that a slice written while handling it is
/// measured from there (<c>tailor.profile.event_to_profile.duration</c>) without any consumer passing the time down.
/// </summary>
public sealed class ProfileWriteCauseFilter<T> : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // Set here, in the flow that runs the consumer; the value ends with that flow.
        ProfileWriteCause.Set(context.SentTime is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : null);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("profileWriteCause");
}
