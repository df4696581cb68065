using System.ClientModel;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// Why a model call failed, in words a log line may carry. A provider's error text can quote what it was sent (the
/// prompt holds the reader's first name) or part of the API key ("Incorrect API key provided: sk-…abcd"), and logs are
/// kept for months and shipped elsewhere: of a refused call only its HTTP status is kept, and the texts of Tailor's own
/// timeout, circuit breaker and cancellation, which say nothing of the request.
/// </summary>
internal static class LanguageModelFailure
{
    public static string Reason(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } refused => $"HTTP {refused.Status}",
        ClientResultException => "no answer",
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException unanswered => unanswered.HttpRequestError.ToString(),
        TimeoutRejectedException or BrokenCircuitException or OperationCanceledException => exception.Message,
        _ => "its message is left out, as a provider's may quote the request or the key",
    };
}
