using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Embedding.Diagnostics;

namespace Tailor.Embedding.Model;

/// <summary>
/// Sentence vectors (unit length) from the configured <see cref="EmbeddingModel"/>. The model loads on first use, once
/// per process; every method is safe to call from many threads.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    private readonly EmbeddingOptions _options;
    private readonly EmbeddingMetrics _metrics;
    private readonly ILogger<SentenceEmbedder> _logger;
    private readonly Lock _loading = new();
    private readonly Lazy<InferenceBatcher> _batcher;
    private SentenceModelSession? _session;

    public SentenceEmbedder(IOptions<EmbeddingOptions> options, EmbeddingMetrics metrics, ILogger<SentenceEmbedder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        Model = _options.SelectedModel();
        _batcher = new(() => new InferenceBatcher(RunGroupedByLength, _options.MaxInferenceBatch, _options.BatchWindow));
    }

    /// <summary>The model whose name and version label every vector made here.</summary>
    public EmbeddingModel Model { get; }

    /// <summary>The execution provider the model runs on (<c>cuda</c> or <c>cpu</c>); loads the model if needed.</summary>
    public string ExecutionProvider => Session.ExecutionProvider;

    /// <summary>Whether the model has been loaded: it loads on first use, so a process whose texts all come from the cache never loads it.</summary>
    public bool IsLoaded => Volatile.Read(ref _session) is not null;

    /// <summary>
    /// One vector per text, in the order given, run together with the texts of other callers that arrive within
    /// <see cref="EmbeddingOptions.BatchWindow"/>. Texts longer than the word-piece limit are truncated.
    /// </summary>
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        using var activity = StartActivity(texts.Count);
        return await _batcher.Value.EmbedAsync(Encode(texts), cancellationToken);
    }

    /// <summary>One vector per text, in the order given, from this call's texts alone (no waiting for others).</summary>
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        using var activity = StartActivity(texts.Count);
        return RunGroupedByLength(Encode(texts));
    }

    public void Dispose()
    {
        if (_batcher.IsValueCreated)
        {
            _batcher.Value.Dispose();
        }

        _session?.Dispose();
    }

    private Activity? StartActivity(int texts)
    {
        var activity = EmbeddingTelemetry.Source.StartActivity("embed texts");
        activity?.SetTag(EmbeddingTelemetry.ModelTag, Model.Name);
        activity?.SetTag(EmbeddingTelemetry.ExecutionProviderTag, Session.ExecutionProvider);
        activity?.SetTag("tailor.embedding.texts", texts);
        return activity;
    }

    private int[][] Encode(IReadOnlyList<string> texts)
    {
        var session = Session;
        return [.. texts.Select(text => session.Encode(text, _options.MaxWordPieces))];
    }

    /// <summary>
    /// Runs take sequences of similar length together, so a short product name is not padded to the longest review;
    /// each run is padded to its own longest sequence.
    /// </summary>
    private float[][] RunGroupedByLength(IReadOnlyList<int[]> sequences)
    {
        var session = Session;
        var byLength = Enumerable.Range(0, sequences.Count).OrderBy(index => sequences[index].Length).ToArray();
        var vectors = new float[sequences.Count][];
        foreach (var run in byLength.Chunk(_options.MaxInferenceBatch))
        {
            var started = Stopwatch.GetTimestamp();
            var pooled = session.Run([.. run.Select(index => sequences[index])]);
            _metrics.ModelRan(run.Length, Stopwatch.GetElapsedTime(started), session.ExecutionProvider, Model.Name);
            for (var i = 0; i < run.Length; i++)
            {
                vectors[run[i]] = pooled[i];
            }
        }

        return vectors;
    }

    private SentenceModelSession Session
    {
        get
        {
            var session = Volatile.Read(ref _session);
            if (session is not null)
            {
                return session;
            }

            // A failed load is not remembered: the next call tries again (a model file restored, a GPU freed).
            lock (_loading)
            {
                if (_session is null)
                {
                    var started = Stopwatch.GetTimestamp();
                    var loaded = SentenceModelSession.Load(_options, _logger);
                    Log.ModelLoaded(
                        _logger, Model.Name, Model.Version, loaded.ExecutionProvider, _options.IntraOpThreads,
                        (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    _metrics.ModelLoaded(Model.Name, loaded.ExecutionProvider);
                    Volatile.Write(ref _session, loaded);
                }

                return _session;
            }
        }
    }
}
