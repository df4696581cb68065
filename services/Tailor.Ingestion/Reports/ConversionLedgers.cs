using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Ingestion.Reports;

/// <summary>
/// Each user's <see cref="ConversionLedger"/>, in <c>ingestion.conversion-ledgers</c> under the user id: written when a
/// page of campaign emails is recorded and when the user orders, each time by a conditional write of the user's one
/// document (so replicas and concurrent batches never lose each other's entries), read by the user's id only.
/// </summary>
internal sealed class ConversionLedgers(IDocumentStore documents, IOptions<IngestionOptions> options)
{
    public const string Collection = "ingestion.conversion-ledgers";

    /// <summary>Adds a page of a campaign's emails to their users' ledgers: two round trips for the page, one effect however often it comes.</summary>
    /// <remarks>Emails without a user are left out: the page's <c>EmailsWritten</c> consumer in Webhooks faults on them.</remarks>
    public async Task RecordSentAsync(EmailsWritten page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrWhiteSpace(page.CampaignId) || page.Emails is null)
        {
            return;
        }

        var byUser = page.Emails
            .Where(email => email is not null && !string.IsNullOrWhiteSpace(email.UserId))
            .GroupBy(email => email.UserId, StringComparer.Ordinal)
            .ToDictionary(
                user => user.Key,
                user => user.Select(email => new LedgerEmail(email.EmailId, page.CampaignId, email.SendAt)).ToList(),
                StringComparer.Ordinal);
        await documents.UpdateManyAsync<ConversionLedger>(
            Collection, byUser.Keys, (userId, ledger) => (ledger ?? ConversionLedger.Empty).WithEmails(byUser[userId]), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The campaign email each line's order counts for, for the lines whose order counts for one. An order is decided
    /// once, in its user's ledger, and every later line of it reads that decision; a user with no ledger was sent no
    /// campaign email, and nothing is written for them.
    /// </summary>
    public async Task<IReadOnlyList<(OrderLine Line, LedgerEmail Email)>> AttributeAsync(IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var window = options.Value.ConversionWindow;
        var byUser = lines.GroupBy(line => line.UserId, StringComparer.Ordinal).ToDictionary(user => user.Key, user => user.ToList(), StringComparer.Ordinal);
        var ledgers = await documents.UpdateManyAsync<ConversionLedger>(
            Collection,
            byUser.Keys,
            (userId, ledger) => ledger?.WithOrders(byUser[userId].Select(line => (line.OrderKey, line.OrderedAt)), window),
            cancellationToken: cancellationToken);
        var attributed = new List<(OrderLine, LedgerEmail)>();
        foreach (var line in lines)
        {
            if (ledgers.GetValueOrDefault(line.UserId)?.Document.AttributionOf(line.OrderKey, line.OrderedAt, window) is { } email)
            {
                attributed.Add((line, email));
            }
        }

        return attributed;
    }

    /// <summary>Erasure: the user's ledger goes; what their orders came to goes with their events (<see cref="CampaignOrders"/>).</summary>
    public Task ForgetAsync(string userId, CancellationToken cancellationToken) => documents.DeleteAsync(Collection, userId, cancellationToken);
}
