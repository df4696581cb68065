using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.ContentGeneration.Frequency;
using Tailor.ContentGeneration.Subjects;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>
/// Records email feedback in this service's stream (the outcomes of the emails it wrote), and notes human opens and
/// clicks in the subject bandit (which learns from them at once) and in the user's send ledger, where they reset the
/// fatigue score.
/// </summary>
public sealed class EmailEngagedConsumer(IEventStore events, FrequencyGuard frequency, SubjectBandit subjects, ILogger<EmailEngagedConsumer> logger) : IConsumer<EmailEngaged>
{
    public async Task Consume(ConsumeContext<EmailEngaged> context)
    {
        var engagement = context.Message;
        // The ledger is updated before the event is recorded, so a failure in between is retried rather than lost;
        // noting the same engagement twice keeps the later time, which changes nothing.
        if (!await events.HandleOnceAsync(ContentGenerationNames.Stream, engagement, token => NoteAsync(engagement, token), context.CancellationToken))
        {
            Log.Duplicate(logger, nameof(EmailEngaged), engagement.EventId);
        }
    }

    // Machine opens (privacy proxies, scanners) say nothing about the reader; bounces and unsubscribes are handled by
    // consent and the suppression list, not by fatigue.
    // The subject bandit learns at once, before anything slower in the loop.
    private async Task NoteAsync(EmailEngaged engagement, CancellationToken cancellationToken)
    {
        if (engagement.Kind is EngagementKind.Open or EngagementKind.Click && !engagement.IsMachineOpen)
        {
            await subjects.ObserveAsync(engagement, cancellationToken);
            await frequency.RecordEngagementAsync(engagement.UserId, engagement.OccurredAt, cancellationToken);
        }
    }
}
