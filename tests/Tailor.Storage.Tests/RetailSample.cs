using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.Storage.Tests;

/// <summary>The first lines of the bundled Online Retail sample, as the purchases Ingestion would record.</summary>
internal static class RetailSample
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Purchase lines with a customer, in file order; each gets a fresh event id.</summary>
    public static IReadOnlyList<UserActivityTracked> Purchases(int count) =>
        [.. OnlineRetail.Rows()
            // Guest checkouts and cancellations are not purchases of a known user.
            .Where(line => line.CustomerId is not null && !line.IsCancellation)
            .Take(count)
            .Select(line => new UserActivityTracked(
                Guid.NewGuid(),
                line.CustomerId!,
                new DateTimeOffset(line.InvoiceDate, UkTime.GetUtcOffset(line.InvoiceDate)),
                ActivityKinds.Purchase,
                line.StockCode,
                line.Description,
                line.Quantity,
                line.UnitPrice,
                Text: null,
                new Dictionary<string, string> { ["invoice"] = line.InvoiceNo, ["country"] = line.Country }))];
}
