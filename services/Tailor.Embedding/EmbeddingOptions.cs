using System.ComponentModel.DataAnnotations;
using Tailor.Embedding.Model;
using Tailor.OptionsValidation;

namespace Tailor.Embedding;

/// <summary>Settings of the Embedding service (section <c>Tailor:Embedding</c>).</summary>
public sealed class EmbeddingOptions : IValidatableObject
{
    public const string Section = "Tailor:Embedding";

    /// <summary>
    /// The model: <c>all-MiniLM-L6-v2</c> (default) or <c>snowflake-arctic-embed-xs</c>. Changing it starts every user's
    /// interests and every item's vector over, since vectors of different models are never compared.
    /// </summary>
    [Required]
    public string Model { get; set; } = EmbeddingModels.MiniLmName;

    /// <summary>The model <see cref="Model"/> names.</summary>
    /// <remarks>
    /// A method, not a property: validation at start reads every property of the options, and a getter that throws on
    /// an unknown name would crash it before <see cref="Validate"/> could name the setting.
    /// </remarks>
    public EmbeddingModel SelectedModel() => EmbeddingModels.Named(Model);

    /// <summary>Where inference runs: <c>auto</c> and <c>cuda</c> try CUDA first and fall back to the CPU.</summary>
    public EmbeddingDevice Device { get; set; } = EmbeddingDevice.Auto;

    /// <summary>
    /// The assembly that carries <c>model.onnx</c> and <c>vocab.txt</c> as resources, when not the one the build copies
    /// for <see cref="Model"/> (<c>models/{name}/SentenceTransformers.*.dll</c>); relative paths are resolved against the
    /// application's folder. It must hold the same weights: vectors are labelled with the model's name and version.
    /// </summary>
    public string? ModelAssemblyPath { get; set; }

    /// <summary>ONNX Runtime intra-op threads; one per core by default.</summary>
    [Range(1, 1024)]
    public int IntraOpThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Longest input in word pieces, [CLS] and [SEP] included; the model was trained on 256.</summary>
    [Range(8, 512)]
    public int MaxWordPieces { get; set; } = 256;

    /// <summary>Most texts in one model run; bigger batches are split into runs of texts of similar length.</summary>
    [Range(1, 1024)]
    public int MaxInferenceBatch { get; set; } = 64;

    /// <summary>
    /// How long the model waits after a request for others to join its run (dynamic batching). Zero runs each request
    /// as it comes, together with whatever queued while the previous run was busy.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:00:01")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>ONNX Runtime's CPU memory arena: buffers of one run are reused by the next instead of allocated again.</summary>
    public bool MemoryArena { get; set; } = true;

    /// <summary>Most messages a consumer takes as one batch.</summary>
    [Range(1, 1000)]
    public int MessageBatchLimit { get; set; } = 128;

    /// <summary>How long a consumer waits for a batch to fill before it takes what has arrived.</summary>
    [TimeSpanRange("00:00:00.001", "00:00:10")]
    public TimeSpan MessageBatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>The age at which a piece of evidence counts half as much as a new one in a user's interests.</summary>
    [TimeSpanRange("01:00:00", "3650.00:00:00")]
    public TimeSpan InterestHalfLife { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Distinct texts whose vectors are kept in memory, so each is embedded once.</summary>
    [Range(1, 10_000_000)]
    public int TextCacheEntries { get; set; } = 20_000;

    /// <summary>How long a text's vector stays in the shared (Redis) cache after it was last embedded.</summary>
    [TimeSpanRange("00:01:00", "3650.00:00:00")]
    public TimeSpan SharedTextCacheLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Item vectors kept in memory in front of the document store.</summary>
    [Range(1, 10_000_000)]
    public int ItemCacheEntries { get; set; } = 50_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!EmbeddingModels.All.Any(model => string.Equals(model.Name, Model, StringComparison.OrdinalIgnoreCase)))
        {
            yield return new ValidationResult(
                $"Tailor:Embedding:Model '{Model}' is not a model of this build; use one of {string.Join(", ", EmbeddingModels.All.Select(model => model.Name))}.",
                [nameof(Model)]);
        }
    }
}
