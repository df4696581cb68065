namespace Tailor.Ingestion.Reports;

/// <summary>
/// What one user's orders are attributed against: the campaign emails they were sent lately, and the email each of
/// their recent orders was attributed to (or none). One document per user (<see cref="ConversionLedgers"/>), so
/// attributing an order reads one document by the user's id, however large the campaigns and however long the user's
/// history.
/// </summary>
/// <remarks>
/// An order's attribution is decided once and kept: its ~20 lines, a redelivered line and two replicas deciding at once
/// all follow the first decision stored (a conditional write), even if an email recorded in between would have
/// changed it, so an order is never split between campaigns. Entries older than <see cref="Retention"/> before the
/// user's newest order are let go, and at most the newest <see cref="MaxEmails"/> emails and <see cref="MaxOrders"/>
/// orders are kept.
/// </remarks>
internal sealed record ConversionLedger(IReadOnlyList<LedgerEmail> Emails, IReadOnlyList<LedgerOrder> Orders)
{
    /// <summary>Twice the longest conversion window allowed: an order's window always lies inside what is kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(60);

    public const int MaxEmails = 64;

    public const int MaxOrders = 256;

    public static ConversionLedger Empty { get; } = new([], []);

    /// <returns>This ledger when it holds every one of <paramref name="emails"/> already.</returns>
    public ConversionLedger WithEmails(IEnumerable<LedgerEmail> emails)
    {
        var known = Emails.Select(email => email.EmailId).ToHashSet();
        List<LedgerEmail> added = [.. emails.Where(email => known.Add(email.EmailId))];
        return added.Count == 0 ? this : Pruned([.. Emails, .. added], Orders);
    }

    /// <summary>Decides each order this ledger has not decided yet (<see cref="Decide"/>) and keeps the decisions.</summary>
    /// <returns>This ledger when every order was decided before, or is too old to keep.</returns>
    public ConversionLedger WithOrders(IEnumerable<(Guid OrderKey, DateTimeOffset OrderedAt)> orders, TimeSpan window)
    {
        var known = Orders.Select(order => order.OrderKey).ToHashSet();
        List<LedgerOrder> added = [.. orders
            .Where(order => known.Add(order.OrderKey))
            .Select(order => new LedgerOrder(order.OrderKey, order.OrderedAt, Decide(order.OrderedAt, window)))];
        if (added.Count == 0)
        {
            return this;
        }

        var pruned = Pruned(Emails, [.. Orders, .. added]);
        return pruned.Orders.Any(order => added.Contains(order)) ? pruned : this;
    }

    /// <summary>The email an order counts for: the one decided when it was first seen, or, for an order too old to keep, decided now.</summary>
    public LedgerEmail? AttributionOf(Guid orderKey, DateTimeOffset orderedAt, TimeSpan window) =>
        Orders.FirstOrDefault(order => order.OrderKey == orderKey) is { } decided ? decided.Email : Decide(orderedAt, window);

    /// <summary>
    /// The rule: the latest campaign email sent to the user at or before the order and at most <paramref name="window"/>
    /// before it (the lowest email id first of two sent at one instant, so every replica decides alike).
    /// </summary>
    private LedgerEmail? Decide(DateTimeOffset orderedAt, TimeSpan window) =>
        Emails
            .Where(email => email.SendAt <= orderedAt && orderedAt - email.SendAt <= window)
            .OrderByDescending(email => email.SendAt)
            .ThenBy(email => email.EmailId)
            .FirstOrDefault();

    private static ConversionLedger Pruned(IReadOnlyList<LedgerEmail> emails, IReadOnlyList<LedgerOrder> orders)
    {
        var horizon = orders.Count == 0 ? DateTimeOffset.MinValue : orders.Max(order => order.OrderedAt) - Retention;
        return new ConversionLedger(
            [.. emails.Where(email => email.SendAt >= horizon).OrderByDescending(email => email.SendAt).ThenBy(email => email.EmailId).Take(MaxEmails)],
            [.. orders.Where(order => order.OrderedAt >= horizon).OrderByDescending(order => order.OrderedAt).ThenBy(order => order.OrderKey).Take(MaxOrders)]);
    }
}

/// <summary>A campaign email as the ledger keeps it: enough to attribute an order to it and find its report.</summary>
internal sealed record LedgerEmail(Guid EmailId, string CampaignId, DateTimeOffset SendAt);

/// <summary>An order and the email it was attributed to; null when it was attributed to none.</summary>
internal sealed record LedgerOrder(Guid OrderKey, DateTimeOffset OrderedAt, LedgerEmail? Email);
