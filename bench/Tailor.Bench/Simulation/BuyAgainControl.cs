using Tailor.Host.Demo;

namespace Tailor.Bench.Simulation;

/// <summary>
/// The "buy again, then bestsellers" control: the products the customer ordered most often (in most orders; the most
/// recent first among equals), then the bestsellers they have not ordered, as many as an email shows. It learns what a
/// shop's own order history would tell it, and nothing from opens or clicks.
/// </summary>
public sealed class BuyAgainControl(IReadOnlyList<string> bestsellers, int itemsPerEmail)
{
    private readonly Dictionary<string, Dictionary<string, (HashSet<string> Orders, DateTime Last)>> _bought = new(StringComparer.Ordinal);

    public void Record(RetailLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.CustomerId is null)
        {
            return;
        }

        if (!_bought.TryGetValue(line.CustomerId, out var items))
        {
            _bought[line.CustomerId] = items = new Dictionary<string, (HashSet<string>, DateTime)>(StringComparer.Ordinal);
        }

        if (!items.TryGetValue(line.StockCode, out var item))
        {
            items[line.StockCode] = item = ([], line.InvoiceDate);
        }

        item.Orders.Add(line.InvoiceNo);
        items[line.StockCode] = (item.Orders, line.InvoiceDate > item.Last ? line.InvoiceDate : item.Last);
    }

    public IReadOnlyList<string> For(string userId)
    {
        var own = _bought.TryGetValue(userId, out var items)
            ? items.OrderByDescending(item => item.Value.Orders.Count).ThenByDescending(item => item.Value.Last).ThenBy(item => item.Key, StringComparer.Ordinal)
                .Select(item => item.Key)
            : [];
        return [.. own.Concat(bestsellers).Distinct(StringComparer.Ordinal).Take(itemsPerEmail)];
    }
}
