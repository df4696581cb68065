using Tailor.Storage;

namespace Tailor.Ingestion.Reports;

/// <summary>
/// The order lines attributed to a campaign's emails, as events of the campaign's own stream
/// (<c>ingestion.campaign-orders:{campaignId}</c>) filed under the user who ordered: a report reads its campaign's
/// stream only, and erasing the user deletes them with the user's other events.
/// </summary>
/// <remarks>
/// Like the email facts (<see cref="CampaignEmailFacts"/>), a line is an insert under its own id, never a counter: a
/// redelivered purchase, a batch retried after a failure or two replicas all append the same event, and the store keeps
/// one.
/// </remarks>
internal sealed class CampaignOrders(IEventStore events)
{
    private const string StreamPrefix = "ingestion.campaign-orders:";

    public static string Stream(string campaignId) => StreamPrefix + campaignId;

    public async Task RecordAsync(IReadOnlyList<(OrderLine Line, LedgerEmail Email)> attributed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributed);
        if (attributed.Count > 0)
        {
            await events.AppendManyAsync(
                [.. attributed.Select(pair => StoredEvent.Of(
                    Stream(pair.Email.CampaignId),
                    pair.Line.LineId,
                    pair.Line.UserId,
                    pair.Line.OrderedAt,
                    new CampaignOrderLine(pair.Line.LineId, pair.Email.EmailId, pair.Line.OrderId, pair.Line.OrderedAt, pair.Email.SendAt, pair.Line.Currency, pair.Line.Amount)))],
                cancellationToken);
        }
    }

    public IAsyncEnumerable<CampaignOrderLine> ListAsync(string campaignId, CancellationToken cancellationToken) =>
        events.ReadMessagesAsync<CampaignOrderLine>(new EventQuery(Stream(campaignId)), cancellationToken);
}
