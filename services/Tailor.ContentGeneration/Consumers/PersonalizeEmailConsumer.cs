using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
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
/// Writes each user's email for a campaign from their profile, or says why there is none, a batch of commands at a
/// time: one duplicate check, one profile read (one Redis round trip), one read of each shared document (subject
/// test, bestsellers), one count per subject test, one publish batch and one record for the whole batch. What stays
/// per email is per user by nature: the frequency cap's conditional write of that user's ledger, run for all the
/// batch's users at once, and the email's own subject record.
/// </summary>
public sealed class PersonalizeEmailConsumer(
    IEventStore events,
    IProfileCache profiles,
    EmailPersonalizer personalizer,
    FrequencyGuard frequency,
    SubjectBandit subjects,
    ContentGenerationMetrics metrics,
    ILogger<PersonalizeEmailConsumer> logger) : IConsumer<Batch<PersonalizeEmail>>
{
    public async Task Consume(ConsumeContext<Batch<PersonalizeEmail>> context)
    {
        var cancellationToken = context.CancellationToken;
        var rejected = new List<(Guid EventId, string Problem)>();
        var valid = new List<PersonalizeEmail>(context.Message.Length);
        foreach (var command in context.Message.Select(entry => entry.Message))
        {
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
            await events.RecordManyAsync(ContentGenerationNames.Stream, commands, command => (command.EventId, command.UserId, command.OccurredAt), cancellationToken);
        }

        InvalidMessageException.ThrowIfAny(nameof(PersonalizeEmail), rejected);
    }

    private async Task WriteEmailsAsync(IPublishEndpoint publisher, IReadOnlyList<PersonalizeEmail> commands, CancellationToken cancellationToken)
    {
        var userProfiles = await profiles.ReadManyAsync([.. commands.Select(command => command.UserId)], cancellationToken);
        var shared = personalizer.StartBatch();

        // Every user of the batch at once: each decision is a conditional write of that user's own ledger, so they do
        // not wait on each other (two commands of one user in a batch simply retry one of the writes).
        var written = await Task.WhenAll(commands.Select((command, index) => WriteEmailAsync(command, userProfiles[index], shared, cancellationToken)));
        var results = written.Select(entry => entry.Result).ToList();

        // Counted as shown before they are published, once per email: a retry after a failed publish counts nothing twice.
        await subjects.RecordShownAsync(
            [.. written.Where(entry => entry.Result.Email is not null && entry.Result.Subject is not null)
                .Select(entry => new ShownSubject(entry.Result.Email!.CampaignId, entry.Result.Subject!, entry.Result.Email.EmailId, entry.AdmittedBefore))],
            cancellationToken);

        var emails = results.Select(result => result.Email).OfType<EmailReady>().ToList();
        var suppressions = results.Select(result => result.Suppression).OfType<EmailSuppressed>().ToList();
        await Task.WhenAll(publisher.PublishBatch(emails, cancellationToken), publisher.PublishBatch(suppressions, cancellationToken));

        foreach (var (command, result) in commands.Zip(results))
        {
            if (result.Email is { } email)
            {
                metrics.Composed(email.Generator);
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

    /// <returns>
    /// The outcome, and whether the email may have been counted as shown already: an earlier attempt or a copy let it
    /// through before (or the ledger would not remember if one had).
    /// </returns>
    private async Task<(PersonalizationResult Result, bool AdmittedBefore)> WriteEmailAsync(
        PersonalizeEmail command, UserProfile? profile, PersonalizationReads shared, CancellationToken cancellationToken)
    {
        using var activity = ContentGenerationTelemetry.Source.StartActivity("contentgeneration personalize", ActivityKind.Internal);
        activity?.SetTag(ContentGenerationTelemetry.CampaignTag, command.CampaignId);
        var result = await personalizer.PersonalizeAsync(command, profile, shared, cancellationToken);
        var admittedBefore = false;
        if (result.Email is { } candidate)
        {
            (var capped, admittedBefore) = await ApplyFrequencyCapAsync(command, candidate, activity, cancellationToken);
            result = capped with { Subject = result.Subject };
        }

        activity?.SetTag(ContentGenerationTelemetry.GeneratorTag, result.Email?.Generator);
        activity?.SetTag(ContentGenerationTelemetry.ReasonTag, result.Suppression?.Reason);
        return (result, admittedBefore);
    }

    // The ledger is written before EmailReady is published (inside the guard), not after: a publish that fails is
    // retried, finds the email in the ledger and publishes the same email without counting it again, whereas an email
    // published first and counted second could go out uncounted, or be followed by a suppression if another campaign
    // took the place in between. What a command that never succeeds leaves behind is a counted email that was never
    // sent, which errs towards fewer emails, the side a frequency cap is for.
    private async Task<(PersonalizationResult Result, bool AdmittedBefore)> ApplyFrequencyCapAsync(
        PersonalizeEmail command, EmailReady email, Activity? activity, CancellationToken cancellationToken)
    {
        var decision = await frequency.AdmitAsync(email, command.CampaignType, cancellationToken);
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
            return (PersonalizationResult.Ready(email), decision.IsRepeat || !frequency.Remembers(email.SendAt));
        }

        Log.HeldBack(
            logger, email.EmailId, email.UserId, reason, decision.SendsInWindow, decision.CapType, decision.EffectiveCap, decision.Cap, decision.State, decision.Fatigue.Score);
        return (PersonalizationResult.Suppressed(new EmailSuppressed(
            MessageIds.EmailSuppressed(command.CampaignId, command.UserId), command.UserId, email.OccurredAt, command.CampaignId, reason)), decision.IsRepeat);
    }

    private static void Validate(PersonalizeEmail command)
    {
        ConsumerRules.RequireUserId(command.UserId, nameof(PersonalizeEmail), command.EventId);
        if (string.IsNullOrWhiteSpace(command.CampaignId))
        {
            throw new InvalidMessageException($"{nameof(PersonalizeEmail)} {command.EventId} has no CampaignId.");
        }

        ConsumerRules.RequireWindow(command.SendWindowStart, command.SendWindowEnd, nameof(PersonalizeEmail), command.EventId);
        ConsumerRules.RequireCampaignType(command.CampaignType, nameof(PersonalizeEmail), command.EventId);
        ConsumerRules.RequireSections(command.Sections, nameof(PersonalizeEmail), command.EventId);
    }
}
