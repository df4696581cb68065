using System.Collections.Concurrent;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// Model calls and tokens spent per campaign in this process, against <see cref="LanguageModelOptions.MaxCallsPerCampaign"/>
/// and <see cref="LanguageModelOptions.MaxTokensPerCampaign"/>. A campaign over budget gets cached copy or templates.
/// </summary>
/// <remarks>Counted per process: with several ContentGeneration replicas each spends up to the budget.</remarks>
public sealed class GenerationBudget(LanguageModelOptions options)
{
    private readonly ConcurrentDictionary<string, Spent> _spent = new(StringComparer.Ordinal);

    /// <summary>Takes one call from the campaign's budget; false when none is left.</summary>
    public bool TryStartCall(string campaignId)
    {
        var spent = _spent.GetOrAdd(campaignId, _ => new Spent());
        if (Interlocked.Read(ref spent.Tokens) >= options.MaxTokensPerCampaign)
        {
            return false;
        }

        if (Interlocked.Increment(ref spent.Calls) > options.MaxCallsPerCampaign)
        {
            Interlocked.Decrement(ref spent.Calls);
            return false;
        }

        return true;
    }

    public void AddTokens(string campaignId, long tokens) =>
        Interlocked.Add(ref _spent.GetOrAdd(campaignId, _ => new Spent()).Tokens, tokens);

    public (long Calls, long Tokens) SpentBy(string campaignId) =>
        _spent.TryGetValue(campaignId, out var spent) ? (Interlocked.Read(ref spent.Calls), Interlocked.Read(ref spent.Tokens)) : (0, 0);

    private sealed class Spent
    {
        public long Calls;
        public long Tokens;
    }
}
