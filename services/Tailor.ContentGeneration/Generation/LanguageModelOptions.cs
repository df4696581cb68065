using System.ComponentModel.DataAnnotations;
using Tailor.OptionsValidation;

namespace Tailor.ContentGeneration.Generation;

/// <summary>Which language model writes email copy, and the limits around it (section <c>Tailor:ContentGeneration:LanguageModel</c>).</summary>
/// <remarks>With <see cref="Provider"/> <c>None</c> (the default) every email is written by the template composer.</remarks>
public sealed class LanguageModelOptions : IValidatableObject
{
    public const string Section = "Tailor:ContentGeneration:LanguageModel";

    public LanguageModelProvider Provider { get; set; } = LanguageModelProvider.None;

    /// <summary>
    /// Base URL of the API: for <c>OpenAI</c> any OpenAI-compatible server (<c>https://api.openai.com/v1</c> when empty;
    /// Azure OpenAI, vLLM, llama.cpp server, LM Studio at their <c>/v1</c>), for <c>Ollama</c> its address (<c>http://localhost:11434</c>).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>For <c>OnnxGenAI</c>: the model folder (with its <c>genai_config.json</c>), for example a Phi-3.5-mini ONNX export.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The model id, for example <c>gpt-4o-mini</c> or <c>llama3.1:8b</c> (for <c>OnnxGenAI</c>, a name for telemetry).</summary>
    public string? Model { get; set; }

    /// <summary>The API key (OpenAI-compatible servers that need none accept any value). A secret: set it from the environment.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How the brand speaks; handed to the model as a fact about the brand.</summary>
    [StringLength(300)]
    public string BrandVoice { get; set; } = "warm, concise and plain-spoken; British English";

    /// <summary>
    /// Whether the model is told the reader's first name (so a subject may use it). Off keeps every personal datum but
    /// the products and their reasons away from the model's provider; copy is then cached for all readers alike.
    /// </summary>
    public bool ShareFirstName { get; set; } = true;

    /// <summary>Longest one call may take before it is abandoned (and retried).</summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per call on timeouts, 429 and 5xx answers, with exponential backoff.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Share of failing calls (over at least <see cref="BreakerMinimumCalls"/> in 30 s) that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 10_000)]
    public int BreakerMinimumCalls { get; set; } = 10;

    /// <summary>How long an open circuit sends every email to the template composer before trying the model again.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls to the model this process starts per second, at most (a token bucket).</summary>
    [Range(0.1, 10_000.0)]
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>Most model calls one campaign may make; past it, its emails reuse cached copy or use the template composer.</summary>
    [Range(1, 10_000_000)]
    public int MaxCallsPerCampaign { get; set; } = 500;

    /// <summary>Most tokens (in and out) one campaign may spend.</summary>
    [Range(1, 1_000_000_000)]
    public long MaxTokensPerCampaign { get; set; } = 1_000_000;

    [Range(64, 16_384)]
    public int MaxOutputTokens { get; set; } = 800;

    [Range(0.0, 2.0)]
    public float Temperature { get; set; } = 0.7f;

    /// <summary>Copies kept for reuse by users with the same campaign, segment and products.</summary>
    [Range(1, 10_000_000)]
    public int CopyCacheEntries { get; set; } = 10_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == LanguageModelProvider.None)
        {
            yield break;
        }

        if (Provider == LanguageModelProvider.OnnxGenAI)
        {
            if (string.IsNullOrWhiteSpace(ModelPath) || !File.Exists(Path.Combine(ModelPath, "genai_config.json")))
            {
                yield return new ValidationResult(
                    $"{nameof(ModelPath)} must be an ONNX Runtime GenAI model folder holding genai_config.json; '{ModelPath}' is not.", [nameof(ModelPath)]);
            }

            yield break;
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"{nameof(Model)} is required when {nameof(Provider)} is {Provider}.", [nameof(Model)]);
        }

        if (Endpoint is { Length: > 0 } && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"{nameof(Endpoint)} must be an absolute http(s) URL.", [nameof(Endpoint)]);
        }

        if (Provider == LanguageModelProvider.OpenAI && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult($"{nameof(ApiKey)} is required for an OpenAI-compatible endpoint (any value for servers that need none).", [nameof(ApiKey)]);
        }

        if (Provider == LanguageModelProvider.Ollama && string.IsNullOrWhiteSpace(Endpoint))
        {
            yield return new ValidationResult($"{nameof(Endpoint)} is required for Ollama (for example http://localhost:11434).", [nameof(Endpoint)]);
        }
    }
}
