using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Catalog;
using Tailor.ContentGeneration.Composition;
using Tailor.ContentGeneration.Control;
using Tailor.ContentGeneration.Generation;
using Tailor.Contracts;
using Tailor.Profiles;

namespace Tailor.ContentGeneration.Personalization;

/// <summary>
/// Decides whether a user gets this campaign's email and, if so, writes it from their profile: consent first,
/// then an address, then something to show, then a send time inside the campaign's window and outside the user's quiet
/// hours, placed by <see cref="SendTimePlanner"/> from the user's SendTime slice. A user in the campaign's control group
/// (<see cref="PersonalizeEmail.Arm"/>) passes the same checks and gets the non-personalised email instead: the
/// bestsellers, at the window's first allowed hour, under <see cref="ControlEmailComposer.Subject"/>. Either way the items
/// are shown as the catalog lists them when the email is written (<see cref="EmailCatalog"/>): current titles and
/// prices, and none the shop has withdrawn.
/// </summary>
public sealed class EmailPersonalizer(
    EmailWriter writer,
    ControlEmailComposer control,
    Bestsellers bestsellers,
    EmailCatalog catalog,
    EmailLinks links,
    EmailEnvelope envelope,
    IOptions<ContentGenerationOptions> options,
    IOptions<SendScheduleOptions> schedule,
    IOptions<AccountClockOptions> accountClock,
    TimeProvider clock)
{
    /// <summary>The profile slices an email is written from; the interest vector (most of a profile's bytes) is not one of them.</summary>
    public static IReadOnlyCollection<string> Slices { get; } =
        [ContactSlice.SliceName, TopicsSlice.SliceName, RecommendationsSlice.SliceName, SendTimeSlice.SliceName];

    public async Task<PersonalizationResult> PersonalizeAsync(PersonalizeEmail command, UserProfile? profile, CancellationToken cancellationToken) =>
        await PersonalizeAsync(command, profile, await StartBatchAsync([command], [profile], cancellationToken), cancellationToken);

    /// <summary>
    /// What the emails of one batch read alike, read once for all of them: the bestsellers (only when one of them is a
    /// control email), then the catalog entries of every item any of them may show, in one query.
    /// </summary>
    public async Task<PersonalizationReads> StartBatchAsync(
        IReadOnlyList<PersonalizeEmail> commands, IReadOnlyList<UserProfile?> profiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(profiles);
        var shown = commands.Any(command => command.Arm == CampaignArms.Control) ? await bestsellers.ReadAsync(cancellationToken) : null;
        var itemIds = profiles
            .SelectMany(profile => profile?.Recommendations?.Items ?? [])
            .Concat(shown?.Items ?? [])
            .Select(item => item.ItemId);
        return new PersonalizationReads(shown, await catalog.ReadAsync(itemIds, cancellationToken));
    }

    /// <summary>Decides on and writes one email of a batch, reading what the batch shares through <paramref name="shared"/>.</summary>
    public async Task<PersonalizationResult> PersonalizeAsync(PersonalizeEmail command, UserProfile? profile, PersonalizationReads shared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(shared);
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

        var isControl = command.Arm == CampaignArms.Control;
        // The control group sees the bestsellers in both sections' places; the personalised arm its own recommendations.
        // As listed now, before choosing: a withdrawn item leaves its place to the next one.
        var items = isControl
            ? EmailItems.Choose(shared.AsListedNow(shared.Bestsellers?.Items ?? []), sections: null, options.Value.MaxItems)
            : EmailItems.Choose(shared.AsListedNow(profile.Recommendations?.Items ?? []), command.Sections, options.Value.MaxItems);
        if (items.Count == 0)
        {
            return Suppress(command, SuppressionReasons.NoContent);
        }

        var emailId = MessageIds.Email(command.CampaignId, command.UserId);
        // Seeded by the email id, so a retried command explores the same way and places the same send. The control group
        // is sent at the campaign's default hour: the window's first hour outside the user's quiet hours, on their clock.
        var planning = UserClock.PlanningSlice(profile, accountClock.Value.AccountTimeZone, clock.GetUtcNow());
        var (sendTime, sendSchedule) = isControl
            ? (UserClock.WithoutPreference(planning.Zone, planning.UpdatedAt), schedule.Value.Schedule with { Explore = false })
            : (planning, schedule.Value.Schedule);
        if (SendTimePlanner.Plan(sendTime, command.SendWindowStart, command.SendWindowEnd, sendSchedule, emailId.GetHashCode(), clock.GetUtcNow()) is not { } sendAt)
        {
            return Suppress(command, SuppressionReasons.QuietHours);
        }

        var written = isControl
            ? new WrittenEmail(control.Compose(emailId, command.CampaignName, items), ContentGenerationNames.ControlGenerator, null, null)
            : await writer.WriteAsync(
                command.CampaignId, new EmailFacts(emailId, contact.FirstName, profile.Topics?.DominantLabel, items, command.CampaignName, command.Goal, command.Sections, sendAt), shared.Subjects, cancellationToken);
        var arm = isControl ? CampaignArms.Control : CampaignArms.Personalised;
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
            EmailEnvelope.CustomArgs(emailId, command.UserId, command.CampaignId, variant, arm),
            variant,
            written.ModelVersion,
            arm),
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
