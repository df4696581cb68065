using MassTransit;
using Tailor.Contracts;
using Tailor.Ingestion.Reports;

namespace Tailor.Ingestion.Consumers;

/// <summary>
/// Adds each page of a campaign's emails to its users' <see cref="ConversionLedger"/>s, so their orders can be attributed
/// to the emails, and moves to those emails the orders placed before the page was recorded that they now take. Its own
/// queue beside the webhooks' <c>EmailsWritten</c> consumer, which stores the emails by id and counts them sent: the
/// ledger keeps when each email was sent and is read by user, which that store is not.
/// </summary>
internal sealed class ConversionLedgerConsumer(ConversionLedgers ledgers, CampaignOrders orders) : IConsumer<EmailsWritten>
{
    public async Task Consume(ConsumeContext<EmailsWritten> context)
    {
        var moved = await ledgers.RecordSentAsync(context.Message, context.CancellationToken);
        await orders.RecordAsync(moved.Credited, moved.Withdrawn, context.CancellationToken);
    }
}
