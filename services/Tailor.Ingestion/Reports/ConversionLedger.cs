namespace Tailor.Ingestion.Reports;

/// <summary>
/// What one user's orders are attributed against: the campaign emails they were sent lately, and their recent orders
/// with their lines and the email each counts for (or none). One document per user (<see cref="ConversionLedgers"/>),
/// so attributing an order reads one document by the user's id, however large the campaigns and however long the
/// user's history.
/// </summary>
/// <remarks>
/// An order is decided when it is first seen, and its later lines, a redelivered line and two replicas deciding at once
/// all follow the decision stored (a conditional write), so an order is never split between campaigns. Emails and
/// orders come on separate queues, so an email can be recorded after an order it preceded: the order then moves to it
/// when it is later than the one the order counts for (<see cref="WithEmails"/>), which is what deciding after both had
/// come would have given. Entries older than <see cref="Retention"/> before the user's newest order are let go, and at
/// most the newest <see cref="MaxEmails"/> emails and <see cref="MaxOrders"/> orders are kept.
/// </remarks>
internal sealed record ConversionLedger(IReadOnlyList<LedgerEmail> Emails, IReadOnlyList<LedgerOrder> Orders)
{
    /// <summary>Twice the longest conversion window allowed: an order's window always lies inside what is kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(60);

    public const int MaxEmails = 64;

    public const int MaxOrders = 256;

    public static ConversionLedger Empty { get; } = new([], []);

    /// <summary>
    /// Adds the emails, and moves each kept order for which one of them is later than the email it counts for (sent at
    /// or before the order and within <paramref name="window"/>), keeping the email it leaves in
    /// <see cref="LedgerOrder.Superseded"/>.
    /// </summary>
    /// <returns>This ledger when it holds every one of <paramref name="emails"/> already.</returns>
    public ConversionLedger WithEmails(IEnumerable<LedgerEmail> emails, TimeSpan window)
    {
        var known = Emails.Select(email => email.EmailId).ToHashSet();
        List<LedgerEmail> added = [.. emails.Where(email => known.Add(email.EmailId))];
        if (added.Count == 0)
        {
            return this;
        }

        List<LedgerOrder> orders = [.. Orders.Select(order =>
            Latest(added, order.OrderedAt, window) is { } later && (order.Email is null || Precedes(later, order.Email))
                ? order with { Email = later, Superseded = order.Email is null ? order.Superseded : [.. order.Superseded, order.Email] }
                : order)];
        return Pruned([.. Emails, .. added], orders);
    }

    /// <summary>Keeps each line not kept yet, in its order, deciding each order this ledger has not seen (<see cref="Decide"/>).</summary>
    /// <returns>This ledger when every line was kept before, or its order is too old to keep.</returns>
    public ConversionLedger WithOrders(IEnumerable<OrderLine> lines, TimeSpan window)
    {
        var orders = Orders.ToDictionary(order => order.OrderKey);
        var changed = false;
        foreach (var order in lines.GroupBy(line => line.OrderKey))
        {
            var first = order.First();
            var kept = orders.GetValueOrDefault(order.Key) ?? new LedgerOrder(order.Key, first.OrderId, first.OrderedAt, Decide(first.OrderedAt, window), [], []);
            var known = kept.Lines.Select(line => line.LineId).ToHashSet();
            List<LedgerLine> added = [.. order.Where(line => known.Add(line.LineId)).Select(line => new LedgerLine(line.LineId, line.Currency, line.Amount))];
            if (added.Count > 0)
            {
                orders[order.Key] = kept with { Lines = [.. kept.Lines, .. added] };
                changed = true;
            }
        }

        if (!changed)
        {
            return this;
        }

        // Lines only of orders too old to keep leave the ledger as it was: nothing to write.
        var pruned = Pruned(Emails, [.. orders.Values]);
        return pruned.Orders.SequenceEqual(Orders) ? this : pruned;
    }

    /// <summary>
    /// The email <paramref name="line"/> counts for, and the line as the ledger keeps it (its first copy: a line is
    /// credited alike by whichever copy, or email page, appends it); for an order too old to keep, decided now.
    /// </summary>
    public (OrderLine Line, LedgerEmail? Email) Attribute(OrderLine line, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Orders.FirstOrDefault(order => order.OrderKey == line.OrderKey) is not { } kept)
        {
            return (line, Decide(line.OrderedAt, window));
        }

        var first = line with { OrderedAt = kept.OrderedAt };
        return kept.Lines.FirstOrDefault(stored => stored.LineId == line.LineId) is { } stored
            ? (first with { Currency = stored.Currency, Amount = stored.Amount }, kept.Email)
            : (first, kept.Email);
    }

    /// <summary>
    /// The rule: the latest campaign email sent to the user at or before the order and at most <paramref name="window"/>
    /// before it (the lowest email id first of two sent at one instant, so every replica decides alike).
    /// </summary>
    private LedgerEmail? Decide(DateTimeOffset orderedAt, TimeSpan window) => Latest(Emails, orderedAt, window);

    private static LedgerEmail? Latest(IEnumerable<LedgerEmail> emails, DateTimeOffset orderedAt, TimeSpan window) =>
        emails
            .Where(email => email.SendAt <= orderedAt && orderedAt - email.SendAt <= window)
            .OrderByDescending(email => email.SendAt)
            .ThenBy(email => email.EmailId)
            .FirstOrDefault();

    // The order Latest ranks emails in: an order only ever moves forward in it, so it never returns to an email it left.
    private static bool Precedes(LedgerEmail later, LedgerEmail current) =>
        later.SendAt > current.SendAt || (later.SendAt == current.SendAt && later.EmailId.CompareTo(current.EmailId) < 0);

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

/// <summary>An order, its lines, and the email it counts for.</summary>
/// <param name="OrderId">The order among the user's (<see cref="OrderLine.OrderId"/>).</param>
/// <param name="Email">The email it counts for; null for none (yet).</param>
/// <param name="Lines">Its lines as first taken: what an email it moves to is credited with.</param>
/// <param name="Superseded">
/// The emails it counted for before an email recorded later took it, oldest first: their campaigns' streams hold its
/// lines withdrawn (<see cref="CampaignOrders"/>).
/// </param>
internal sealed record LedgerOrder(
    Guid OrderKey, string OrderId, DateTimeOffset OrderedAt, LedgerEmail? Email, IReadOnlyList<LedgerLine> Lines, IReadOnlyList<LedgerEmail> Superseded)
{
    public IEnumerable<OrderLine> LinesOf(string userId) =>
        Lines.Select(line => new OrderLine(line.LineId, userId, OrderId, OrderedAt, line.Currency, line.Amount));
}

/// <summary>One line of a kept order (<see cref="OrderLine"/>).</summary>
internal sealed record LedgerLine(Guid LineId, string Currency, decimal? Amount);
