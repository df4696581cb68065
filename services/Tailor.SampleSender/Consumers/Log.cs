using Microsoft.Extensions.Logging;

namespace Tailor.SampleSender.Consumers;

internal static partial class Log
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Skipped email {EmailId}: already sent")]
    public static partial void Duplicate(ILogger logger, Guid emailId);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Sent email {EmailId} to user {UserId} (campaign {CampaignId})")]
    public static partial void Sent(ILogger logger, Guid emailId, string userId, string campaignId);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Debug, Message = "Parked email {EmailId} until it comes due at {SendAt:o}")]
    public static partial void Parked(ILogger logger, Guid emailId, DateTimeOffset sendAt);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug, Message = "Holding email {EmailId} until {SendAt:o}")]
    public static partial void Holding(ILogger logger, Guid emailId, DateTimeOffset sendAt);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning,
        Message = "SMTP server {SmtpServer} did not take email {EmailId}: {Reason}; still failing after {Retries} retries, parked for outage attempt {Attempt} at {RetryAt:o}")]
    public static partial void OutageParked(ILogger logger, string smtpServer, Guid emailId, string reason, int retries, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Error,
        Message = "SMTP server {SmtpServer} did not take email {EmailId}: {Reason}; gave up after {Attempts} outage attempts, the email faults to the error queue")]
    public static partial void GaveUp(ILogger logger, string smtpServer, Guid emailId, string reason, int attempts);

    // Information, not Warning: a retry follows and nothing is lost yet. In a long outage every email logs this on each
    // of its quick retries, in each outage attempt; the lines that call for an operator are 7105 and 7106.
    [LoggerMessage(EventId = 7107, Level = LogLevel.Information,
        Message = "SMTP server {SmtpServer} did not take email {EmailId}: {Reason}; retry {Retry} of {Retries} follows")]
    public static partial void Unavailable(ILogger logger, string smtpServer, Guid emailId, string reason, int retry, int retries);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Information, Message = "Erased user {UserId}: forgot {Parked} parked emails and the record of what was sent to them")]
    public static partial void Erased(ILogger logger, string userId, int parked);
}
