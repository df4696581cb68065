using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Tailor.Host.Demo;

/// <summary>The demo's HTTP client of Ingestion: the same endpoints, JSON and API key a platform team uses.</summary>
public sealed class IngestionClient
{
    public const int CatalogChunk = 500;
    public const int BatchChunk = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    public IngestionClient(HttpClient http, string apiKey)
    {
        _http = http;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public async Task SendCatalogAsync(IReadOnlyList<object> items, Action<long> progress, CancellationToken cancellationToken)
    {
        for (var start = 0; start < items.Count; start += CatalogChunk)
        {
            var chunk = items.Skip(start).Take(CatalogChunk).ToList();
            using var _ = await PostAsync("/v1/catalog", new { items = chunk }, cancellationToken);
            progress(start + chunk.Count);
        }
    }

    public async Task SendEventsAsync(IReadOnlyList<object> events, Action<long> progress, CancellationToken cancellationToken)
    {
        for (var start = 0; start < events.Count; start += BatchChunk)
        {
            var chunk = events.Skip(start).Take(BatchChunk).ToList();
            using var _ = await PostAsync("/v1/batch", new { batch = chunk }, cancellationToken);
            progress(start + chunk.Count);
        }
    }

    /// <param name="controlShare">The share held out as the control group; null for Ingestion's default.</param>
    public async Task<string> RequestCampaignAsync(
        string name, string goal, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken, double? controlShare = null)
    {
        var body = new { name, goal, audience = "all", sendWindow = new { start = windowStart, end = windowEnd }, controlShare };
        using var response = await PostAsync("/v1/campaigns", body, cancellationToken);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return accepted.GetProperty("campaignId").GetString()
            ?? throw new InvalidOperationException("Ingestion accepted the campaign but returned no campaignId.");
    }

    /// <summary>What Tailor holds about a user (<c>GET /v1/users/{id}/export</c>), or null when it holds nothing.</summary>
    public async Task<JsonElement?> ExportUserAsync(string userId, CancellationToken cancellationToken)
    {
        var path = $"/v1/users/{Uri.EscapeDataString(userId)}/export";
        using var response = await _http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        var response = await _http.PostAsJsonAsync(path, body, Json, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {problem}");
        }

        return response;
    }
}
