using System.Net;
using Tailor.Contracts;
using Tailor.Ingestion.Mapping;

namespace Tailor.Ingestion.Tests;

public sealed class TrackEndpointTests
{
    [Fact]
    public async Task Track_product_viewed_is_stored_and_published_as_a_view()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/track", new
        {
            userId = "17850",
            @event = "Product Viewed",
            messageId = "view-1",
            timestamp = "2010-12-01T08:26:00Z",
            properties = new { product_id = "85123A", name = "WHITE HANGING HEART T-LIGHT HOLDER", price = 2.55, currency = "GBP" },
            context = new { ip = "203.0.113.7" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await IngestionApp.ReadJsonAsync(response);
        Assert.True(answer.GetProperty("success").GetBoolean());
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());

        var view = Assert.Single(app.Published<UserActivityTracked>());
        Assert.Equal(EventIds.From("track:message:view-1", 0), view.EventId);
        Assert.Equal("17850", view.UserId);
        Assert.Equal(new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero), view.OccurredAt);
        Assert.Equal(ActivityKinds.View, view.Activity);
        Assert.Equal("85123A", view.ItemId);
        Assert.Equal("WHITE HANGING HEART T-LIGHT HOLDER", view.ItemName);
        Assert.Equal(2.55m, view.Price);
        Assert.Equal(1, view.Quantity);
        Assert.Equal("GBP", view.Properties["currency"]);
        Assert.Equal("Product Viewed", view.Properties["event"]);

        var recorded = Assert.Single(await app.RecordedAsync<UserActivityTracked>());
        Assert.Equal(view.EventId, recorded.EventId);
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Track_order_completed_fans_out_one_purchase_per_product()
    {
        await using var app = await IngestionApp.StartAsync();
        var invoice = RetailSample.Purchases(maxLines: 200).GroupBy(line => line.InvoiceNo).First(lines => lines.Count() > 3).ToList();

        using var response = await app.PostAsync("/v1/track", RetailSample.OrderCompletedCalls(invoice).Single());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var purchases = app.Published<UserActivityTracked>();
        Assert.Equal(invoice.Count, purchases.Count);
        Assert.All(purchases, purchase =>
        {
            Assert.Equal(ActivityKinds.Purchase, purchase.Activity);
            Assert.Equal(invoice[0].CustomerId, purchase.UserId);
            Assert.Equal(invoice[0].InvoiceNo, purchase.Properties["order_id"]);
            Assert.Equal(new DateTimeOffset(invoice[0].InvoiceDate, TimeSpan.Zero), purchase.OccurredAt);
        });
        Assert.Equal(invoice.Select(line => line.StockCode), purchases.Select(purchase => purchase.ItemId));
        Assert.Equal(invoice.Select(line => line.Description), purchases.Select(purchase => purchase.ItemName));
        Assert.Equal(invoice.Select(line => (double)line.Quantity), purchases.Select(purchase => purchase.Quantity));
        Assert.Equal(invoice.Select(line => (decimal?)line.UnitPrice), purchases.Select(purchase => purchase.Price));
        Assert.Equal(invoice.Count, purchases.Select(purchase => purchase.EventId).Distinct().Count());
        Assert.Equal(invoice.Count, (await app.RecordedAsync<UserActivityTracked>()).Count);
        Assert.False(await app.AnyFaultPublishedAsync());
    }

    [Fact]
    public async Task Track_other_event_with_text_is_a_text_activity()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/track", new
        {
            userId = "12583",
            @event = "Review Submitted",
            properties = new { text = "Lovely lanterns, arrived quickly", rating = 5 },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var review = Assert.Single(app.Published<UserActivityTracked>());
        Assert.Equal(ActivityKinds.Text, review.Activity);
        Assert.Equal("Lovely lanterns, arrived quickly", review.Text);
        Assert.Equal("Review Submitted", review.Properties["event"]);
        Assert.Equal("5", review.Properties["rating"]);
        Assert.Equal(IngestionApp.Now, review.OccurredAt);
    }

    [Fact]
    public async Task Track_other_event_keeps_its_name_and_flattens_properties()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/track", new
        {
            userId = "12583",
            @event = "Coupon Applied",
            properties = new { coupon = new { code = "XMAS10", percent = 10 }, tags = new[] { "gift", "sale" }, first = true },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var coupon = Assert.Single(app.Published<UserActivityTracked>());
        Assert.Equal("Coupon Applied", coupon.Activity);
        Assert.Null(coupon.ItemId);
        Assert.Null(coupon.Text);
        Assert.Equal("XMAS10", coupon.Properties["coupon.code"]);
        Assert.Equal("10", coupon.Properties["coupon.percent"]);
        Assert.Equal("sale", coupon.Properties["tags[1]"]);
        Assert.Equal("true", coupon.Properties["first"]);
    }

    [Fact]
    public async Task Track_duplicate_message_id_is_published_once()
    {
        await using var app = await IngestionApp.StartAsync();
        var call = RetailSample.OrderCompletedCalls(RetailSample.Purchases(maxLines: 20)).First();

        using var first = await app.PostAsync("/v1/track", call);
        using var retry = await app.PostAsync("/v1/track", call);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var published = app.Published<UserActivityTracked>();
        Assert.Equal(published.Count, published.Select(message => message.EventId).Distinct().Count());
        Assert.Equal(published.Count, (await app.RecordedAsync<UserActivityTracked>()).Count);
        Assert.NotEmpty(published);
    }

    [Fact]
    public async Task Track_retried_without_message_id_is_published_once()
    {
        await using var app = await IngestionApp.StartAsync();
        const string call = """{"userId":"14688","event":"Product Viewed","properties":{"product_id":"22960","name":"JAM MAKING SET WITH JARS"}}""";

        using var first = await app.PostRawAsync("/v1/track", call);
        using var retry = await app.PostRawAsync("/v1/track", call);
        using var another = await app.PostRawAsync("/v1/track", call.Replace("22960", "22961", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(["22960", "22961"], app.Published<UserActivityTracked>().Select(view => view.ItemId));
    }

    [Fact]
    public async Task Track_timestamp_without_offset_is_taken_as_utc()
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostAsync("/v1/track", new { userId = "13047", @event = "Cart Viewed", timestamp = "2010-12-01T08:34:00" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DateTimeOffset(2010, 12, 1, 8, 34, 0, TimeSpan.Zero), Assert.Single(app.Published<UserActivityTracked>()).OccurredAt);
    }

    [Theory]
    [InlineData("""{"userId":"13047","event":"Cart Viewed","timestamp":"2024-03-06T10:00:01Z"}""", "Is more than 1 day ahead of this server's clock")]
    [InlineData("""{"userId":"13047","event":"Cart Viewed","timestamp":"0001-01-01T00:00:00Z","sentAt":"9999-12-31T23:59:59Z"}""", "before 2000-01-01")]
    [InlineData("""{"userId":"13047","event":"Cart Viewed","timestamp":"9999-12-31T23:59:59Z","sentAt":"0001-01-01T00:00:00Z"}""", "corrected for the sender's clock")]
    public async Task Track_timestamp_out_of_range_says_so_in_words_even_at_the_ends_of_time(string call, string message)
    {
        await using var app = await IngestionApp.StartAsync();

        using var response = await app.PostRawAsync("/v1/track", call);

        Assert.Contains(message, Assert.Single((await Problems.ValidationErrorsAsync(response))["timestamp"]), StringComparison.Ordinal);
        Assert.Empty(app.Published<UserActivityTracked>());
    }

    [Fact]
    public async Task Track_sent_as_plain_text_is_a_415_that_says_what_to_send()
    {
        await using var app = await IngestionApp.StartAsync();
        using var content = new StringContent("""{"userId":"13047","event":"Cart Viewed"}""", System.Text.Encoding.UTF8, "text/plain");

        using var response = await app.Client.PostAsync("/v1/track", content, TestContext.Current.CancellationToken);

        var detail = await Problems.DetailAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("'text/plain; charset=utf-8'", detail, StringComparison.Ordinal);
        Assert.Contains("reads application/json", detail, StringComparison.Ordinal);
        Assert.Empty(app.Published<UserActivityTracked>());
    }
}
