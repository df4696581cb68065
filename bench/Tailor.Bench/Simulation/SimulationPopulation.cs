using Tailor.Host.Demo;

namespace Tailor.Bench.Simulation;

/// <summary>
/// One seed's simulated customers and what Tailor and the controls may learn from: customers with at least two orders
/// before the split and one after, sampled with the seed, their orders before the split (what Tailor is told), and the
/// shop's catalog. Every arm of the seed serves these same customers.
/// </summary>
public sealed class SimulationPopulation
{
    public required IReadOnlyList<SimulatedUser> Users { get; init; }

    /// <summary>The sampled customers' lines before the split: the history replayed into Tailor and the buy-again control.</summary>
    public required IReadOnlyList<RetailLine> History { get; init; }

    /// <summary>Every product line of the file, for the catalog.</summary>
    public required IReadOnlyList<RetailLine> All { get; init; }

    /// <summary>The split, which the history runs up to.</summary>
    public required DateTime Split { get; init; }

    /// <summary>
    /// Whole weeks (so weekdays and UK hours stay) that move the split to the week before <paramref name="firstRound"/>.
    /// Without it, the rounds' feedback would arrive years after the history, and every model that fades old evidence
    /// (buy-again's half-life, the popularity window) would forget the customers at once.
    /// </summary>
    public TimeSpan ShiftTo(DateTimeOffset firstRound) =>
        TimeSpan.FromDays(7 * Math.Max(0, (int)Math.Floor((firstRound.UtcDateTime - Split).TotalDays / 7)));

    public static SimulationPopulation Sample(SimulationData data, SimulationOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (data.Candidates.Count < options.Users)
        {
            throw new ArgumentException($"Only {data.Candidates.Count} customers have two orders before {options.Split:yyyy-MM-dd} and one after; --users {options.Users} is more.");
        }

        var shuffled = data.Candidates.ToArray();
        new Random(seed).Shuffle(shuffled);
        var sample = shuffled.Take(options.Users).ToList();
        return new SimulationPopulation
        {
            Users = [.. sample.Select(customer => User(customer, data.EveryonesHours, options.Split))],
            History = [.. sample.SelectMany(customer => Told(customer, options))],
            All = data.All,
            Split = options.Split,
        };
    }

    // The customer's orders before the split that Tailor is told: all of them, or the last --history-orders.
    private static IEnumerable<RetailLine> Told(IGrouping<string, RetailLine> customer, SimulationOptions options)
    {
        var before = customer.Where(line => line.InvoiceDate < options.Split).ToList();
        if (options.HistoryOrders is not { } orders)
        {
            return before;
        }

        var kept = before.GroupBy(line => line.InvoiceNo, StringComparer.Ordinal)
            .OrderByDescending(invoice => invoice.Min(line => line.InvoiceDate))
            .Take(orders)
            .Select(invoice => invoice.Key)
            .ToHashSet(StringComparer.Ordinal);
        return before.Where(line => kept.Contains(line.InvoiceNo));
    }

    // Active hours from every order of the customer, smoothed by two orders' worth of everyone's pattern.
    private static SimulatedUser User(IGrouping<string, RetailLine> customer, double[] everyonesHours, DateTime split)
    {
        var counts = new double[24];
        foreach (var invoice in customer.DistinctBy(line => line.InvoiceNo))
        {
            counts[invoice.InvoiceDate.Hour]++;
        }

        var total = counts.Sum();
        var everyone = everyonesHours.Sum();
        var hours = counts.Select((count, hour) => (count + (2 * everyonesHours[hour] / everyone)) / (total + 2)).ToArray();
        return new SimulatedUser(customer.Key, customer.First().Country, hours, [.. customer.Where(line => line.InvoiceDate >= split)]);
    }
}

/// <summary>The data file read once for every seed: its lines, every customer who qualifies, and everyone's order hours.</summary>
public sealed class SimulationData
{
    public required IReadOnlyList<RetailLine> All { get; init; }

    /// <summary>Customers with two orders or more before the split and one after, their purchase lines, by id.</summary>
    public required IReadOnlyList<IGrouping<string, RetailLine>> Candidates { get; init; }

    /// <summary>Orders per UK hour of day, over every customer.</summary>
    public required double[] EveryonesHours { get; init; }

    public static SimulationData Load(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var all = OnlineRetailReader.Read(options.Data).ToList();
        var purchases = all.Where(line => line.CustomerId is not null && !line.IsCancellation && line.Quantity > 0 && line.UnitPrice > 0 && line.Description.Length > 0).ToList();
        var hours = new double[24];
        foreach (var invoice in purchases.DistinctBy(line => line.InvoiceNo))
        {
            hours[invoice.InvoiceDate.Hour]++;
        }

        return new SimulationData
        {
            All = all,
            Candidates = [.. purchases.GroupBy(line => line.CustomerId!, StringComparer.Ordinal)
                .Where(customer => customer.Where(line => line.InvoiceDate < options.Split).Select(line => line.InvoiceNo).Distinct().Count() >= 2
                    && customer.Any(line => line.InvoiceDate >= options.Split))
                .OrderBy(customer => customer.Key, StringComparer.Ordinal)],
            EveryonesHours = hours,
        };
    }
}
