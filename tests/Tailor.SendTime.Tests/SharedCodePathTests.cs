using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.SendTime.Learning;
using Tailor.SendTime.Model;
using Tailor.SendTime.Serving;
using Tailor.Storage;

namespace Tailor.SendTime.Tests;

/// <summary>
/// The evaluation measures what the service holds: the same order lines, learned by SendTime's consumers' code (identify,
/// weigh, fold in batches, train) and by the evaluation's training set, give the same counts, priors, fitted strengths
/// and slices; and orders arriving after a training request, folded by the service and by the evaluation's replay of
/// the test period, leave the same states, population and slices.
/// </summary>
public sealed class SharedCodePathTests
{
    private static readonly string[] Countries = ["United Kingdom", "Germany", "France"];

    [Fact]
    public async Task Evaluation_training_set_holds_what_the_service_stores_after_the_same_order_lines()
    {
        var ct = TestContext.Current.CancellationToken;
        var lines = OrderLines();
        using var service = new LearnerReplicas(1);
        var weights = new EvidenceWeights(Options.Create(new SendTimeOptions()));
        foreach (var user in lines.GroupBy(line => line.UserId))
        {
            await service.Learners[0].IdentifyAsync(Guid.NewGuid(), user.Key, null, user.First().Country, ct);
        }

        // As the consumers receive them: one activity per line, in batches of 50.
        foreach (var batch in lines.Select(line => weights.Of(Purchase(line))!.Value).Chunk(50))
        {
            await service.Learners[0].LearnAsync(StableIds.From("test.batch", [.. batch.Select(item => item.EventId.ToString("D"))]), batch, ct);
        }

        var (_, strengths, _) = await service.Refreshes[0].RefreshAsync(Guid.NewGuid(), ct);
        var set = SendTimeTrainingSet.Build(lines, TimeZoneInfo.Utc);

        var orders = lines.Select(line => (line.UserId, EvidenceOccurrences.HourOf(line.At))).Distinct().Count();
        Assert.True(orders <= lines.Count / 4);
        var population = await service.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        Assert.Equal(orders, population!.Events);
        Assert.Equal(population.Events, set.Priors.Population.Events);
        Assert.Equal(population.Weights, set.Population);
        AssertClose(strengths.Cohort, set.Priors.Strengths.Cohort);
        AssertClose(strengths.Day, set.Priors.Strengths.Day);
        AssertClose(strengths.Week, set.Priors.Strengths.Week);

        var slices = new SendTimeSlices(ServedPreference.HierarchyWeek, Options.Create(set.Options), TimeProvider.System);
        foreach (var (userId, evaluated) in set.States)
        {
            var stored = await service.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, userId, ct);
            Assert.Equal((stored!.Counts.Events, stored.TimeZone, stored.Country), (evaluated.Counts.Events, evaluated.TimeZone, evaluated.Country));
            Assert.Equal(stored.Counts.Weights, evaluated.Counts.Weights);
            Assert.Equal((stored.Recent!.AsOf, stored.Recent.Events), (evaluated.Recent!.AsOf, evaluated.Recent.Events));
            Assert.All(Enumerable.Range(0, WeekHours.Count), hour => Assert.Equal(stored.Recent.Weights[hour], evaluated.Recent.Weights[hour], 1e-9));
            var served = (await service.Profiles.ReadAsync(userId, ct))!.SendTime!;
            var scored = slices.Compute(evaluated, set.Priors);
            Assert.Equal(served.BestHourOfWeek, scored.BestHourOfWeek);
            Assert.All(Enumerable.Range(0, WeekHours.Count), hour => Assert.Equal(served.HourOfWeekWeights[hour], scored.HourOfWeekWeights[hour], 1e-9));
        }
    }

    [Fact]
    public async Task Evaluation_replay_holds_what_the_service_stores_and_serves_as_later_orders_arrive()
    {
        // The service learns the first forty days, is asked to train, then takes each later order as its own batch;
        // the evaluation's replay starts from the training set of the first forty days and folds the same orders.
        var ct = TestContext.Current.CancellationToken;
        var lines = OrderLines();
        var split = TestMessages.Monday.AddDays(40);
        using var service = new LearnerReplicas(1);
        var weights = new EvidenceWeights(Options.Create(new SendTimeOptions()));
        foreach (var user in lines.GroupBy(line => line.UserId))
        {
            await service.Learners[0].IdentifyAsync(Guid.NewGuid(), user.Key, null, user.First().Country, ct);
        }

        foreach (var batch in lines.Where(line => line.At < split).Select(line => weights.Of(Purchase(line))!.Value).Chunk(50))
        {
            await service.Learners[0].LearnAsync(StableIds.From("test.batch", [.. batch.Select(item => item.EventId.ToString("D"))]), batch, ct);
        }

        await service.Refreshes[0].RefreshAsync(Guid.NewGuid(), ct);
        var replay = new SendTimeReplay(SendTimeTrainingSet.Build(lines.Where(line => line.At < split), TimeZoneInfo.Utc));
        var later = lines.Where(line => line.At >= split)
            .GroupBy(line => (line.UserId, Hour: EvidenceOccurrences.HourOf(line.At)))
            .OrderBy(order => order.Key.Hour)
            .ThenBy(order => order.Key.UserId, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(later);
        foreach (var order in later)
        {
            var batch = order.Select(line => weights.Of(Purchase(line))!.Value).ToList();
            await service.Learners[0].LearnAsync(StableIds.From("test.order", [.. batch.Select(item => item.EventId.ToString("D"))]), batch, ct);
            replay.Learn(order.Key.UserId, [.. order]);
        }

        var population = await service.Documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, ct);
        Assert.Equal(population!.Events, replay.Population.Events);
        Assert.Equal(population.Weights, replay.Population.Weights);
        var slices = new SendTimeSlices(ServedPreference.HierarchyWeek, Options.Create(replay.Options), TimeProvider.System);
        foreach (var userId in lines.Select(line => line.UserId).Distinct())
        {
            var stored = await service.Documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, userId, ct);
            var replayed = replay.StateOf(userId, null);
            Assert.Equal((stored!.Counts.Events, stored.TimeZone, stored.Country), (replayed.Counts.Events, replayed.TimeZone, replayed.Country));
            Assert.Equal(stored.Counts.Weights, replayed.Counts.Weights);

            // The slice the service wrote at the user's last update (or at the training request) is the one scored.
            var served = (await service.Profiles.ReadAsync(userId, ct))!.SendTime!;
            var scored = slices.Compute(replayed, replay.SlicePriorsOf(userId, null));
            Assert.Equal(served.BestHourOfWeek, scored.BestHourOfWeek);
            Assert.All(Enumerable.Range(0, WeekHours.Count), hour => Assert.Equal(served.HourOfWeekWeights[hour], scored.HourOfWeekWeights[hour], 1e-9));
        }
    }

    // Forty customers in three countries, each with orders of four lines at one instant, at their own hours.
    private static List<TimedActivity> OrderLines()
    {
        var random = new Random(3);
        var lines = new List<TimedActivity>();
        for (var user = 0; user < 40; user++)
        {
            var habit = 8 + random.Next(10);
            for (var order = 0; order < 1 + random.Next(6); order++)
            {
                var at = TestMessages.Monday.AddDays(random.Next(60)).AddHours(random.Next(3) == 0 ? random.Next(24) : habit).AddMinutes(random.Next(60));
                lines.AddRange(Enumerable.Range(0, 4).Select(_ => new TimedActivity($"u-{user:D2}", at, Countries[user % Countries.Length])));
            }
        }

        return lines;
    }

    private static UserActivityTracked Purchase(TimedActivity line) =>
        new(Guid.NewGuid(), line.UserId, line.At, ActivityKinds.Purchase, "85123A", null, 1, null, null, new Dictionary<string, string>());

    private static void AssertClose(double expected, double actual) => Assert.InRange(actual, expected * (1 - 1e-6), expected * (1 + 1e-6));
}
