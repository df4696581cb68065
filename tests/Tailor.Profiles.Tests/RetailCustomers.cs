using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.Profiles.Tests;

/// <summary>Customers of the bundled Online Retail sample with the products they bought, as profile fixtures.</summary>
internal static class RetailCustomers
{
    /// <summary>The first customers in file order, each with what they bought (best first = first bought).</summary>
    public static IReadOnlyList<(string UserId, string Country, IReadOnlyList<RecommendedItem> Items)> First(int count)
    {
        var customers = new Dictionary<string, (string Country, List<RecommendedItem> Items)>();
        var order = new List<string>();
        // Guest checkouts and cancellations are no customer's purchases.
        foreach (var line in OnlineRetail.Rows().Where(line => line.CustomerId is not null && !line.IsCancellation))
        {
            var userId = line.CustomerId!;
            if (!customers.TryGetValue(userId, out var customer))
            {
                if (order.Count == count)
                {
                    continue;
                }

                customer = (line.Country, []);
                customers[userId] = customer;
                order.Add(userId);
            }

            customer.Items.Add(new RecommendedItem(line.StockCode, line.Description, line.UnitPrice, 1.0 / (customer.Items.Count + 1), "bought before"));
        }

        return order.Select(userId => (userId, customers[userId].Country, (IReadOnlyList<RecommendedItem>)customers[userId].Items)).ToList();
    }
}
