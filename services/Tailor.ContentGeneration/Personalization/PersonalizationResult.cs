using Tailor.ContentGeneration.Subjects;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Personalization;

/// <summary>What became of one user's email for one campaign: exactly one of the two is set.</summary>
/// <param name="Subject">The subject variants the email's copy competed with, when it had several.</param>
public sealed record PersonalizationResult(EmailReady? Email, EmailSuppressed? Suppression, SubjectChoice? Subject = null)
{
    public static PersonalizationResult Ready(EmailReady email, SubjectChoice? subject = null) => new(email, null, subject);

    public static PersonalizationResult Suppressed(EmailSuppressed suppression) => new(null, suppression);
}
