using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;

namespace Tailor.ContentGeneration.Generation;

/// <summary>Starts at most <see cref="LanguageModelOptions.RequestsPerSecond"/> model calls per second from this process; the rest wait their turn.</summary>
public sealed class RateLimitedChatClient(IChatClient inner, LanguageModelOptions options) : DelegatingChatClient(inner)
{
    private readonly TokenBucketRateLimiter _limiter = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, (int)Math.Ceiling(options.RequestsPerSecond)),
        TokensPerPeriod = Math.Max(1, (int)Math.Round(options.RequestsPerSecond)),
        ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, Math.Round(options.RequestsPerSecond)) / options.RequestsPerSecond),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        return await base.GetResponseAsync(messages, options, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _limiter.Dispose();
        }

        base.Dispose(disposing);
    }
}
