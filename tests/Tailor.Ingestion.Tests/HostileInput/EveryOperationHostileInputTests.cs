using System.Text.Json;
using Tailor.Ingestion.Tests.Links;
using Tailor.Ingestion.Tests.Webhooks;

namespace Tailor.Ingestion.Tests.HostileInput;

/// <summary>
/// Every operation of the OpenAPI document (and the HEAD of each link, which it leaves out) gets the fixed hostile set of
/// <see cref="HostileRequests"/>: each answer is below 500; a 4xx is RFC 9457 problem details with a <c>detail</c> or
/// <c>errors</c>; a refused request publishes nothing. A failure lists every request that broke the rule, with the
/// answer, so each can be replayed by hand.
/// </summary>
public sealed class EveryOperationHostileInputTests
{
    public static TheoryData<string> Operations
    {
        get
        {
            using var signer = new ProviderSigner();
            return [.. OperationSample.All(signer).Select(sample => sample.Key)];
        }
    }

    [Fact]
    public async Task Every_documented_operation_is_in_the_hostile_set()
    {
        using var signer = new ProviderSigner();
        await using var app = await IngestionApp.StartAsync();

        var documented = await DocumentedOperation.ReadAsync(app);

        var sampled = OperationSample.All(signer).Select(sample => sample.Key).ToList();
        Assert.All(documented, operation => Assert.Contains(operation.Key, sampled));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Hostile_requests_are_answered_below_500_with_problem_details_and_publish_nothing_refused(string operation)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var signer = new ProviderSigner();
        await using var app = await IngestionApp.StartAsync(configure: Settings(signer));
        var sample = OperationSample.All(signer).Single(candidate => candidate.Key == operation);
        // HEAD is left out of the document, where GET implies it.
        var documented = (await DocumentedOperation.ReadAsync(app)).Single(candidate => candidate.Key == operation.Replace("HEAD ", "GET ", StringComparison.Ordinal));
        using var client = app.AnonymousClient();

        var failures = new List<string>();
        var sent = 0;
        foreach (var hostile in HostileRequests.For(sample, documented.BodyFields))
        {
            var publishedBefore = Published(app);
            using var request = Request(sample, hostile);
            using var response = await client.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            sent++;
            if (Broken(sample, documented, request.RequestUri!, response, answer, Published(app) - publishedBefore) is { } rule)
            {
                failures.Add(
                    $"{operation} with {hostile.Name}: {rule}\n  request: {sample.Method} {HostileRequest.Excerpt(hostile.Path)}, " +
                    $"Content-Type {hostile.ContentType ?? "none"}, body {hostile.BodyExcerpt}\n" +
                    $"  answer: {(int)response.StatusCode} {response.Content.Headers.ContentType}, {HostileRequest.Excerpt(answer)}");
            }
        }

        Assert.True(sent > 0, $"{operation}: no hostile request was made");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests broke the rules:\n{string.Join("\n", failures)}");
    }

    /// <returns>The rule the answer breaks, or null.</returns>
    private static string? Broken(
        OperationSample sample, DocumentedOperation documented, Uri sent, HttpResponseMessage response, string answer, int published)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "a server error";
        }

        if (status >= 400 && published > 0)
        {
            return $"refused, yet {published} message(s) published";
        }

        if (status is < 400 or >= 500)
        {
            return null;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType != Problems.ContentType)
        {
            // The unsubscribe page's route promises its 404 as a page, to whoever opens the link.
            return documented.Promises(status, mediaType) ? null : "a 4xx that is not problem details, nor what the document promises for it";
        }

        // HEAD answers with GET's headers and no body (RFC 9110). A path the client resolved out of Ingestion's API and
        // links ("/u/%2E%2E" is sent as "/") keeps the plain problem any unknown path gets (UnmatchedRouteTests).
        return sample.Method == "HEAD" || ExplainsItself(answer) || !InSurface(sent.AbsolutePath) ? null : "problem details without a detail or errors";
    }

    private static bool InSurface(string path) =>
        new[] { "/v1/", "/c/", "/u/" }.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static bool ExplainsItself(string answer)
    {
        using var problem = JsonDocument.Parse(answer);
        var root = problem.RootElement;
        return (root.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString()))
            || (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any());
    }

    private static HttpRequestMessage Request(OperationSample sample, HostileRequest hostile)
    {
        var request = new HttpRequestMessage(new HttpMethod(sample.Method), hostile.Path);
        if (hostile.Body is not null)
        {
            request.Content = new ByteArrayContent(hostile.Body);
            if (hostile.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
            }
        }

        if (hostile.Authenticated)
        {
            sample.Authenticate(request);
        }
        else if (hostile.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", hostile.Authorization);
        }

        return request;
    }

    private static int Published(IngestionApp app) => app.Harness.Published.Select(_ => true, TestContext.Current.CancellationToken).Count();

    // Every webhook configured but SendGrid's key, so SendGrid's events are read unsigned (as Ingestion does without the
    // key) and each field reaches the reader; no rate limit; a rollback waits briefly for the Recommendation that is not there.
    private static Dictionary<string, string?> Settings(ProviderSigner signer)
    {
        var settings = signer.Configuration.Where(setting => !setting.Key.EndsWith("SendGridPublicKey", StringComparison.Ordinal))
            .Concat(TailorLinks.Settings)
            .ToDictionary();
        settings["Tailor:Ingestion:RateLimitPerSecond"] = "1000000";
        settings["Tailor:Ingestion:RateLimitBurst"] = "1000000";
        settings["Tailor:Ingestion:RollbackWait"] = "00:00:00.100";
        return settings;
    }
}
