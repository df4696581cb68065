using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Diagnostics;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// Gets one segment's copy from the language model: from the cache when users with the same campaign, segment and
/// products already got it; otherwise asks the model for JSON against <see cref="EmailCopyDraft"/>'s schema, checks it
/// (<see cref="DraftChecks"/>), asks once more with the problems if it fails, and gives up (null: the caller uses the
/// template composer) after that, or when the model fails, the circuit is open, or the campaign's budget is spent.
/// </summary>
public sealed class LanguageModelWriter : IDisposable
{
    private readonly IChatClient? _client;
    private readonly LanguageModelOptions _options;
    private readonly GenerationBudget _budget;
    private readonly ContentGenerationMetrics _metrics;
    private readonly ILogger<LanguageModelWriter> _logger;
    private readonly MemoryCache _cache;
    private readonly string _modelVersion;

    public LanguageModelWriter(IOptions<LanguageModelOptions> options, ContentGenerationMetrics metrics, ILoggerFactory loggers, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _client = ChatClientFactory.Create(_options, loggers, clock);
        _budget = new GenerationBudget(_options);
        _metrics = metrics;
        _logger = loggers.CreateLogger<LanguageModelWriter>();
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.CopyCacheEntries });
        _modelVersion = ChatClientFactory.ModelVersion(_options);
    }

    /// <summary>Whether a model is configured; without one every call returns null at once.</summary>
    public bool IsConfigured => _client is not null;

    /// <summary>Calls and tokens the campaign has spent in this process.</summary>
    public (long Calls, long Tokens) SpentBy(string campaignId) => _budget.SpentBy(campaignId);

    public async Task<GeneratedCopy?> WriteAsync(string campaignId, CopyFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (_client is null)
        {
            return null;
        }

        var key = CacheKey(campaignId, facts);
        if (_cache.TryGetValue(key, out GeneratedCopy? cached) && cached is not null)
        {
            _metrics.Generation("cache-hit");
            return cached;
        }

        IReadOnlyList<string>? problems = null;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            if (!_budget.TryStartCall(campaignId))
            {
                _metrics.Generation("over-budget");
                Log.GenerationOverBudget(_logger, campaignId);
                return null;
            }

            EmailCopyDraft? draft;
            try
            {
                draft = await AskAsync(campaignId, facts, problems, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Timeouts after retries, an open circuit, a refused request: this email gets the template, the campaign goes on.
                _metrics.Generation("model-failed");
                Log.GenerationFailed(_logger, campaignId, exception.GetType().Name, LanguageModelFailure.Reason(exception));
                return null;
            }

            problems = DraftChecks.Problems(draft, facts);
            if (problems.Count == 0)
            {
                var copy = new GeneratedCopy(draft!, _modelVersion);
                _cache.Set(key, copy, new MemoryCacheEntryOptions { Size = 1 });
                _metrics.Generation(attempt == 1 ? "accepted" : "accepted-on-retry");
                return copy;
            }

            Log.DraftRejected(_logger, campaignId, attempt, string.Join("; ", DraftChecks.WithoutDraftText(problems, draft)));
        }

        _metrics.Generation("rejected");
        return null;
    }

    public void Dispose()
    {
        _cache.Dispose();
        _client?.Dispose();
    }

    private async Task<EmailCopyDraft?> AskAsync(string campaignId, CopyFacts facts, IReadOnlyList<string>? problems, CancellationToken cancellationToken)
    {
        var chatOptions = new ChatOptions { MaxOutputTokens = _options.MaxOutputTokens, Temperature = _options.Temperature };
        var response = await _client!.GetResponseAsync<EmailCopyDraft>(
            EmailPrompt.For(facts, problems), GenerationJson.Options, chatOptions, useJsonSchemaResponseFormat: true, cancellationToken);
        if (response.Usage is { } usage)
        {
            var tokens = (usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0);
            _budget.AddTokens(campaignId, tokens);
            _metrics.Tokens(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0, _modelVersion);
        }

        try
        {
            return response.TryGetResult(out var draft) ? draft : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Copy depends on the campaign, the segment and the products (with their names and prices), nothing else.
    private static string CacheKey(string campaignId, CopyFacts facts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(campaignId + "\n" + JsonSerializer.Serialize(facts, GenerationJson.Options))));
}
