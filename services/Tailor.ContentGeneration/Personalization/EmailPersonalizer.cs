using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Composition;
using Tailor.ContentGeneration.Generation;
using Tailor.Contracts;
using Tailor.Profiles;

namespace Tailor.ContentGeneration.Personalization;

/// <summary>
/// Decides whether a user gets this campaign's email and, if so, writes it from their profile: consent first,
/// then an address, then something to show, then a send time inside the campaign's window and outside the user's quiet
/// hours, placed by <see cref="SendTimePlanner"/> from the user's SendTime slice.
/// </summary>
public sealed class EmailPersonalizer(
    EmailWriter writer,
    EmailLinks links,
    EmailEnvelope envelope,
    IOptions<ContentGenerationOptions> options,
    IOptions<SendScheduleOptions> schedule,
    TimeProvider clock)
{
    public async Task<PersonalizationResult> PersonalizeAsync(PersonalizeEmail command, UserProfile? profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (profile?.Contact is { Suppressed: true })
        {
            return Suppress(command, SuppressionReasons.Suppressed);
        }

        if (profile?.Contact is not { EmailConsent: true } contact)
        {
            return Suppress(command, SuppressionReasons.NoConsent);
        }

        if (!IsUsableAddress(contact.Email))
        {
            return Suppress(command, SuppressionReasons.NoAddress);
        }

        var items = EmailItems.Choose(profile.Recommendations?.Items ?? [], command.Sections, options.Value.MaxItems);
        if (items.Count == 0)
        {
            return Suppress(command, SuppressionReasons.NoContent);
        }

        var emailId = MessageIds.Email(command.CampaignId, command.UserId);
        // Seeded by the email id, so a retried command explores the same way and places the same send.
        if (SendTimePlanner.Plan(profile.SendTime, command.SendWindowStart, command.SendWindowEnd, schedule.Value.Schedule, emailId.GetHashCode()) is not { } sendAt)
        {
            return Suppress(command, SuppressionReasons.QuietHours);
        }

        var written = await writer.WriteAsync(
            command.CampaignId, new EmailFacts(emailId, contact.FirstName, profile.Topics?.DominantLabel, items, command.CampaignName, command.Goal, command.Sections, sendAt), cancellationToken);
        var email = written.Email;
        var variant = written.Subject?.Name;
        return PersonalizationResult.Ready(new EmailReady(
            MessageIds.EmailReady(emailId),
            command.UserId,
            clock.GetUtcNow(),
            emailId,
            command.CampaignId,
            contact.Email!.Trim(),
            email.Subject,
            email.Preheader,
            email.HtmlBody,
            email.TextBody,
            EmailHeaders.For(links, emailId),
            sendAt,
            written.Generator,
            email.ItemIds,
            envelope.From,
            envelope.ReplyTo,
            envelope.MessageId(emailId),
            EmailEnvelope.CustomArgs(emailId, command.UserId, command.CampaignId, variant),
            variant,
            written.ModelVersion),
            written.Subject);
    }

    // An address that would break the To header (spaces, line breaks) is as good as none.
    private static bool IsUsableAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && email.Trim() is var address
        && address.IndexOf('@', StringComparison.Ordinal) > 0
        && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private PersonalizationResult Suppress(PersonalizeEmail command, string reason) =>
        PersonalizationResult.Suppressed(new EmailSuppressed(
            MessageIds.EmailSuppressed(command.CampaignId, command.UserId),
            command.UserId,
            clock.GetUtcNow(),
            command.CampaignId,
            reason));
}
