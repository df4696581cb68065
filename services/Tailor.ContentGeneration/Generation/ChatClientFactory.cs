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

    /// <summary>The name emails carry as their model version, such as <c>openai/gpt-4o-mini</c> or <c>onnxgenai/phi-3.5-mini</c>.</summary>
    public static string ModelVersion(LanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = options.Provider == LanguageModelProvider.OnnxGenAI && string.IsNullOrWhiteSpace(options.Model)
            ? Path.GetFileName(Path.TrimEndingDirectorySeparator(options.ModelPath ?? string.Empty))
            : options.Model;
        return $"{options.Provider.ToString().ToLowerInvariant()}/{model}";
    }

    // The managed API is referenced; the native onnxruntime-genai library (CPU or CUDA build) ships with the deployment,
    // because its CPU package would bring a second ONNX Runtime next to the GPU one Embedding loads.
    private static IChatClient OnnxGenAI(string modelPath)
    {
        try
        {
            return new Microsoft.ML.OnnxRuntimeGenAI.OnnxRuntimeGenAIChatClient(modelPath);
        }
        catch (Exception missing) when (missing is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            throw new InvalidOperationException(
                "The ONNX Runtime GenAI native library (onnxruntime-genai) was not found. Install it next to Tailor: the "
                + "runtimes folder of the Microsoft.ML.OnnxRuntimeGenAI or Microsoft.ML.OnnxRuntimeGenAI.Cuda NuGet package, "
                + "or a build from github.com/microsoft/onnxruntime-genai.", missing);
        }
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
        LanguageModelProvider.OnnxGenAI => OnnxGenAI(options.ModelPath!),
        _ => throw new InvalidOperationException($"Unknown language model provider {options.Provider}."),
    };
}
