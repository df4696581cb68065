using Microsoft.Extensions.Logging.Testing;
using Tailor.SampleSender.Consumers;

namespace Tailor.SampleSender.Tests;

/// <summary>What the sender and MassTransit told an operator about an SMTP server that did not take an email.</summary>
internal static class SmtpOutageLogs
{
    /// <summary>The sender's warning that an attempt failed and a retry follows (<c>Log.Unavailable</c>).</summary>
    public const int UnavailableEvent = 7107;

    /// <summary>The sender's error that it gave up and the email faults (<c>Log.GaveUp</c>).</summary>
    public const int GaveUpEvent = 7106;

    /// <summary>MassTransit's category for what happens to received messages, retries (<c>R-RETRY</c>) among them.</summary>
    public const string ReceiveTransportCategory = "MassTransit.ReceiveTransport";

    extension(FakeLogCollector logs)
    {
        public IReadOnlyList<FakeLogRecord> Unavailable => logs.Of(UnavailableEvent);

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
        /// Fails if any record, of any category, carries an exception that a log provider would print with a stack trace
        /// (providers print <see cref="Exception.ToString"/>).
        /// </summary>
        public void AssertNoStackTrace()
        {
            foreach (var record in logs.GetSnapshot().Where(record => record.Exception is not null))
            {
                var printed = record.Exception!.ToString();
                Assert.False(printed.Contains('\n', StringComparison.Ordinal), $"{record.Category} logged a stack trace with '{record.Message}':\n{printed}");
            }
        }

        private IReadOnlyList<FakeLogRecord> Of(int eventId) =>
            [.. logs.GetSnapshot().Where(record => record.Category == typeof(EmailReadyConsumer).FullName && record.Id.Id == eventId)];
    }
}
