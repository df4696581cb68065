using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OllamaSharp;
using OpenAI;
using Tailor.ContentGeneration.Diagnostics;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// Builds the configured <see cref="IChatClient"/> with Tailor's middleware, outermost first: logging, rate limiting,
/// Polly (timeouts, retries, circuit breaker), then OpenTelemetry with the GenAI semantic conventions (one span per
/// attempt, with model and token counts; prompts and answers are not recorded), then the provider's client.
/// </summary>
public static class ChatClientFactory
{
    /// <summary>The client, or null when no provider is configured.</summary>
    public static IChatClient? Create(LanguageModelOptions options, ILoggerFactory loggers, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        var provider = Provider(options);
        if (provider is null)
        {
            return null;
        }

        return new ChatClientBuilder(provider)
            .UseLogging(loggers)
            .Use(inner => new RateLimitedChatClient(inner, options))
            .Use(inner => new ResilientChatClient(inner, options, clock))
            .UseOpenTelemetry(loggers, ContentGenerationTelemetry.Name, telemetry => telemetry.EnableSensitiveData = false)
            .Build();
    }

    /// <summary>The name emails carry as their model version, such as <c>openai/gpt-4o-mini</c>.</summary>
    public static string ModelVersion(LanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"{options.Provider.ToString().ToLowerInvariant()}/{options.Model}";
    }

    private static IChatClient? Provider(LanguageModelOptions options) => options.Provider switch
    {
        LanguageModelProvider.None => null,
        LanguageModelProvider.OpenAI => new OpenAI.Chat.ChatClient(
            options.Model,
            new ApiKeyCredential(options.ApiKey!),
            new OpenAIClientOptions
            {
                Endpoint = options.Endpoint is { Length: > 0 } endpoint ? new Uri(endpoint) : null,
                // Polly retries and times out; the SDK's own retries would multiply the attempts and hide the delays.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(5),
            }).AsIChatClient(),
        LanguageModelProvider.Ollama => new OllamaApiClient(new Uri(options.Endpoint!), options.Model!),
        _ => throw new InvalidOperationException($"Unknown language model provider {options.Provider}."),
    };
}
