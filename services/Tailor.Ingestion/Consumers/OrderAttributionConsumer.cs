using MassTransit;
using Tailor.Contracts;
using Tailor.Ingestion.Reports;

namespace Tailor.Ingestion.Consumers;

/// <summary>
/// Attributes orders to the campaign emails that preceded them, for the campaign report's conversions. It reads the
/// purchases Ingestion publishes, so every path an order takes is covered once: <c>track</c> and <c>batch</c> calls,
/// Segment's source, activity of an anonymous id published when an identify or alias links it, and purchases put on
/// the bus directly. Other activities are skipped.
/// </summary>
/// <remarks>
/// A batch at a time: an order's lines are published together, so they mostly arrive in one batch and are decided by
/// one write of the user's ledger. Nothing here counts: the decision is kept in the ledger and each line is an insert
/// under its own id, so a retried batch, a redelivered line or another replica's copy changes nothing.
/// </remarks>
internal sealed class OrderAttributionConsumer(ConversionLedgers ledgers, CampaignOrders orders) : IConsumer<Batch<UserActivityTracked>>
{
    public async Task Consume(ConsumeContext<Batch<UserActivityTracked>> context)
    {
        var lines = OrderLine.Of(context.Message.Select(entry => entry.Message));
        if (lines.Count == 0)
        {
            return;
        }

        var attributed = await ledgers.AttributeAsync(lines, context.CancellationToken);
        await orders.RecordAsync(attributed, withdrawn: [], context.CancellationToken);
    }
}
