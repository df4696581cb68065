using Microsoft.Extensions.Logging;

namespace Tailor.Ingestion.Engagements;

// Counts only: a held engagement's email id is the one thing that could name a reader, and these lines need none.
internal static partial class Log
{
    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Released {Released} engagements that arrived before their emails were stored; {Expired} had waited past the hold and were dropped")]
    public static partial void Released(ILogger logger, int released, int expired);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Warning, Message = "{Refused} engagements of emails not stored yet were dropped: each email holds at most {Most} (Tailor:Ingestion:EarlyEngagements:MaxPerEmail)")]
    public static partial void HoldFull(ILogger logger, int refused, int most);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Information, Message = "Dropped {Expired} held engagements of {Documents} email-days whose emails were not stored within {Hold} ({ConsentHold} for unsubscribes and resubscribes)")]
    public static partial void Expired(ILogger logger, int expired, int documents, TimeSpan hold, TimeSpan consentHold);

    [LoggerMessage(EventId = 1904, Level = LogLevel.Warning, Message = "Could not sweep the expired held engagements; the next sweep tries again")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1905, Level = LogLevel.Warning, Message = "{Expired} unsubscribes or resubscribes made through the links of emails not stored within Tailor:Ingestion:EarlyEngagements:ConsentHold were dropped: find why Ingestion did not store those emails (EmailsWritten lost or far behind), or whether their users were erased")]
    public static partial void ConsentChangesExpired(ILogger logger, int expired);
}
