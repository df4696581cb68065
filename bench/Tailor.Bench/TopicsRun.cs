using System.Diagnostics;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Topic;
using Tailor.Topic.Modeling;

namespace Tailor.Bench;

/// <summary>
/// The topic model on an Online Retail file, as the Topic service trains it: one document per customer from what they
/// bought, every candidate topic count fitted and scored by NPMI, the most coherent kept and labelled. Prints a
/// Markdown report (counts tried, coherence, each topic's label and top words, times) for docs/models.md.
/// </summary>
internal static class TopicsRun
{
    public static string Run(FileInfo data, TextWriter progress)
    {
        var options = new TopicOptions();
        var clock = Stopwatch.StartNew();
        var builder = new UserDocumentBuilder(new Dictionary<string, string>());
        var lines = 0;
        foreach (var line in OnlineRetailReader.Read(data).Where(line => line.CustomerId is not null))
        {
            builder.Add(new UserActivityTracked(
                Guid.Empty, line.CustomerId!, new DateTimeOffset(line.InvoiceDate, TimeSpan.Zero), ActivityKinds.Purchase, line.StockCode, line.Description, line.Quantity,
                line.UnitPrice, null, new Dictionary<string, string>()));
            lines++;
        }

        var documents = builder.Build();
        var read = clock.Elapsed;
        progress.WriteLine($"  {lines:N0} purchase lines, {documents.Count:N0} customer documents, read in {read.TotalSeconds:F1} s");

        var fits = new List<(int Topics, double Coherence, TimeSpan Elapsed)>();
        foreach (var count in options.TopicCandidates)
        {
            var started = Stopwatch.GetTimestamp();
            var fit = LdaTopicModel.Fit(documents, options, count);
            var coherence = TopicCoherence.Npmi(fit.Topics, documents, options.TopWords);
            fits.Add((count, coherence, Stopwatch.GetElapsedTime(started)));
            progress.WriteLine($"  {count} topics: NPMI {coherence:F4} in {fits[^1].Elapsed.TotalSeconds:F1} s");
        }

        // The service's own path, timed whole: every candidate again, the choice, and the labels.
        var selectionStarted = Stopwatch.GetTimestamp();
        var selection = TopicCountSelection.Fit(documents, options);
        var selectionTime = Stopwatch.GetElapsedTime(selectionStarted);

        var report = new List<string>
        {
            $"### Topics on {data.Name}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC",
            string.Empty,
            $"Command: `dotnet run -c Release --project bench/Tailor.Bench -- topics --data {data.Name}`; {documents.Count:N0} customer documents " +
            $"from {lines:N0} purchase lines; {options.Iterations} LDA iterations, seed {options.Seed}, {Environment.ProcessorCount} cores.",
            string.Empty,
            "| topics | NPMI | fit time |",
            "|---:|---:|---:|",
        };
        report.AddRange(fits.Select(fit =>
            fit.Topics == selection.Fit.Topics.Count
                ? $"| **{fit.Topics}** | **{fit.Coherence:F4}** | {fit.Elapsed.TotalSeconds:F1} s |"
                : $"| {fit.Topics} | {fit.Coherence:F4} | {fit.Elapsed.TotalSeconds:F1} s |"));
        report.Add(string.Empty);
        report.Add(
            $"Chosen: {selection.Fit.Topics.Count} topics, NPMI {selection.Coherence:F4}. A whole training (every candidate, the choice and " +
            $"the labels) took {selectionTime.TotalSeconds:F1} s.");
        report.Add(string.Empty);
        report.Add("| topic | label | top words | customers for whom it is dominant |");
        report.Add("|---:|---|---|---:|");
        foreach (var topic in selection.Fit.Topics)
        {
            var dominant = selection.Fit.Users.Count(user => user.DominantTopic == topic.Topic);
            report.Add($"| {topic.Topic} | {topic.Label} | {string.Join(' ', topic.TopWords)} | {dominant:N0} |");
        }

        return string.Join(Environment.NewLine, report) + Environment.NewLine;
    }
}
