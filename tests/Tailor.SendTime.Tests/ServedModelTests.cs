using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Microsoft.ML.Data;
using Tailor.Profiles;
using Tailor.SendTime.Evaluation;
using Tailor.SendTime.Learning;
using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime.Tests;

/// <summary>SendTime serves the model the offline evaluation chose: the choice file, the three shapes and the learned model round trip.</summary>
public sealed class ServedModelTests : IDisposable
{
    private static readonly DateTimeOffset Monday = TestMessages.Monday;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tailor-served-model-tests");

    [Fact]
    public void Shape_of_the_day_model_puts_the_same_best_hour_on_every_weekday_and_keeps_each_weekdays_share()
    {
        // Mostly Tuesdays at 09:00, but the one Saturday event is at 19:00: the week model keeps it, the day model does not.
        var posterior = WeekHours.Normalize(Week((1, 9, 8.0), (5, 19, 2.0), (3, 14, 1.0)));
        var day = Served(SendTimeModels.HierarchyDay);

        var shaped = day.Shape(posterior, 11, posterior, posterior);

        Assert.Equal(1.0, shaped.Sum(), 9);
        Assert.All(Enumerable.Range(0, WeekHours.Days), weekday =>
        {
            Assert.Equal(9, BestHour(shaped, weekday));
            Assert.Equal(DayShare(posterior, weekday), DayShare(shaped, weekday), 9);
        });
        var week = ServedPreference.HierarchyWeek.Shape(posterior, 11, posterior, posterior);
        Assert.Equal(19, BestHour(week, 5));
        Assert.Equal(1.0, week.Sum(), 9);
    }

    [Fact]
    public void Learned_model_saved_and_loaded_serves_the_slices_and_hours_the_evaluation_scored()
    {
        var train = ThreeHourGroups();
        var set = SendTimeTrainingSet.Build(train, TimeZoneInfo.Utc);
        var model = LearnedSendTime.Fit(train, TimeZoneInfo.Utc)!;
        var report = new SendTimeEvaluationReport([], LearnedSendTime.Name, new Dictionary<string, double> { ["gbt"] = 1 }, SendTimeEvaluation.FitStrengths(set), model);

        ServedModelChoice.Save(_folder.FullName, report, Monday);
        using var served = ServedPreference.Load(_folder.FullName);

        Assert.Equal(LearnedSendTime.Name, served.Model);
        Assert.Equal(Monday, served.Choice.ChosenAt);
        var options = Options.Create(set.Options);
        var service = new SendTimeSlices(served, options, TimeProvider.System);
        var evaluated = new SendTimeSlices(ServedPreference.For(LearnedSendTime.Name, model), options, TimeProvider.System);
        var planned = PlannedSendTime.Predictor(LearnedSendTime.Name, new SendTimeReplay(set), ServedPreference.For(LearnedSendTime.Name, model));
        foreach (var user in new[] { "u0", "u1", "u2" })
        {
            var slice = service.Compute(set.StateOf(user, null), set.Priors);
            Assert.Equal(1.0, slice.HourOfWeekWeights.Sum(), 6);
            Assert.Equal(evaluated.Compute(set.StateOf(user, null), set.Priors).HourOfWeekWeights, slice.HourOfWeekWeights);
            Assert.All(Enumerable.Range(0, WeekHours.Days), weekday =>
            {
                var day = Monday.AddDays(weekday);
                var sendAt = SendTimePlanner.Plan(slice, day, day.AddDays(1), SendSchedule.Default with { Explore = false }, seed: 0);
                Assert.Equal(planned.HourFor(user, null, day), sendAt?.Hour);
            });
        }
    }

    [Fact]
    public void Load_says_why_a_model_directory_cannot_be_served()
    {
        Assert.Equal(SendTimeEvaluation.Champion, ServedPreference.Load(null).Model);

        var missing = Assert.Throws<InvalidOperationException>(() => ServedPreference.Load(_folder.FullName));
        Assert.Contains("eval send-time ... --save-model", missing.Message, StringComparison.Ordinal);

        WriteChoice("{\"model\":\"user-hour\",\"chosenAt\":\"2026-01-01T00:00:00Z\",\"validationScores\":{}}");
        var baseline = Assert.Throws<InvalidOperationException>(() => ServedPreference.Load(_folder.FullName));
        Assert.Contains("names model 'user-hour'; SendTime serves hierarchy-week, hierarchy-day, gbt", baseline.Message, StringComparison.Ordinal);

        WriteChoice("{\"model\":\"gbt\",\"chosenAt\":\"2026-01-01T00:00:00Z\",\"validationScores\":{}}");
        var noTrees = Assert.Throws<InvalidOperationException>(() => ServedPreference.Load(_folder.FullName));
        Assert.Contains($"{ServedModelChoice.LearnedFileName}' is missing", noTrees.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder.FullName, ServedModelChoice.LearnedFileName), "not a model");
        var corrupt = Assert.Throws<InvalidDataException>(() => ServedPreference.Load(_folder.FullName));
        Assert.Contains("is not a learned send-time model", corrupt.Message, StringComparison.Ordinal);

        WriteChoice("{\"model\":\"hierarchy-day\"}");
        Assert.Contains("is not a send-time model choice", Assert.Throws<InvalidOperationException>(() => ServedPreference.Load(_folder.FullName)).Message, StringComparison.Ordinal);

        WriteChoice("{ not json");
        Assert.Contains("is not a send-time model choice", Assert.Throws<InvalidOperationException>(() => ServedPreference.Load(_folder.FullName)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_refuse_a_model_directory_without_a_choice_at_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Tailor:SendTime:ModelDirectory"] = _folder.FullName });
        builder.AddSendTime();
        using var host = builder.Build();

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SendTimeOptions>>().Value);

        Assert.Contains($"ModelDirectory: '{Path.Combine(_folder.FullName, ServedModelChoice.FileName)}' does not exist", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTime_serving_the_day_model_writes_slices_with_one_best_hour_on_every_weekday()
    {
        WriteChoice("{\"model\":\"hierarchy-day\",\"chosenAt\":\"2026-01-01T00:00:00Z\",\"validationScores\":{\"hierarchy-day\":0.5}}");
        await using var host = await SendTimeHarness.StartAsync(settings: new Dictionary<string, string?> { ["Tailor:SendTime:ModelDirectory"] = _folder.FullName });
        var ct = TestContext.Current.CancellationToken;
        // u-day shops at 10:00 on weekdays and once at 20:00 on a Sunday; the week model would send Sundays at 20:00.
        var activity = Enumerable.Range(0, 10).Select(day => TestMessages.Activity("u-day", Monday.AddDays(day % 5).AddHours(10)))
            .Append(TestMessages.Activity("u-day", Monday.AddDays(6).AddHours(20)))
            .ToList();

        await host.Harness.Bus.PublishBatch(activity, ct);
        await host.WaitForConsumedAsync<Contracts.UserActivityTracked>(activity.Count);

        Assert.Equal(SendTimeModels.HierarchyDay, host.Services.GetRequiredService<ServedPreference>().Model);
        var slice = Assert.IsType<SendTimeSlice>((await host.Profiles.ReadAsync("u-day", ct))?.SendTime);
        Assert.All(Enumerable.Range(0, WeekHours.Days), weekday => Assert.Equal(10, BestHour(slice.HourOfWeekWeights, weekday)));
    }

    [Fact]
    public void Load_refuses_a_learned_model_made_for_other_features()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 200).Select(index => new TenFeatures { Values = [.. Enumerable.Range(0, 10).Select(feature => (float)((index * feature) % 7))], Label = index % 3 }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.Concatenate("Features", nameof(TenFeatures.Values))
            .Append(ml.Regression.Trainers.FastTree(labelColumnName: nameof(TenFeatures.Label), numberOfTrees: 2, minimumExampleCountPerLeaf: 5))
            .Fit(data);
        var path = Path.Combine(_folder.FullName, ServedModelChoice.LearnedFileName);
        ml.Model.Save(model, data.Schema, path);

        var refused = Assert.Throws<InvalidDataException>(() => LearnedHourModel.Load(path));

        Assert.Contains($"does not take the {HourFeatures.Count} send-time features", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hour_features_are_as_many_as_the_model_takes_and_count_events_not_their_weights()
    {
        var counts = Week((1, 9, 9.0));
        var features = new HourFeatures(counts, events: 3, WeekHours.Normalize(counts), counts);

        var row = features.Row(1, 9);

        Assert.Equal(HourFeatures.Count, row.Length);
        Assert.Equal((float)Math.Log(4), row[6]);
        var unseen = new HourFeatures(null, 0, WeekHours.Normalize(counts), counts).Row(1, 9);
        Assert.Equal((0f, 0f), (unseen[2], unseen[3]));
    }

    [Fact]
    public async Task SendTime_serving_the_learned_model_writes_slices_at_each_users_hour_from_weighted_evidence()
    {
        var train = ThreeHourGroups();
        var set = SendTimeTrainingSet.Build(train, TimeZoneInfo.Utc);
        var model = LearnedSendTime.Fit(train, TimeZoneInfo.Utc)!;
        ServedModelChoice.Save(_folder.FullName, new SendTimeEvaluationReport([], LearnedSendTime.Name, new Dictionary<string, double>(), SendTimeEvaluation.FitStrengths(set), model), Monday);
        await using var host = await SendTimeHarness.StartAsync(settings: new Dictionary<string, string?> { ["Tailor:SendTime:ModelDirectory"] = _folder.FullName });
        var ct = TestContext.Current.CancellationToken;
        // Opens and clicks weigh 2 and 3, so the stored weights are not event counts; the model still reads its evidence right.
        var engagement = Enumerable.Range(0, 12).Select(day => TestMessages.Engagement("u-learned", Monday.AddDays(day).AddHours(13), day % 2 == 0 ? Contracts.EngagementKind.Click : Contracts.EngagementKind.Open)).ToList();

        await host.Harness.Bus.PublishBatch(engagement, ct);
        await host.WaitForConsumedAsync<Contracts.EmailEngaged>(engagement.Count);

        Assert.Equal(LearnedSendTime.Name, host.Services.GetRequiredService<ServedPreference>().Model);
        var slice = Assert.IsType<SendTimeSlice>((await host.Profiles.ReadAsync("u-learned", ct))?.SendTime);
        Assert.Equal(12, slice.EvidenceCount);
        Assert.Equal(1.0, slice.HourOfWeekWeights.Sum(), 6);
        Assert.All(Enumerable.Range(0, WeekHours.Days), weekday => Assert.InRange(BestHour(slice.HourOfWeekWeights, weekday), 12, 14));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static ServedPreference Served(string model)
    {
        var folder = Directory.CreateTempSubdirectory("tailor-served-model-choice");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, ServedModelChoice.FileName), $"{{\"model\":\"{model}\",\"chosenAt\":\"2026-01-01T00:00:00Z\",\"validationScores\":{{}}}}");
            return ServedPreference.Load(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class TenFeatures
    {
        [VectorType(10)]
        public float[] Values { get; set; } = [];

        public float Label { get; set; }
    }

    private void WriteChoice(string json) => File.WriteAllText(Path.Combine(_folder.FullName, ServedModelChoice.FileName), json);

    private static double[] Week(params (int Weekday, int Hour, double Weight)[] hours)
    {
        var week = Enumerable.Repeat(0.01, WeekHours.Count).ToArray();
        foreach (var (weekday, hour, weight) in hours)
        {
            week[(weekday * WeekHours.PerDay) + hour] += weight;
        }

        return week;
    }

    // The hour a one-hour window would go out at on that weekday: the planner's default width.
    private static int BestHour(IReadOnlyList<double> week, int weekday)
    {
        var day = week.Skip(weekday * WeekHours.PerDay).Take(WeekHours.PerDay).ToList();
        return day.IndexOf(day.Max());
    }

    private static double DayShare(double[] week, int weekday) => week.Skip(weekday * WeekHours.PerDay).Take(WeekHours.PerDay).Sum();

    // Ninety days of three groups of users, each at its own hour (08:00, 13:00, 18:00): enough for features and labels.
    private static List<TimedActivity> ThreeHourGroups()
    {
        var train = new List<TimedActivity>();
        for (var user = 0; user < 30; user++)
        {
            for (var day = 0; day < 90; day += 3)
            {
                train.Add(new TimedActivity($"u{user}", Monday.AddDays(day + (user % 3)).AddHours(8 + (user % 3 * 5))));
            }
        }

        return train;
    }
}
