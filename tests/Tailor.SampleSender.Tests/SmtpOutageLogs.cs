using Microsoft.Extensions.Logging.Testing;
using Tailor.SampleSender.Consumers;

namespace Tailor.SampleSender.Tests;

/// <summary>What the sender and MassTransit told an operator about an SMTP server that did not take an email.</summary>
internal static class SmtpOutageLogs
{
    /// <summary>The sender's information line that an attempt failed and a retry follows (<c>Log.Unavailable</c>).</summary>
    public const int UnavailableEvent = 7107;

    /// <summary>The sender's warning that the quick retries are spent and the email is parked (<c>Log.OutageParked</c>).</summary>
    public const int OutageParkedEvent = 7105;

    /// <summary>The sender's error that it gave up and the email faults (<c>Log.GaveUp</c>).</summary>
    public const int GaveUpEvent = 7106;

    /// <summary>MassTransit's category for what happens to received messages, retries (<c>R-RETRY</c>) among them.</summary>
    public const string ReceiveTransportCategory = "MassTransit.ReceiveTransport";

    extension(FakeLogCollector logs)
    {
        public IReadOnlyList<FakeLogRecord> Unavailable => logs.Of(UnavailableEvent);

        public IReadOnlyList<FakeLogRecord> OutageParked => logs.Of(OutageParkedEvent);

        public IReadOnlyList<FakeLogRecord> GaveUp => logs.Of(GaveUpEvent);

        /// <summary>MassTransit's <c>R-RETRY</c> records of the sender's queue.</summary>
        public IReadOnlyList<FakeLogRecord> Retries =>
        [
            .. logs.GetSnapshot().Where(record =>
                record.Category == ReceiveTransportCategory
                && record.Message.StartsWith("R-RETRY ", StringComparison.Ordinal)
                && record.Message.Contains(SampleSenderNames.Queue, StringComparison.Ordinal)),
        ];

        /// <summary>
        /// Fails if a record of the sender's own categories or of <see cref="ReceiveTransportCategory"/> carries an
        /// exception that a log provider would print with a stack trace (providers print <see cref="Exception.ToString"/>).
        /// </summary>
        /// <remarks>
        /// Only the categories that log about an email's SMTP attempts: the RabbitMQ client and the rest of MassTransit
        /// may log a passing exception of their own (a connection recovered, at Debug) with its stack, which says
        /// nothing about what the sender logs for a down SMTP server and would fail the test by chance.
        /// </remarks>
        public void AssertNoStackTrace()
        {
            foreach (var record in logs.GetSnapshot().Where(record => record.Exception is not null && IsAboutSmtpAttempts(record.Category)))
            {
                var printed = record.Exception!.ToString();
                Assert.False(printed.Contains('\n', StringComparison.Ordinal), $"{record.Category} logged a stack trace with '{record.Message}':\n{printed}");
            }
        }

        private IReadOnlyList<FakeLogRecord> Of(int eventId) =>
            [.. logs.GetSnapshot().Where(record => record.Category == typeof(EmailReadyConsumer).FullName && record.Id.Id == eventId)];
    }

    // The sender's own categories (every class under Tailor.SampleSender) and MassTransit's R-RETRY and R-FAULT.
    private static bool IsAboutSmtpAttempts(string? category) =>
        category == ReceiveTransportCategory
        || (category?.StartsWith(typeof(SampleSenderNames).Namespace + ".", StringComparison.Ordinal) ?? false);
}
