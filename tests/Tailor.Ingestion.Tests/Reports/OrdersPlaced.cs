using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.Ingestion.Tests.Reports;

/// <summary>Orders sent as Segment <c>Order Completed</c> calls, waited for until Ingestion's order attribution has taken every line.</summary>
internal static class OrdersPlaced
{
    /// <summary>One product line of an order.</summary>
    public sealed record Line(string ProductId, decimal Price, int Quantity);

    /// <param name="orderId">The order's <c>order_id</c>; none sent when null.</param>
    /// <param name="currency">The order's <c>currency</c>; none sent when null.</param>
    /// <returns>The purchases Ingestion published, one per line.</returns>
    public static Task<IReadOnlyList<UserActivityTracked>> OrderAsync(
        IngestionApp app, string userId, string? orderId, DateTimeOffset at, string? currency, params Line[] lines) =>
        OrderAsync(app, messageId: null, userId, orderId, at, currency, lines);

    /// <param name="messageId">The call's Segment <c>messageId</c>, as a page sending the order again gives it a new one; none sent when null.</param>
    public static async Task<IReadOnlyList<UserActivityTracked>> OrderAsync(
        IngestionApp app, string? messageId, string userId, string? orderId, DateTimeOffset at, string? currency, params Line[] lines)
    {
        var before = app.Published<UserActivityTracked>().Select(purchase => purchase.EventId).ToHashSet();
        using var response = await app.PostAsync("/v1/track", new
        {
            messageId,
            userId,
            @event = "Order Completed",
            timestamp = at,
            properties = new
            {
                order_id = orderId,
                currency,
                products = lines.Select(line => new { product_id = line.ProductId, price = line.Price, quantity = line.Quantity }),
            },
        });
        response.EnsureSuccessStatusCode();

        // Published before the call is answered: the new purchases are this order's lines.
        List<UserActivityTracked> purchases = [.. app.Published<UserActivityTracked>().Where(purchase => !before.Contains(purchase.EventId))];
        Assert.Equal(lines.Length, purchases.Count);
        await AttributedAsync(app, purchases.Select(purchase => purchase.EventId).ToHashSet(), times: 1);
        return purchases;
    }

    /// <summary>Puts the purchases on the bus again, as a redelivery would, and waits until they are taken a second time.</summary>
    public static async Task RedeliverAsync(IngestionApp app, IReadOnlyList<UserActivityTracked> purchases)
    {
        foreach (var purchase in purchases)
        {
            await app.Harness.Bus.Publish(purchase, TestContext.Current.CancellationToken);
        }

        await AttributedAsync(app, purchases.Select(purchase => purchase.EventId).ToHashSet(), times: 2);
    }

    /// <summary>Waits until Ingestion's only consumer of purchases has taken each of them <paramref name="times"/> times, without a fault.</summary>
    public static async Task AttributedAsync(IngestionApp app, IReadOnlySet<Guid> eventIds, int times)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.True(await Polling.WithinAsync(() => app.Harness.Consumed.Select<UserActivityTracked>(cancellationToken)
            .Where(consumed => consumed.Exception is null && eventIds.Contains(consumed.Context.Message.EventId))
            .GroupBy(consumed => consumed.Context.Message.EventId)
            .Count(copies => copies.Count() >= times) == eventIds.Count));
    }
}
