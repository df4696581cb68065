namespace Tailor.Contracts;

/// <summary>
/// Command: write the emails of one page of a campaign's audience (ContentGeneration sends it to itself when it fans a
/// campaign out). One message per page instead of one per user: the broker carries a hundredth of the messages, and the
/// consumer handles the page as one batch (one duplicate check, one profile read, one ledger write). Each command keeps
/// its own <see cref="PersonalizeEmail.EventId"/>, so a page published again (a fan-out resumed after a crash, or cut
/// into other pages) writes nothing twice.
/// </summary>
/// <param name="Commands">One per user; every command of a page belongs to <paramref name="CampaignId"/>.</param>
public record PersonalizeEmails(Guid EventId, DateTimeOffset OccurredAt, string CampaignId, IReadOnlyList<PersonalizeEmail> Commands);
