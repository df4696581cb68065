using Tailor.Host.Demo;

namespace Tailor.Bench.Simulation;

/// <summary>
/// What one customer wants, in one arm's world, as the simulation goes on. Each product line the customer really
/// bought after the split is a want, due at that order's time (moved into the simulation's weeks). A want is active
/// from <see cref="Lead"/> before it is due until it is due. An email that sells the product while the want is active
/// satisfies it: the customer no longer wants it, and their own order at the due time leaves that line out. Otherwise
/// the customer buys it themselves when it is due (<see cref="OwnOrders"/>), which every arm's world sees alike. So
/// wanted products change: the satisfied ones go, and later orders' products come into view round by round.
/// </summary>
public sealed class CustomerWants
{
    /// <summary>How long before a customer's own order its products are wanted and an email can sell them.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromDays(28);

    private readonly List<RetailLine> _lines;
    private readonly HashSet<RetailLine> _soldByEmail = [];

    /// <param name="later">The customer's lines after the split, already moved into the simulation's time (UK clock).</param>
    public CustomerWants(IEnumerable<RetailLine> later)
    {
        ArgumentNullException.ThrowIfNull(later);
        _lines = [.. later.DistinctBy(line => (line.InvoiceNo, line.StockCode)).OrderBy(line => line.InvoiceDate)];
    }

    /// <summary>The products wanted at <paramref name="ukNow"/>: due within <see cref="Lead"/> and not sold by an email yet.</summary>
    public IReadOnlySet<string> At(DateTime ukNow) =>
        _lines.Where(line => line.InvoiceDate >= ukNow && line.InvoiceDate < ukNow + Lead && !_soldByEmail.Contains(line))
            .Select(line => line.StockCode)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>An email sold <paramref name="item"/> at <paramref name="ukNow"/>: the earliest active want of it is satisfied.</summary>
    /// <returns>The line sold (the want's quantity and price), or null when the item was not wanted then.</returns>
    public RetailLine? Sell(string item, DateTime ukNow)
    {
        var line = _lines.FirstOrDefault(line => line.StockCode == item && line.InvoiceDate >= ukNow && line.InvoiceDate < ukNow + Lead && !_soldByEmail.Contains(line));
        if (line is not null)
        {
            _soldByEmail.Add(line);
        }

        return line;
    }

    /// <summary>The lines the customer orders themselves with due times in [<paramref name="from"/>, <paramref name="to"/>): those no email sold.</summary>
    public IReadOnlyList<RetailLine> OwnOrders(DateTime from, DateTime to) =>
        [.. _lines.Where(line => line.InvoiceDate >= from && line.InvoiceDate < to && !_soldByEmail.Contains(line))];
}
