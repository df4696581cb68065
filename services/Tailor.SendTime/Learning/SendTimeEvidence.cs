using Tailor.Contracts;

namespace Tailor.SendTime.Learning;

/// <summary>One event that says the user was around at <paramref name="OccurredAt"/>, worth <paramref name="Weight"/>.</summary>
/// <param name="EventId">The message it came from: what a user's state remembers so that a copy of it adds nothing.</param>
/// <param name="EmailId">The email an open or click was about, so its delay after delivery can be weighed.</param>
/// <param name="IsDelivery">A delivery report: not evidence of the reader, but the start of the email's open latency.</param>
public readonly record struct SendTimeEvidence(
    Guid EventId, string UserId, DateTimeOffset OccurredAt, double Weight, Guid? EmailId = null, bool IsDelivery = false)
{
    /// <summary>The evidence a user's event gives: its id, user and time, worth <paramref name="weight"/>.</summary>
    public static SendTimeEvidence Of(IUserEvent source, double weight, Guid? emailId = null, bool isDelivery = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SendTimeEvidence(source.EventId, source.UserId, source.OccurredAt, weight, emailId, isDelivery);
    }
}
