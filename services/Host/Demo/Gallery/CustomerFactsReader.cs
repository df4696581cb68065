using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Tailor.Contracts;
using Tailor.Profiles;

namespace Tailor.Host.Demo.Gallery;

/// <summary>
/// Reads back what Tailor holds about each emailed customer through <c>GET /v1/users/{id}/export</c>, the route a
/// customer's access request uses: the gallery shows the profile and orders Tailor kept, not what the demo meant to send.
/// </summary>
public sealed class CustomerFactsReader(IngestionClient ingestion)
{
    public const int RecentOrderCount = 3;

    // Exports are small and served in process; a few at once keeps the CPU busy without starving the host.
    private const int Parallelism = 4;

    public async Task<IReadOnlyDictionary<string, CustomerFacts>> ReadAsync(
        IReadOnlyCollection<string> userIds, Action<long> progress, CancellationToken cancellationToken)
    {
        var facts = new ConcurrentDictionary<string, CustomerFacts>(StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(userIds, options, async (userId, token) =>
        {
            var export = await ingestion.ExportUserAsync(userId, token);
            facts[userId] = export is { } document ? FromExport(userId, document) : CustomerFacts.Unknown(userId);
            progress(facts.Count);
        });
        return facts;
    }

    /// <summary>The facts in one export document (see <c>UserExportDocument</c>): its profile and its purchase events.</summary>
    public static CustomerFacts FromExport(string userId, JsonElement export)
    {
        var profile = export.TryGetProperty("profile", out var profileJson) && profileJson.ValueKind == JsonValueKind.Object
            ? profileJson.Deserialize<UserProfile>(ProfileJson.Options)
            : null;
        var orders = Orders(export);
        return new CustomerFacts(
            userId,
            profile?.Contact?.Country,
            profile?.Topics?.DominantLabel,
            [.. orders.Take(RecentOrderCount)],
            orders.Count,
            profile?.Recommendations?.Items ?? [],
            profile?.SendTime);
    }

    // Ingestion records one purchase activity per order line; lines that share an order id (or, without one, a
    // timestamp) are one order. Latest first.
    private static List<PastOrder> Orders(JsonElement export)
    {
        if (!export.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. events.EnumerateArray()
            .Where(stored => stored.TryGetProperty("type", out var type) && type.GetString() == nameof(UserActivityTracked))
            .Select(stored => stored.GetProperty("payload").Deserialize<UserActivityTracked>(ProfileJson.Options))
            .OfType<UserActivityTracked>()
            .Where(activity => activity.Activity == ActivityKinds.Purchase)
            .GroupBy(activity => activity.Properties.TryGetValue("order_id", out var orderId) ? orderId : activity.OccurredAt.ToString("O", CultureInfo.InvariantCulture))
            .Select(order => new PastOrder(
                order.Key,
                order.Min(line => line.OccurredAt),
                [.. order.Select(line => new OrderLine(line.ItemName ?? line.ItemId ?? "an unnamed item", line.Quantity))]))
            .OrderByDescending(order => order.PlacedAt)
            .ThenBy(order => order.OrderId, StringComparer.Ordinal)];
    }
}
