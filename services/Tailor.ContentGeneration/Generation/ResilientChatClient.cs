using System.ClientModel;
using System.Net;
using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// Polly around every model call: a timeout per attempt, retries with exponential backoff and jitter on timeouts,
/// 429 and 5xx answers and broken connections, and a circuit breaker that stops calling a failing model for a while
/// (callers then fall back to the template composer at once instead of waiting for timeouts).
/// </summary>
public sealed class ResilientChatClient(IChatClient inner, LanguageModelOptions options, TimeProvider clock) : DelegatingChatClient(inner)
{
    private readonly ResiliencePipeline _pipeline = Build(options, clock);

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        return _pipeline.ExecuteAsync(token => new ValueTask<ChatResponse>(base.GetResponseAsync(list, options, token)), cancellationToken).AsTask();
    }

    /// <summary>Whether a failure is worth another attempt: overload, server errors and timeouts are; a 400 or 401 is not.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutRejectedException => true,
        ClientResultException { Status: 408 or 429 or >= 500 } => true,
        ClientResultException { Status: 0 } => true,
        HttpRequestException { StatusCode: null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError } => true,
        _ => false,
    };

    private static ResiliencePipeline Build(LanguageModelOptions options, TimeProvider clock)
    {
        var transient = new PredicateBuilder().Handle<Exception>(IsTransient);
        return new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumCalls,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.Timeout)
            .Build();
    }
}
