using Tailor.Contracts;

namespace Tailor.ContentGeneration.Personalization;

/// <summary>What became of one user's email for one campaign: exactly one of the two is set.</summary>
public sealed record PersonalizationResult(EmailReady? Email, EmailSuppressed? Suppression)
{
    public static PersonalizationResult Ready(EmailReady email) => new(email, null);

    public static PersonalizationResult Suppressed(EmailSuppressed suppression) => new(null, suppression);
}
