using Tailor.Host.Demo;

namespace Tailor.Bench.Simulation;

/// <summary>
/// The simulated customers and what Tailor may learn from: customers with at least two orders before the split and one
/// after, sampled with the seed, their orders before the split (what Tailor is told), and the shop's catalog.
/// </summary>
public sealed class SimulationPopulation
{
    public required IReadOnlyList<SimulatedUser> Users { get; init; }

    /// <summary>The sampled customers' lines before the split: the history replayed into Tailor.</summary>
    public required IReadOnlyList<RetailLine> History { get; init; }

    /// <summary>Every product line of the file, for the catalog.</summary>
    public required IReadOnlyList<RetailLine> All { get; init; }

    /// <summary>The split, which the history runs up to.</summary>
    public required DateTime Split { get; init; }

    /// <summary>
    /// The history moved forward by whole weeks (so weekdays and UK hours stay) to end in the week before
    /// <paramref name="firstRound"/>. Without it, the rounds' feedback would arrive years after the history, and every
    /// model that fades old evidence (buy-again's half-life, the popularity window) would forget the customers at once.
    /// </summary>
    public IEnumerable<RetailLine> HistoryMovedTo(DateTimeOffset firstRound)
    {
        var weeks = Math.Max(0, (int)Math.Floor((firstRound.UtcDateTime - Split).TotalDays / 7));
        var shift = TimeSpan.FromDays(7 * weeks);
        return History.Select(line => line with { InvoiceDate = line.InvoiceDate + shift });
    }

    public static SimulationPopulation Load(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var all = OnlineRetailReader.Read(options.Data).ToList();
        var purchases = all.Where(line => line.CustomerId is not null && !line.IsCancellation && line.Quantity > 0 && line.UnitPrice > 0).ToList();
        var population = new double[24];
        foreach (var invoice in purchases.DistinctBy(line => line.InvoiceNo))
        {
            population[invoice.InvoiceDate.Hour]++;
        }

        var candidates = purchases.GroupBy(line => line.CustomerId!, StringComparer.Ordinal)
            .Where(customer => customer.Where(line => line.InvoiceDate < options.Split).Select(line => line.InvoiceNo).Distinct().Count() >= 2
                && customer.Any(line => line.InvoiceDate >= options.Split))
            .OrderBy(customer => customer.Key, StringComparer.Ordinal)
            .ToList();
        var wanted = options.UsersPerArm * SimulationRun.Arms.Length;
        if (candidates.Count < wanted)
        {
            throw new ArgumentException($"Only {candidates.Count} customers have two orders before {options.Split:yyyy-MM-dd} and one after; --users {options.UsersPerArm} needs {wanted}.");
        }

        var shuffled = candidates.ToArray();
        new Random(options.Seed).Shuffle(shuffled);
        var sample = shuffled.Take(wanted).ToList();
        return new SimulationPopulation
        {
            Users = [.. sample.Select(customer => User(customer, population, options.Split))],
            History = [.. sample.SelectMany(customer => Told(customer, options))],
            All = all,
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
    private static SimulatedUser User(IGrouping<string, RetailLine> customer, double[] population, DateTime split)
    {
        var counts = new double[24];
        foreach (var invoice in customer.DistinctBy(line => line.InvoiceNo))
        {
            counts[invoice.InvoiceDate.Hour]++;
        }

        var total = counts.Sum();
        var everyone = population.Sum();
        var hours = counts.Select((count, hour) => (count + (2 * population[hour] / everyone)) / (total + 2)).ToArray();
        var later = customer.Where(line => line.InvoiceDate >= split).Select(line => line.StockCode).ToHashSet(StringComparer.Ordinal);
        return new SimulatedUser(customer.Key, hours, later);
    }
}
