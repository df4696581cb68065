using Tailor.Contracts;

namespace Tailor.Ingestion.Reports;

/// <summary>Adds up a campaign's <see cref="CampaignEmailFact"/>s and <see cref="CampaignOrderLine"/>s, email by email, into its report.</summary>
internal sealed class CampaignReport
{
    public const string NoVariant = "none";
    public const string DeliveredBase = "delivered";
    public const string SentBase = "sent";

    private const string Method =
        "Rates count emails with a human open or click, or with an attributed order, over the rate base. Difference: Newcombe's hybrid score interval " +
        "(method 10) from each arm's Wilson score interval. Ratio: log risk-ratio interval exp(ln(p1/p2) ± 1.96·√(1/x1 − 1/n1 + 1/x2 − 1/n2)), " +
        "none when an arm had the event in no email or in every email.";

    private const int Delivery = (1 << (int)CampaignOutcome.Delivered) | (1 << (int)CampaignOutcome.Open) | (1 << (int)CampaignOutcome.MachineOpen)
        | (1 << (int)CampaignOutcome.Click) | (1 << (int)CampaignOutcome.MachineClick);

    // Per email, the outcomes it reached (one bit each) and its group; a campaign's emails fit in memory a few dozen bytes each.
    private readonly Dictionary<Guid, (int Outcomes, (string Arm, string Variant) Group)> _emails = [];
    private readonly Dictionary<Guid, EmailOrders> _orders = [];
    private bool _deliveryEvents;

    public int Emails => _emails.Count;

    public void Add(CampaignEmailFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var group = _emails.TryGetValue(fact.EmailId, out var known) ? known.Group : (fact.Arm, fact.Variant ?? NoVariant);
        _emails[fact.EmailId] = (known.Outcomes | (1 << (int)fact.Outcome), group);
        _deliveryEvents |= fact.Outcome == CampaignOutcome.Delivered;
    }

    /// <summary>A line of an order attributed to one of the campaign's emails; it counts once the email's own facts are read too.</summary>
    public void Add(CampaignOrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!_orders.TryGetValue(line.EmailId, out var orders))
        {
            orders = new EmailOrders();
            _orders[line.EmailId] = orders;
        }

        orders.Add(line);
    }

    public CampaignReportDocument ToDocument(string campaignId)
    {
        var rateBase = _deliveryEvents ? DeliveredBase : SentBase;
        var byVariant = new SortedDictionary<(string Arm, string Variant), Counts>(Comparer<(string Arm, string Variant)>.Create(CompareGroups));
        var byArm = new SortedDictionary<(string Arm, string Variant), Counts>(Comparer<(string Arm, string Variant)>.Create(CompareGroups));
        var total = new Counts();
        foreach (var (emailId, (outcomes, group)) in _emails)
        {
            // Converted counts emails in the rate base only, as opens and clicks do: an email that never arrived led to nothing.
            var orders = (!_deliveryEvents || (outcomes & Delivery) != 0) ? _orders.GetValueOrDefault(emailId) : null;
            total.Add(outcomes, orders);
            Of(byArm, (group.Arm, "")).Add(outcomes, orders);
            Of(byVariant, group).Add(outcomes, orders);
        }

        var (lift, liftUnavailable) = Lift(byArm.GetValueOrDefault((CampaignArms.Personalised, "")), byArm.GetValueOrDefault((CampaignArms.Control, "")));
        return new CampaignReportDocument(
            campaignId,
            rateBase,
            total.ToDocument(null, null, _deliveryEvents),
            [.. byArm.Select(arm => arm.Value.ToDocument(arm.Key.Arm, null, _deliveryEvents))],
            [.. byVariant.Select(variant => variant.Value.ToDocument(variant.Key.Arm, variant.Key.Variant, _deliveryEvents))],
            lift,
            liftUnavailable);
    }

    // The lift, or why there is none: a report must say it has too little data rather than leave a bare null.
    private (CampaignLiftDocument? Lift, string? Unavailable) Lift(Counts? personalised, Counts? control)
    {
        if (control is null)
        {
            return (null, "The report has no control group: controlShare was 0, or no control email was written yet.");
        }

        if (personalised is null)
        {
            return (null, "The report has no personalised arm: no personalised email was written yet.");
        }

        var (n1, n2) = (personalised.Base(_deliveryEvents), control.Base(_deliveryEvents));
        if (n1 == 0 || n2 == 0)
        {
            return (null, $"An arm has no email in the rate base ({(_deliveryEvents ? DeliveredBase : SentBase)}) yet.");
        }

        return (new CampaignLiftDocument(
            0.95,
            Method,
            Rate(personalised.Opens, n1, control.Opens, n2),
            Rate(personalised.Clicks, n1, control.Clicks, n2),
            Rate(personalised.Conversions, n1, control.Conversions, n2)), null);
    }

    private static RateLiftDocument Rate(long x1, long n1, long x2, long n2)
    {
        var ratio = ProportionIntervals.Ratio(x1, n1, x2, n2);
        return new((double)x1 / n1, (double)x2 / n2, ProportionIntervals.Difference(x1, n1, x2, n2), ratio, ratio is null ? RatioUnavailable(x1, x2) : null);
    }

    private static string RatioUnavailable(long x1, long x2) =>
        x1 == 0 || x2 == 0
            ? "An arm had no email with this event: the ratio's log interval is undefined; read the difference."
            : "An arm had the event in every email: the ratio's log interval would take that arm's rate as exact; read the difference.";

    private static Counts Of(SortedDictionary<(string Arm, string Variant), Counts> groups, (string Arm, string Variant) key)
    {
        if (!groups.TryGetValue(key, out var counts))
        {
            counts = new Counts();
            groups[key] = counts;
        }

        return counts;
    }

    // Personalised first, then control, then any other arm; variants in name order.
    private static int CompareGroups((string Arm, string Variant) left, (string Arm, string Variant) right)
    {
        var byArm = ArmOrder(left.Arm).CompareTo(ArmOrder(right.Arm));
        byArm = byArm != 0 ? byArm : string.CompareOrdinal(left.Arm, right.Arm);
        return byArm != 0 ? byArm : string.CompareOrdinal(left.Variant, right.Variant);
    }

    private static int ArmOrder(string arm) => arm switch
    {
        CampaignArms.Personalised => 0,
        CampaignArms.Control => 1,
        _ => 2,
    };

    /// <summary>The orders attributed to one email and what they came to, per currency.</summary>
    private sealed class EmailOrders
    {
        private readonly HashSet<string> _orderIds = new(StringComparer.Ordinal);

        public int Orders => _orderIds.Count;

        public SortedDictionary<string, decimal> Revenue { get; } = new(StringComparer.Ordinal);

        public void Add(CampaignOrderLine line)
        {
            _orderIds.Add(line.OrderId);
            Revenue[line.Currency] = Revenue.GetValueOrDefault(line.Currency) + (line.Amount ?? 0);
        }
    }

    private sealed class Counts
    {
        // Revenue per email is an average over many emails, not an amount anyone pays: four places are plenty in any currency.
        private const int PerEmailDecimals = 4;

        private readonly SortedDictionary<string, decimal> _revenue = new(StringComparer.Ordinal);
        private long _sent;
        private long _delivered;
        private long _machineOpens;
        private long _machineClicks;
        private long _unsubscribes;
        private long _complaints;
        private long _bounces;
        private long _attributedOrders;

        public long Opens { get; private set; }

        public long Clicks { get; private set; }

        /// <summary>Emails in the rate base with at least one attributed order.</summary>
        public long Conversions { get; private set; }

        /// <param name="orders">The email's attributed orders; null when it has none or is outside the rate base.</param>
        public void Add(int outcomes, EmailOrders? orders)
        {
            // Every email with any fact was written by Tailor, whether or not its Sent fact predates it.
            _sent++;
            _delivered += (outcomes & Delivery) != 0 ? 1 : 0;
            Opens += Has(outcomes, CampaignOutcome.Open);
            _machineOpens += Has(outcomes, CampaignOutcome.MachineOpen);
            Clicks += Has(outcomes, CampaignOutcome.Click);
            _machineClicks += Has(outcomes, CampaignOutcome.MachineClick);
            _unsubscribes += Has(outcomes, CampaignOutcome.Unsubscribe);
            _complaints += Has(outcomes, CampaignOutcome.Complaint);
            _bounces += Has(outcomes, CampaignOutcome.Bounce);
            if (orders is not null)
            {
                Conversions++;
                _attributedOrders += orders.Orders;
                foreach (var (currency, amount) in orders.Revenue)
                {
                    _revenue[currency] = _revenue.GetValueOrDefault(currency) + amount;
                }
            }
        }

        public long Base(bool overDelivered) => overDelivered ? _delivered : _sent;

        public CampaignGroupDocument ToDocument(string? arm, string? variant, bool overDelivered)
        {
            var rateBase = Base(overDelivered);
            return new CampaignGroupDocument(
                arm, variant, _sent, _delivered, Opens, _machineOpens, Clicks, _machineClicks, _unsubscribes, _complaints, _bounces,
                rateBase == 0 ? null : (double)Opens / rateBase,
                rateBase == 0 ? null : (double)Clicks / rateBase,
                Conversions,
                rateBase == 0 ? null : (double)Conversions / rateBase,
                _attributedOrders,
                new SortedDictionary<string, decimal>(_revenue, StringComparer.Ordinal),
                rateBase == 0 ? null : _revenue.ToDictionary(entry => entry.Key, entry => Math.Round(entry.Value / rateBase, PerEmailDecimals), StringComparer.Ordinal));
        }

        private static long Has(int outcomes, CampaignOutcome outcome) => (outcomes >> (int)outcome) & 1;
    }
}
