using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Ingestion.Reports;

/// <summary>
/// Each user's <see cref="ConversionLedger"/>, in <c>ingestion.conversion-ledgers</c> under the user id: written when a
/// page of campaign emails is recorded and when the user orders (whether or not they were sent an email yet), each time by a conditional write of the user's one
/// document (so replicas and concurrent batches never lose each other's entries), read by the user's id only.
/// </summary>
internal sealed class ConversionLedgers(IDocumentStore documents, IOptions<IngestionOptions> options)
{
    public const string Collection = "ingestion.conversion-ledgers";

    /// <summary>
    /// Adds a page of a campaign's emails to their users' ledgers (two round trips for the page), and answers what the
    /// page's emails are now credited with: the lines of every kept order that counts for one of them, each with the
    /// emails that order counted for before (an order placed before its email was recorded). The answer follows from
    /// the ledgers as stored, so a page taken again, after a failure in between, answers the same.
    /// </summary>
    /// <remarks>Emails without a user are left out: the page's <c>EmailsWritten</c> consumer in Webhooks faults on them.</remarks>
    public async Task<Reattributed> RecordSentAsync(EmailsWritten page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrWhiteSpace(page.CampaignId) || page.Emails is null)
        {
            return Reattributed.None;
        }

        var window = options.Value.ConversionWindow;
        var byUser = page.Emails
            .Where(email => email is not null && !string.IsNullOrWhiteSpace(email.UserId))
            .GroupBy(email => email.UserId, StringComparer.Ordinal)
            .ToDictionary(
                user => user.Key,
                user => user.Select(email => new LedgerEmail(email.EmailId, page.CampaignId, email.SendAt)).ToList(),
                StringComparer.Ordinal);
        var ledgers = await documents.UpdateManyAsync<ConversionLedger>(
            Collection, byUser.Keys, (userId, ledger) => (ledger ?? ConversionLedger.Empty).WithEmails(byUser[userId], window), cancellationToken: cancellationToken);

        var credited = new List<(OrderLine, LedgerEmail)>();
        var withdrawn = new List<(OrderLine, LedgerEmail)>();
        foreach (var (userId, emails) in byUser)
        {
            var emailIds = emails.Select(email => email.EmailId).ToHashSet();
            foreach (var order in ledgers.GetValueOrDefault(userId)?.Document.Orders ?? [])
            {
                if (order.Email is { } email && emailIds.Contains(email.EmailId))
                {
                    var lines = order.LinesOf(userId).ToList();
                    credited.AddRange(lines.Select(line => (line, email)));
                    withdrawn.AddRange(order.Superseded.SelectMany(left => lines.Select(line => (line, left))));
                }
            }
        }

        return new Reattributed(credited, withdrawn);
    }

    /// <summary>
    /// The campaign email each line's order counts for, for the lines whose order counts for one, each as its ledger
    /// keeps it. An order is decided once, in its user's ledger, and every later line of it reads that decision; an
    /// order for a user with no ledger starts one, so an email recorded later can still take it.
    /// </summary>
    public async Task<IReadOnlyList<(OrderLine Line, LedgerEmail Email)>> AttributeAsync(IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var window = options.Value.ConversionWindow;
        var byUser = lines.GroupBy(line => line.UserId, StringComparer.Ordinal).ToDictionary(user => user.Key, user => user.ToList(), StringComparer.Ordinal);
        var ledgers = await documents.UpdateManyAsync<ConversionLedger>(
            Collection,
            byUser.Keys,
            (userId, ledger) => (ledger ?? ConversionLedger.Empty).WithOrders(byUser[userId], window),
            cancellationToken: cancellationToken);
        var attributed = new List<(OrderLine, LedgerEmail)>();
        foreach (var line in lines)
        {
            var (kept, email) = (ledgers.GetValueOrDefault(line.UserId)?.Document ?? ConversionLedger.Empty).Attribute(line, window);
            if (email is not null)
            {
                attributed.Add((kept, email));
            }
        }

        return attributed;
    }

    /// <summary>Erasure: the user's ledger goes; what their orders came to goes with their events (<see cref="CampaignOrders"/>).</summary>
    public Task ForgetAsync(string userId, CancellationToken cancellationToken) => documents.DeleteAsync(Collection, userId, cancellationToken);
}

/// <summary>What a page of emails is credited with (<see cref="ConversionLedgers.RecordSentAsync"/>).</summary>
/// <param name="Credited">Each line of an order that counts for one of the page's emails, with that email.</param>
/// <param name="Withdrawn">Each line of those orders with an email it counted for before, which no longer counts it.</param>
internal sealed record Reattributed(IReadOnlyList<(OrderLine Line, LedgerEmail Email)> Credited, IReadOnlyList<(OrderLine Line, LedgerEmail Email)> Withdrawn)
{
    public static Reattributed None { get; } = new([], []);
}
