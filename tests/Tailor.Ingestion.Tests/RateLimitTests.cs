using System.Net;

namespace Tailor.Ingestion.Tests;

/// <summary>Each key has its own token bucket; past it, 429 with Retry-After, and other keys are unaffected.</summary>
public sealed class RateLimitTests
{
    private static readonly Dictionary<string, string?> TinyBucket = new()
    {
        ["Tailor:Ingestion:RateLimitPerSecond"] = "1",
        ["Tailor:Ingestion:RateLimitBurst"] = "2",
    };

    [Fact]
    public async Task Requests_past_the_burst_are_429_with_retry_after_and_other_keys_still_pass()
    {
        await using var app = await IngestionApp.StartAsync(configure: TinyBucket);
        const string body = """{"userId":"12583","event":"Cart Viewed"}""";
        using var other = await ApiKeyAuthenticationTests.ClientWithScopesAsync(app, Security.ApiScopes.Events);

        // The burst holds two requests (one spent creating the other key); a slow machine refilling the bucket meanwhile only adds 200s before the 429.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 50 && refused is null; attempt++)
        {
            var response = await app.PostRawAsync("/v1/track", body);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal("Too many requests", await Problems.TitleAsync(refused, HttpStatusCode.TooManyRequests));
            Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        using var otherResponse = await other.PostAsync(
            "/v1/track", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
    }
}
