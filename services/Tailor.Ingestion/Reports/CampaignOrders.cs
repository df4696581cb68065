using System.Runtime.CompilerServices;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Ingestion.Reports;

/// <summary>
/// The order lines attributed to a campaign's emails, as events of the campaign's own stream
/// (<c>ingestion.campaign-orders:{campaignId}</c>) filed under the user who ordered: a report reads its campaign's
/// stream only, and erasing the user deletes them with the user's other events.
/// </summary>
/// <remarks>
/// Like the email facts (<see cref="CampaignEmailFacts"/>), a line is an insert under an id of its own and its email,
/// never a counter: a redelivered purchase, a batch retried after a failure or two replicas all append the same event,
/// and the store keeps one. A line whose order moved to a later email is withdrawn from the earlier email's campaign by
/// an insert too (<see cref="CampaignOrderLineWithdrawn"/>), so it counts for one email, whichever order the two
/// inserts land in.
/// </remarks>
internal sealed class CampaignOrders(IEventStore events)
{
    private const string StreamPrefix = "ingestion.campaign-orders:";

    public static string Stream(string campaignId) => StreamPrefix + campaignId;

    /// <param name="withdrawn">Lines that no longer count for these emails.</param>
    public async Task RecordAsync(
        IReadOnlyList<(OrderLine Line, LedgerEmail Email)> attributed, IReadOnlyList<(OrderLine Line, LedgerEmail Email)> withdrawn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributed);
        ArgumentNullException.ThrowIfNull(withdrawn);
        if (attributed.Count + withdrawn.Count > 0)
        {
            await events.AppendManyAsync(
                [
                    .. attributed.Select(pair => StoredEvent.Of(
                        Stream(pair.Email.CampaignId),
                        StableIds.From("tailor.ingestion.campaign-order-line", pair.Line.LineId.ToString("N"), pair.Email.EmailId.ToString("N")),
                        pair.Line.UserId,
                        pair.Line.OrderedAt,
                        new CampaignOrderLine(pair.Line.LineId, pair.Email.EmailId, pair.Line.OrderId, pair.Line.OrderedAt, pair.Email.SendAt, pair.Line.Currency, pair.Line.Amount))),
                    .. withdrawn.Select(pair => StoredEvent.Of(
                        Stream(pair.Email.CampaignId),
                        StableIds.From("tailor.ingestion.campaign-order-line-withdrawn", pair.Line.LineId.ToString("N"), pair.Email.EmailId.ToString("N")),
                        pair.Line.UserId,
                        pair.Line.OrderedAt,
                        new CampaignOrderLineWithdrawn(pair.Line.LineId, pair.Email.EmailId))),
                ],
                cancellationToken);
        }
    }

    /// <summary>The campaign's lines that still count: each appended line less those withdrawn.</summary>
    public async IAsyncEnumerable<CampaignOrderLine> ListAsync(string campaignId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Few: only orders placed before their email was recorded are ever withdrawn.
        var withdrawn = await events.ReadMessagesAsync<CampaignOrderLineWithdrawn>(new EventQuery(Stream(campaignId)), cancellationToken)
            .ToHashSetAsync(cancellationToken: cancellationToken);
        await foreach (var line in events.ReadMessagesAsync<CampaignOrderLine>(new EventQuery(Stream(campaignId)), cancellationToken))
        {
            if (!withdrawn.Contains(new CampaignOrderLineWithdrawn(line.LineId, line.EmailId)))
            {
                yield return line;
            }
        }
    }
}
