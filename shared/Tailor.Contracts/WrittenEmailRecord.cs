namespace Tailor.Contracts;

/// <summary>What Tailor's services keep of one <see cref="EmailReady"/>: the same ids and the fields they act on.</summary>
/// <param name="EventId">The <see cref="EmailReady.EventId"/> of the email.</param>
/// <param name="ItemIds">The catalog items the email shows, in order.</param>
/// <param name="SubjectVariant">Which of the campaign's subject variants the email carries, when it has several.</param>
/// <param name="Arm">Which arm of the campaign's control test the reader is in (<see cref="CampaignArms"/>).</param>
public record WrittenEmailRecord(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    Guid EmailId,
    DateTimeOffset SendAt,
    IReadOnlyList<string> ItemIds,
    string? SubjectVariant,
    string? Arm) : IUserEvent
{
    /// <summary>The record of <paramref name="email"/>.</summary>
    public static WrittenEmailRecord Of(EmailReady email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return new WrittenEmailRecord(email.EventId, email.UserId, email.OccurredAt, email.EmailId, email.SendAt, email.ItemIds, email.SubjectVariant, email.Arm);
    }
}
