using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Embedding.Diagnostics;

namespace Tailor.Embedding.Model;

/// <summary>
/// all-MiniLM-L6-v2 sentence vectors (384 dimensions, unit length). The model loads on first use, once per process;
/// every method is safe to call from many threads.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    private readonly EmbeddingOptions _options;
    private readonly EmbeddingMetrics _metrics;
    private readonly ILogger<SentenceEmbedder> _logger;
    private readonly Lock _loading = new();
    private MiniLmSession? _model;

    public SentenceEmbedder(IOptions<EmbeddingOptions> options, EmbeddingMetrics metrics, ILogger<SentenceEmbedder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>The execution provider the model runs on (<c>cuda</c> or <c>cpu</c>); loads the model if needed.</summary>
    public string ExecutionProvider => Model.ExecutionProvider;

    /// <summary>Whether the model has been loaded: it loads on first use, so a process whose texts all come from the cache never loads it.</summary>
    public bool IsLoaded => Volatile.Read(ref _model) is not null;

    /// <summary>One vector per text, in the order given. Texts longer than the word-piece limit are truncated.</summary>
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        var model = Model;
        using var activity = EmbeddingTelemetry.Source.StartActivity("embed texts");
        activity?.SetTag(EmbeddingTelemetry.ExecutionProviderTag, model.ExecutionProvider);
        activity?.SetTag("tailor.embedding.texts", texts.Count);

        var encoded = texts.Select(text => model.Encode(text, _options.MaxWordPieces)).ToArray();

        // Runs take texts of similar length together, so a short product name is not padded to the longest review.
        var byLength = Enumerable.Range(0, encoded.Length).OrderBy(index => encoded[index].Length).ToArray();
        var vectors = new float[texts.Count][];
        foreach (var run in byLength.Chunk(_options.MaxInferenceBatch))
        {
            var started = Stopwatch.GetTimestamp();
            var pooled = model.Run(run.Select(index => encoded[index]).ToArray());
            _metrics.ModelRan(run.Length, Stopwatch.GetElapsedTime(started), model.ExecutionProvider);
            for (var i = 0; i < run.Length; i++)
            {
                vectors[run[i]] = pooled[i];
            }
        }

        return vectors;
    }

    public void Dispose() => _model?.Dispose();

    private MiniLmSession Model
    {
        get
        {
            var model = Volatile.Read(ref _model);
            if (model is not null)
            {
                return model;
            }

            // A failed load is not remembered: the next call tries again (a model file restored, a GPU freed).
            lock (_loading)
            {
                if (_model is null)
                {
                    var started = Stopwatch.GetTimestamp();
                    var loaded = MiniLmSession.Load(_options, _logger);
                    Log.ModelLoaded(
                        _logger, ModelName, loaded.ExecutionProvider, _options.IntraOpThreads,
                        (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Volatile.Write(ref _model, loaded);
                }

                return _model;
            }
        }
    }
}
