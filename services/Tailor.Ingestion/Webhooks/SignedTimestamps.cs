using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tailor.Ingestion.Validation;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Checks the signing time a provider sends, so a captured request cannot be replayed later.</summary>
internal static class SignedTimestamps
{
    /// <returns>
    /// Null when fresh, else the problem to answer: 401 for a time that is not a Unix time (the request is not signed
    /// as the provider signs) or one ahead of this server's clock by more than <paramref name="maxAge"/> (a provider
    /// signs when it sends, so that is a wrong clock or a forgery), 409 for one older than that (a replay).
    /// </returns>
    public static IResult? Check(string? unixSeconds, TimeProvider time, TimeSpan maxAge)
    {
        if (!double.TryParse(unixSeconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            return WebhookProblems.Unauthenticated($"The signed timestamp '{Quoted.Short(unixSeconds)}' is not a number: it must be Unix seconds.");
        }

        var age = time.GetUtcNow() - UnixTimes.FromSeconds(seconds);
        if (age > maxAge)
        {
            return WebhookProblems.Replayed($"The signature was made {Durations.Readable(age)} ago; at most {Durations.Readable(maxAge)} is accepted.");
        }

        return -age > maxAge
            ? WebhookProblems.Unauthenticated(
                $"The signature is dated {Durations.Readable(age)} in the future; at most {Durations.Readable(maxAge)} either way is accepted: check the sender's clock.")
            : null;
    }
}
