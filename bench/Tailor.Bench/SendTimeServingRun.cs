using System.Diagnostics;
using Tailor.Host.Demo;
using Tailor.SendTime.Evaluation;
using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;

namespace Tailor.Bench;

/// <summary>
/// What serving each send-time model costs SendTime per slice write: the hierarchy's posterior and
/// <see cref="ServedPreference.Shape"/> of it for every customer of the data, for hierarchy-week (the posterior as it is), hierarchy-day and the learned gbt (168 hours
/// scored by the trees), each loaded from a model directory as SendTime loads it. One thread; the ratio to
/// hierarchy-week is measured in the same run.
/// </summary>
internal static class SendTimeServingRun
{
    private const int Passes = 5;

    public static string Run(FileInfo data, TextWriter progress)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var activity = OnlineRetailReader.Read(data)
            .Where(line => line.CustomerId is not null && !line.IsCancellation)
            .Select(line => new TimedActivity(line.CustomerId!, new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(line.InvoiceDate, DateTimeKind.Unspecified), london), TimeSpan.Zero), line.Country))
            .Distinct()
            .ToList();
        var set = SendTimeTrainingSet.Build(activity, TimeZoneInfo.Utc);
        var strengths = SendTimeEvaluation.FitStrengths(set);
        var learned = LearnedSendTime.Fit(activity, TimeZoneInfo.Utc)
            ?? throw new ArgumentException($"--data: '{data.FullName}' covers too little time to train the learned model (it takes labels from the last {LearnedSendTime.LabelPeriod.TotalDays:N0} days).");
        var users = set.Users.Select(user => (Own: user.Value, Events: (long)user.Value.Sum(), Cohort: set.CohortCounts(user.Key))).ToList();
        progress.WriteLine($"Send-time serving: {users.Count:N0} customers, {activity.Count:N0} orders; best of {Passes} passes per model");

        var lines = new List<string>
        {
            $"### Send-time serving, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC",
            string.Empty,
            $"Command: `dotnet run -c Release --project bench/Tailor.Bench -- sendtime-serving --data {data.Name}`; {users.Count:N0} customers, one thread, best of {Passes} passes, {Environment.ProcessorCount} cores.",
            string.Empty,
            "| served model | µs per slice | slices/s | time vs hierarchy-week |",
            "|---|---:|---:|---:|",
        };
        var directory = Directory.CreateTempSubdirectory("tailor-bench-sendtime-");
        try
        {
            var models = ServedModelChoice.Servable.Select(model =>
            {
                var folder = Directory.CreateDirectory(Path.Combine(directory.FullName, model)).FullName;
                ServedModelChoice.Save(folder, new SendTimeEvaluationReport([], model, new Dictionary<string, double>(), strengths, learned), DateTimeOffset.UtcNow);
                return (Name: model, Served: ServedPreference.Load(folder));
            }).ToList();

            // Every model once before any is timed, so the code they share (the posterior) is compiled to its final tier.
            foreach (var (_, served) in models)
            {
                TimePerSlice(served, users, set.Population, strengths);
            }

            Thread.Sleep(TimeSpan.FromSeconds(1));
            double? baseline = null;
            foreach (var (model, served) in models)
            {
                var best = Enumerable.Range(0, Passes).Min(_ => TimePerSlice(served, users, set.Population, strengths));
                baseline ??= best;
                progress.WriteLine($"  {model}: {best:F1} µs per slice");
                lines.Add($"| {model} | {best:F1} | {1e6 / best:N0} | {best / baseline.Value:F1}× |");
                served.Dispose();
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    // What a slice write computes: the hierarchy's posterior, then the served model's shape of it.
    private static double TimePerSlice(
        ServedPreference served, List<(double[] Own, long Events, double[]? Cohort)> users, double[] population, PriorStrengths strengths)
    {
        var clock = Stopwatch.StartNew();
        var checksum = 0.0;
        foreach (var (own, events, cohort) in users)
        {
            var posterior = SendTimeHierarchy.Posterior(own, cohort, population, strengths);
            checksum += served.Shape(own, events, posterior, population)[0];
        }

        clock.Stop();
        GC.KeepAlive(checksum);
        return clock.Elapsed.TotalMicroseconds / users.Count;
    }
}
