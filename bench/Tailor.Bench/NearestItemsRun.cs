using System.Diagnostics;
using System.Numerics.Tensors;
using Tailor.Recommendation.Content;

namespace Tailor.Bench;

/// <summary>
/// Exact nearest-neighbour search (<see cref="NearestItems"/>) over catalogs of growing size: milliseconds per query
/// for the ten best of random unit vectors of the embedding's 384 dimensions, one query at a time on one thread, and
/// the same queries searched together (<see cref="NearestItems.SearchMany"/>, as Recommendation searches a batch of
/// cold-start users).
/// </summary>
internal static class NearestItemsRun
{
    private const int Dimensions = 384;
    private const int Queries = 200;
    private static readonly int[] CatalogSizes = [1_000, 10_000, 100_000, 300_000];

    public static string Run(TextWriter progress)
    {
        var random = new Random(42);
        var lines = new List<string>
        {
            $"### Nearest items (exact), {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC",
            string.Empty,
            $"Command: `dotnet run -c Release --project bench/Tailor.Bench -- knn`; {Queries} queries of the 10 best, {Dimensions} dimensions, {Environment.ProcessorCount} cores.",
            string.Empty,
            "| items | ms per query, one at a time | queries/s | ms per query, all together | queries/s |",
            "|---:|---:|---:|---:|---:|",
        };
        foreach (var size in CatalogSizes)
        {
            var index = new NearestItems(Dimensions, size);
            for (var item = 0; item < size; item++)
            {
                index.Upsert($"item-{item}", UnitVector(random));
            }

            var queries = Enumerable.Range(0, Queries).Select(_ => UnitVector(random)).ToList();
            foreach (var warmUp in queries.Take(10))
            {
                index.Search(warmUp, 10);
            }

            var clock = Stopwatch.StartNew();
            foreach (var query in queries)
            {
                index.Search(query, 10);
            }

            var perQuery = clock.Elapsed.TotalMilliseconds / Queries;
            clock.Restart();
            index.SearchMany(queries, 10);
            var perQueryTogether = clock.Elapsed.TotalMilliseconds / Queries;
            progress.WriteLine($"  {size:N0} items: {perQuery:F3} ms per query alone, {perQueryTogether:F3} together");
            lines.Add($"| {size:N0} | {perQuery:F3} | {1000 / perQuery:N0} | {perQueryTogether:F3} | {1000 / perQueryTogether:N0} |");
        }

        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static float[] UnitVector(Random random)
    {
        var vector = new float[Dimensions];
        for (var index = 0; index < Dimensions; index++)
        {
            vector[index] = (float)(random.NextDouble() - 0.5);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
