using System.Globalization;
using Tailor.Contracts;
using Tailor.Profiles;

namespace Tailor.EndToEnd.Tests.Replicas;

/// <summary>
/// What of a profile and of an email must come out the same however many replicas computed it, as text a test
/// compares. Left out: timestamps (<c>UpdatedAt</c>, when a slice was written); model versions (they name a training
/// run); a subject the bandit drew (it depends on the order emails were written in). Numbers computed by summing
/// evidence (interest vectors, send-time weights, topic mixtures, recommendation scores) are rounded to 3 decimals:
/// the evidence of one user may be folded in another order by two replicas, which moves the last float digits.
/// </summary>
internal static class ProfileFingerprint
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Of(UserProfile? profile) => profile is null ? "no profile" : string.Join(
        Environment.NewLine,
        $"contact: {Contact(profile.Contact)}",
        $"interests: {Interests(profile.Interests)}",
        $"topics: {Topics(profile.Topics)}",
        $"recommendations: {Recommendations(profile.Recommendations)}",
        $"sendtime: {SendTime(profile.SendTime)}");

    /// <summary>Who it is for, what it offers and says, and when it is to be sent.</summary>
    public static string Of(EmailReady email) =>
        $"{email.To} | {(email.SubjectVariant is null ? $"{email.Subject} | {email.Preheader}" : "a subject drawn by the bandit")} | " +
        $"{string.Join(",", email.ItemIds)} | {email.SendAt:O} | {email.TextBody}";

    private static string Contact(ContactSlice? contact) => contact is null ? "none" :
        $"{contact.Email} {contact.FirstName} {contact.Country} {contact.TimeZone} consent={contact.EmailConsent} suppressed={contact.Suppressed} groups={string.Join(",", contact.GroupIds ?? [])}";

    private static string Interests(InterestsSlice? interests) => interests is null ? "none" :
        $"{interests.Model} evidence={interests.EvidenceCount} vector={Numbers(interests.Vector.Select(value => (double)value))}";

    private static string Topics(TopicsSlice? topics) => topics is null ? "none" :
        $"dominant={topics.DominantTopic} '{topics.DominantLabel}' mixture={Numbers(topics.Mixture)}";

    private static string Recommendations(RecommendationsSlice? recommendations) => recommendations is null ? "none" :
        string.Join(", ", recommendations.Items.Select(item => $"{item.ItemId} {item.Score.ToString("F3", Invariant)} {item.Reason}"));

    private static string SendTime(SendTimeSlice? sendTime) => sendTime is null ? "none" :
        $"best={sendTime.BestHourOfWeek} evidence={sendTime.EvidenceCount} zone={sendTime.TimeZone} concentration={sendTime.Concentration.ToString("F3", Invariant)} weights={Numbers(sendTime.HourOfWeekWeights)}";

    // "-0.000" and "0.000" are the same number.
    private static string Numbers(IEnumerable<double> values) =>
        string.Join(" ", values.Select(value => Math.Round(value, 3).ToString("F3", Invariant).Replace("-0.000", "0.000", StringComparison.Ordinal)));
}
