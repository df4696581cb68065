using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.ContentGeneration.Diagnostics;
using Tailor.ContentGeneration.Frequency;
using Tailor.ContentGeneration.Personalization;
using Tailor.ContentGeneration.Subjects;
using Tailor.Contracts;
using Tailor.Profiles;
using Tailor.Storage;
using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>Writes one user's email for one campaign from their profile, or says why there is none.</summary>
public sealed class PersonalizeEmailConsumer(
    IEventStore events,
    IProfileCache profiles,
    EmailPersonalizer personalizer,
    FrequencyGuard frequency,
    SubjectBandit subjects,
    ContentGenerationMetrics metrics,
    ILogger<PersonalizeEmailConsumer> logger) : IConsumer<PersonalizeEmail>
{
    public async Task Consume(ConsumeContext<PersonalizeEmail> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        Validate(command);
        // The email or suppression is published before the command is recorded: a profile read or publish that fails is
        // retried instead of leaving the user with neither. Both carry ids derived from (campaign, user), so a repeat after
        // a crash between publish and record is recognisable downstream.
        if (!await events.HandleOnceAsync(ContentGenerationNames.Stream, command.EventId, command.UserId, command.OccurredAt, command, token => WriteEmailAsync(context, token), cancellationToken))
        {
            Log.Duplicate(logger, nameof(PersonalizeEmail), command.EventId);
        }
    }

    private async Task WriteEmailAsync(ConsumeContext<PersonalizeEmail> context, CancellationToken cancellationToken)
    {
        var command = context.Message;
        using var activity = ContentGenerationTelemetry.Source.StartActivity("contentgeneration personalize", ActivityKind.Internal);
        activity?.SetTag(ContentGenerationTelemetry.CampaignTag, command.CampaignId);
        var profile = await profiles.ReadAsync(command.UserId, cancellationToken);
        var result = await personalizer.PersonalizeAsync(command, profile, cancellationToken);
        if (result.Email is { } candidate)
        {
            result = await ApplyFrequencyCapAsync(command, candidate, activity, cancellationToken) with { Subject = result.Subject };
        }

        if (result.Email is { } email)
        {
            activity?.SetTag(ContentGenerationTelemetry.GeneratorTag, email.Generator);
            // Counted as shown before it is published, once per email: a retry after a failed publish counts nothing twice.
            if (result.Subject is { } subject)
            {
                await subjects.RecordShownAsync(command.CampaignId, subject, email.EmailId, cancellationToken);
            }

            await context.Publish(email, cancellationToken);
            metrics.Composed(email.Generator);
            metrics.CampaignToEmail(email.OccurredAt - (command.CampaignRequestedAt ?? command.OccurredAt));
            Log.Composed(logger, email.EmailId, command.CampaignId, command.UserId, email.Generator, email.ItemIds.Count);
        }
        else if (result.Suppression is { } suppression)
        {
            activity?.SetTag(ContentGenerationTelemetry.ReasonTag, suppression.Reason);
            await context.Publish(suppression, cancellationToken);
            metrics.Suppressed(suppression.Reason);
            Log.Suppressed(logger, command.CampaignId, command.UserId, suppression.Reason);
        }
    }

    // The ledger is written before EmailReady is published (inside the guard), not after: a publish that fails is
    // retried, finds the email in the ledger and publishes the same email without counting it again, whereas an email
    // published first and counted second could go out uncounted, or be followed by a suppression if another campaign
    // took the place in between. What a command that never succeeds leaves behind is a counted email that was never
    // sent, which errs towards fewer emails, the side a frequency cap is for.
    private async Task<PersonalizationResult> ApplyFrequencyCapAsync(
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
            return PersonalizationResult.Ready(email);
        }

        Log.HeldBack(
            logger, email.EmailId, email.UserId, reason, decision.SendsInWindow, decision.CapType, decision.EffectiveCap, decision.Cap, decision.State, decision.Fatigue.Score);
        return PersonalizationResult.Suppressed(new EmailSuppressed(
            MessageIds.EmailSuppressed(command.CampaignId, command.UserId), command.UserId, email.OccurredAt, command.CampaignId, reason));
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
