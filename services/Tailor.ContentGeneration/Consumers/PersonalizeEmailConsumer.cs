using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Diagnostics;
using Tailor.ContentGeneration.Frequency;
using Tailor.ContentGeneration.Personalization;
using Tailor.ContentGeneration.Subjects;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>
/// Writes each user's email for a campaign from their profile, or says why there is none, a page of commands
/// (<see cref="PersonalizeEmails"/>) at a time: one duplicate check, one profile read (one Redis round trip), one read of each shared document (subject
/// test, bestsellers), one read of the catalog entries of every item the page's emails may show, one read and one conditional bulk write of the users' send ledgers (the frequency cap), one
/// count per subject test with one insert of the emails' subject records, one publish batch (the emails for senders,
/// the suppressions, and one <see cref="EmailsWritten"/> for Tailor's own services) and one record for the whole batch.
/// </summary>
public sealed class PersonalizeEmailConsumer(
    IEventStore events,
    IProfileCache profiles,
    EmailPersonalizer personalizer,
    FrequencyGuard frequency,
    SubjectBandit subjects,
    ContentGenerationMetrics metrics,
    IOptions<AccountClockOptions> accountClock,
    ILogger<PersonalizeEmailConsumer> logger) : IConsumer<PersonalizeEmails>
{
    public async Task Consume(ConsumeContext<PersonalizeEmails> context)
    {
        var cancellationToken = context.CancellationToken;
        var rejected = new List<(Guid EventId, string Problem)>();
        var page = context.Message.Commands
            ?? throw new InvalidMessageException($"{nameof(PersonalizeEmails)} {context.Message.EventId} has no Commands.");
        var valid = new List<PersonalizeEmail>(page.Count);
        foreach (var command in page)
        {
            if (command is null)
            {
                rejected.Add((context.Message.EventId, "a command is null"));
                continue;
            }

            try
            {
                Validate(command);
                valid.Add(command);
            }
            catch (InvalidMessageException exception)
            {
                rejected.Add((command.EventId, exception.Message));
            }
        }

        var commands = await events.UnhandledAsync(ContentGenerationNames.Stream, valid, command => command.EventId, cancellationToken);
        if (commands.Count < valid.Count)
        {
            Log.Duplicates(logger, nameof(PersonalizeEmail), valid.Count - commands.Count);
        }

        if (commands.Count > 0)
        {
            await WriteEmailsAsync(context, commands, cancellationToken);

            // The emails and suppressions are published before the commands are recorded: a profile read or publish that
            // fails is retried (the whole batch) instead of leaving a user with neither. Both carry ids derived from
            // (campaign, user), and the ledger and subject test recognise an email they already counted, so a repeat
            // after a crash between publish and record counts nothing twice and is recognisable downstream.
            await events.RecordManyAsync(ContentGenerationNames.Stream, commands, cancellationToken);
        }

        InvalidMessageException.ThrowIfAny(nameof(PersonalizeEmail), rejected);
    }

    private async Task WriteEmailsAsync(IPublishEndpoint publisher, IReadOnlyList<PersonalizeEmail> commands, CancellationToken cancellationToken)
    {
        var userProfiles = await profiles.ReadManyAsync([.. commands.Select(command => command.UserId)], EmailPersonalizer.Slices, cancellationToken);
        var shared = await personalizer.StartBatchAsync(commands, userProfiles, cancellationToken);
        var activities = new Activity?[commands.Count];
        try
        {
            // Each in an async method of its own, so each email's span is the current one only inside its own work.
            async Task<PersonalizationResult> PersonalizeAsync(int index)
            {
                activities[index] = StartActivity(commands[index]);
                return await personalizer.PersonalizeAsync(commands[index], userProfiles[index], shared, cancellationToken);
            }

            var personalized = await Task.WhenAll(Enumerable.Range(0, commands.Count).Select(PersonalizeAsync));
            var clocks = userProfiles.Select(profile => UserClock.Of(profile, accountClock.Value.AccountTimeZone)).ToList();
            var written = await ApplyFrequencyCapAsync(commands, personalized, clocks, activities, cancellationToken);
            await PublishAsync(publisher, commands, written, cancellationToken);
        }
        finally
        {
            foreach (var activity in activities)
            {
                activity?.Dispose();
            }
        }
    }

    private async Task PublishAsync(
        IPublishEndpoint publisher, IReadOnlyList<PersonalizeEmail> commands, IReadOnlyList<(PersonalizationResult Result, bool AdmittedBefore)> written, CancellationToken cancellationToken)
    {
        var results = written.Select(entry => entry.Result).ToList();

        // Counted as shown before they are published, once per email: a retry after a failed publish counts nothing twice.
        await subjects.RecordShownAsync(
            [.. written.Where(entry => entry.Result.Email is not null && entry.Result.Subject is not null)
                .Select(entry => new ShownSubject(entry.Result.Email!.CampaignId, entry.Result.Subject!, entry.Result.Email.EmailId, entry.AdmittedBefore))],
            cancellationToken);

        var emails = results.Select(result => result.Email).OfType<EmailReady>().ToList();
        var suppressions = results.Select(result => result.Suppression).OfType<EmailSuppressed>().ToList();
        await Task.WhenAll(
            publisher.PublishBatch(emails, cancellationToken),
            publisher.PublishBatch(suppressions, cancellationToken),
            emails.Count == 0 ? Task.CompletedTask : publisher.Publish(Written(commands[0].CampaignId, emails), cancellationToken));

        foreach (var (command, result) in commands.Zip(results))
        {
            if (result.Email is { } email)
            {
                metrics.Composed(email.Generator, command.CampaignId);
                metrics.CampaignToEmail(email.OccurredAt - (command.CampaignRequestedAt ?? command.OccurredAt));
                Log.Composed(logger, email.EmailId, command.CampaignId, command.UserId, email.Generator, email.ItemIds.Count);
            }
            else if (result.Suppression is { } suppression)
            {
                metrics.Suppressed(suppression.Reason);
                Log.Suppressed(logger, command.CampaignId, command.UserId, suppression.Reason);
            }
        }
    }

    /// <summary>
    /// The page's record for Tailor's own services, its id derived from the emails' ids: a page written again (a retry,
    /// or a copy on another replica) publishes the same record.
    /// </summary>
    private static EmailsWritten Written(string campaignId, IReadOnlyList<EmailReady> emails) =>
        new(
            StableIds.From("tailor.contentgeneration.emails-written", [.. emails.Select(email => email.EventId.ToString("D"))]),
            emails[0].OccurredAt,
            campaignId,
            [.. emails.Select(WrittenEmailRecord.Of)]);

    private static Activity? StartActivity(PersonalizeEmail command)
    {
        var activity = ContentGenerationTelemetry.Source.StartActivity("contentgeneration personalize", ActivityKind.Internal);
        activity?.SetTag(ContentGenerationTelemetry.CampaignTag, command.CampaignId);
        return activity;
    }

    // The ledger is written before EmailReady is published (inside the guard), not after: a publish that fails is
    // retried, finds the email in the ledger and publishes the same email without counting it again, whereas an email
    // published first and counted second could go out uncounted, or be followed by a suppression if another campaign
    // took the place in between. What a command that never succeeds leaves behind is a counted email that was never
    // sent, which errs towards fewer emails, the side a frequency cap is for. Every ledger of the batch is decided in
    // one read and one conditional bulk write.
    /// <returns>
    /// Per command, the outcome, and whether the email may have been counted as shown already: an earlier attempt or a
    /// copy let it through before (or the ledger would not remember if one had).
    /// </returns>
    private async Task<IReadOnlyList<(PersonalizationResult Result, bool AdmittedBefore)>> ApplyFrequencyCapAsync(
        IReadOnlyList<PersonalizeEmail> commands,
        IReadOnlyList<PersonalizationResult> personalized,
        IReadOnlyList<TimeZoneInfo?> clocks,
        IReadOnlyList<Activity?> activities,
        CancellationToken cancellationToken)
    {
        var candidates = Enumerable.Range(0, commands.Count).Where(index => personalized[index].Email is not null).ToList();
        var decisions = await frequency.AdmitManyAsync(
            [.. candidates.Select(index => new EmailToAdmit(personalized[index].Email!, commands[index].CampaignType, clocks[index]))], cancellationToken);
        var results = personalized.Select(result => (Result: result, AdmittedBefore: false)).ToArray();
        foreach (var (index, decision) in candidates.Zip(decisions))
        {
            var (command, email, activity) = (commands[index], personalized[index].Email!, activities[index]);
            results[index] = (Decided(command, email, decision, activity) with { Subject = personalized[index].Subject }, AdmittedBefore(email, decision));
        }

        foreach (var (index, (result, _)) in results.Index())
        {
            activities[index]?.SetTag(ContentGenerationTelemetry.GeneratorTag, result.Email?.Generator);
            activities[index]?.SetTag(ContentGenerationTelemetry.ReasonTag, result.Suppression?.Reason);
        }

        return results;
    }

    private bool AdmittedBefore(EmailReady email, FrequencyDecision decision) =>
        decision.Admitted ? decision.IsRepeat || !frequency.Remembers(email.SendAt) : decision.IsRepeat;

    private PersonalizationResult Decided(PersonalizeEmail command, EmailReady email, FrequencyDecision decision, Activity? activity)
    {
        activity?.SetTag(ContentGenerationTelemetry.CampaignTypeTag, decision.CapType);
        activity?.SetTag(ContentGenerationTelemetry.FatigueStateTag, ContentGenerationTelemetry.FatigueStateName(decision.State));
        if (decision.IsRepeat)
        {
            Log.AlreadyAdmitted(logger, email.EmailId, email.UserId);
        }
        else
        {
            metrics.Assessed(decision.State, decision.CapType);
        }

        if (decision.SuppressionReason is not { } reason)
        {
            return PersonalizationResult.Ready(email);
        }

        Log.HeldBack(
            logger, email.EmailId, email.UserId, reason, decision.SendsInWindow, decision.CapType, decision.EffectiveCap, decision.Cap, decision.State, decision.Fatigue.Score);
        return PersonalizationResult.Suppressed(new EmailSuppressed(
            MessageIds.EmailSuppressed(command.CampaignId, command.UserId), command.UserId, email.OccurredAt, command.CampaignId, reason));
    }

    private static void Validate(PersonalizeEmail command)
    {
        InvalidMessageException.ThrowIfBlank(command.UserId, command.EventId);
        if (string.IsNullOrWhiteSpace(command.CampaignId))
        {
            throw new InvalidMessageException($"{nameof(PersonalizeEmail)} {command.EventId} has no CampaignId.");
        }

        CampaignMessageChecks.RequireWindow(command.SendWindowStart, command.SendWindowEnd, nameof(PersonalizeEmail), command.EventId);
        CampaignMessageChecks.RequireCampaignType(command.CampaignType, nameof(PersonalizeEmail), command.EventId);
        CampaignMessageChecks.RequireSections(command.Sections, nameof(PersonalizeEmail), command.EventId);
    }
}
