using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using Tailor.Embedding;
using Tailor.Embedding.Diagnostics;
using Tailor.Embedding.Model;
using Tailor.Host.Demo;

namespace Tailor.Bench;

/// <summary>
/// Sentences per second of the Embedding service's <see cref="SentenceEmbedder"/> (tokenise, group by length, run,
/// pool) against the raw ONNX Runtime session run on the same token ids, prepared beforehand, at several batch sizes
/// (best of five passes each),
/// on short texts (product names) and long ones (a paragraph of about a hundred word pieces).
/// </summary>
internal static class EmbeddingRun
{
    private static readonly int[] BatchSizes = [1, 8, 32, 128];

    public static string Run(TextWriter progress)
    {
        var names = ProductNames();
        var paragraphs = names.Chunk(14).Select(chunk => "I bought " + string.Join(", then ", chunk).ToLowerInvariant() + ".").Take(128).ToList();
        var lines = new List<string>
        {
            $"### Embedding throughput, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC",
            string.Empty,
            $"Command: `dotnet run -c Release --project bench/Tailor.Bench -- embedding`; {Environment.ProcessorCount} cores.",
            string.Empty,
        };
        foreach (var model in EmbeddingModels.All)
        {
            lines.AddRange(RunModel(model, names, paragraphs, progress));
        }

        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static IEnumerable<string> RunModel(EmbeddingModel model, List<string> names, List<string> paragraphs, TextWriter progress)
    {
        var options = new EmbeddingOptions { Model = model.Name };
        using var services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton(Options.Create(options))
            .AddSingleton<EmbeddingMetrics>()
            .AddSingleton<SentenceEmbedder>()
            .BuildServiceProvider();
        var embedder = services.GetRequiredService<SentenceEmbedder>();
        using var raw = SentenceModelSession.Load(options, NullLogger.Instance);
        embedder.Embed(names.Take(16).ToList()); // loads the model and warms it up

        var lines = new List<string>
        {
            $"{model} on the {embedder.ExecutionProvider} provider, {options.IntraOpThreads} intra-op threads:",
            string.Empty,
            "| texts | batch | service sentences/s | raw session sentences/s | service / raw |",
            "|---|---:|---:|---:|---:|",
        };
        foreach (var (label, texts) in new[] { ("short (product names)", names.Take(256).ToList()), ("long (a paragraph)", paragraphs) })
        {
            foreach (var batch in BatchSizes)
            {
                var service = Measure(() => { foreach (var chunk in texts.Chunk(batch)) { embedder.Embed(chunk); } }, texts.Count);
                var prepared = texts.Chunk(batch).Select(chunk => chunk.Select(text => raw.Encode(text, options.MaxWordPieces)).ToArray()).ToList();
                var session = Measure(() => { foreach (var ids in prepared) { RunRaw(raw, ids); } }, texts.Count);
                progress.WriteLine($"  {model.Name}, {label}, batch {batch}: service {service:N0}/s, raw {session:N0}/s");
                lines.Add($"| {label} | {batch} | {service:N0} | {session:N0} | {service / session:F2} |");
            }
        }

        // Dynamic batching: the same short texts as concurrent one-text requests (as consumers of several queues send
        // them), against the same requests made one after another.
        var requests = names.Take(256).ToList();
        var oneByOne = Measure(() => { foreach (var text in requests) { embedder.Embed([text]); } }, requests.Count);
        var concurrent = Measure(
            () => Task.WhenAll(requests.Select(text => embedder.EmbedAsync([text], CancellationToken.None))).GetAwaiter().GetResult(),
            requests.Count);
        progress.WriteLine($"  {model.Name}, dynamic batching: {concurrent:N0}/s concurrent, {oneByOne:N0}/s one by one");
        lines.Add(string.Empty);
        lines.Add(
            $"Dynamic batching ({options.BatchWindow.TotalMilliseconds:0} ms window): {requests.Count} one-text requests made at once " +
            $"{concurrent:N0} sentences/s, made one after another {oneByOne:N0} sentences/s, ratio {concurrent / oneByOne:F1}.");
        lines.Add(string.Empty);
        return lines;
    }

    // The best of five passes: on a shared machine the slower passes measure the neighbours, not the code.
    private static double Measure(Action work, int texts)
    {
        var best = 0.0;
        for (var pass = 0; pass < 5; pass++)
        {
            var clock = Stopwatch.StartNew();
            work();
            best = Math.Max(best, texts / clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    // Timed: the input tensors from token ids tokenised beforehand (padded as the service pads), and the session's Run.
    private static void RunRaw(SentenceModelSession model, int[][] sequences)
    {
        var rows = sequences.Length;
        var width = sequences.Max(sequence => sequence.Length);
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        for (var row = 0; row < rows; row++)
        {
            for (var token = 0; token < sequences[row].Length; token++)
            {
                ids[(row * width) + token] = sequences[row][token];
                mask[(row * width) + token] = 1;
            }
        }

        long[] shape = [rows, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape);
        var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal) { ["input_ids"] = idsValue, ["attention_mask"] = maskValue };
        if (model.TakesTokenTypes)
        {
            inputs["token_type_ids"] = typesValue;
        }

        using var runOptions = new RunOptions();
        using var outputs = model.RawSession.Run(runOptions, inputs, [model.RawSession.OutputNames[0]]);
    }

    private static List<string> ProductNames() =>
        [.. OnlineRetailReader.Read(new FileInfo(Path.Combine(AppContext.BaseDirectory, "SampleData", "online-retail-2010-12.csv.gz")))
            .Select(line => line.Description)
            .Where(description => !string.IsNullOrWhiteSpace(description))
            .Distinct(StringComparer.Ordinal)
            .Take(2048)];
}
