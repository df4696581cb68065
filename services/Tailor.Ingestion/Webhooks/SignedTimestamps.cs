using System.Globalization;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Checks the signing time a provider sends, so a captured request cannot be replayed later.</summary>
internal static class SignedTimestamps
{
    /// <returns>Null when fresh, else why it is refused.</returns>
    public static string? Check(string? unixSeconds, TimeProvider time, TimeSpan maxAge)
    {
        if (!double.TryParse(unixSeconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            return "The signed timestamp is missing or not a Unix time.";
        }

        var age = time.GetUtcNow() - DateTimeOffset.UnixEpoch.AddSeconds(Math.Clamp(seconds, 0, 32_503_680_000));
        return age.Duration() <= maxAge ? null : $"The signature was made {age.Duration():g} ago; at most {maxAge:g} is accepted.";
    }
}
