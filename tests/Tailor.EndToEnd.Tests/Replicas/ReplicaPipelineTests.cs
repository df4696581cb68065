using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Profiles;
using Tailor.Recommendation;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests.Replicas;

/// <summary>
/// Replicas as a deployment runs them: every service as separate processes of the built host on one RabbitMQ and one
/// Redis, each service's replicas sharing its store. Two processes of every service must learn, train and write
/// exactly what one process of each does: the same profiles, the same emails, nothing lost and nothing counted twice.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class ReplicaPipelineTests
{
    [Fact]
    public async Task Two_processes_of_every_service_write_the_same_profiles_and_emails_as_one()
    {
        var rabbitMq = TestInfrastructure.RequireRabbitMq();
        var redis = TestInfrastructure.RequireRedis();
        var ct = TestContext.Current.CancellationToken;

        // The first orders of December 2010, as the distributed pipeline test sends them.
        var plan = ReplayPlan.From(OnlineRetailReader.Read(DemoOptions.BundledSample).Take(600));
        var customers = ReplicaRun.Customers(plan);
        var windowStart = DateTimeOffset.UtcNow;

        var one = await RunAsync(rabbitMq, redis, replicas: 1, plan, windowStart, ct);
        var two = await RunAsync(rabbitMq, redis, replicas: 2, plan, windowStart, ct);

        foreach (var outcome in (Outcome[])[one, two])
        {
            // Nothing lost, nothing doubled: one email per customer, each email once, every customer profiled.
            Assert.Empty(outcome.Suppressed);
            Assert.Equal(customers.Order(StringComparer.Ordinal), outcome.Emails.Select(email => email.UserId).Order(StringComparer.Ordinal));
            Assert.Equal(outcome.Emails.Count, outcome.Emails.Select(email => email.EmailId).Distinct().Count());
            Assert.All(customers, customer =>
            {
                var profile = outcome.Profiles[customer];
                Assert.NotNull(profile?.Contact);
                Assert.NotNull(profile.Interests);
                Assert.NotNull(profile.SendTime);
                Assert.NotNull(profile.Recommendations);
                Assert.NotNull(profile.Topics);
            });
        }

        // Every service recorded each message it handled once, however many replicas took copies of them.
        Assert.Equal(one.RecordedEvents, two.RecordedEvents);
        // Profiles and emails compared together, so a failure shows both.
        var differences = string.Concat(
            Differences("profile", Fingerprints(one.Profiles, ProfileFingerprint.Of), Fingerprints(two.Profiles, ProfileFingerprint.Of)),
            Differences("email", Fingerprints(one.Emails.ToDictionary(email => email.UserId), ProfileFingerprint.Of), Fingerprints(two.Emails.ToDictionary(email => email.UserId), ProfileFingerprint.Of)));
        Assert.True(differences.Length == 0, differences);
    }

    private static async Task<Outcome> RunAsync(string sharedRabbitMq, string redis, int replicas, ReplayPlan plan, DateTimeOffset windowStart, CancellationToken ct)
    {
        // A virtual host of the run's own: its queues are what "idle" is read from, and no other run's messages reach it.
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync(sharedRabbitMq);
        if (!virtualHost.IsOwn)
        {
            Assert.Skip("Replicas as processes need a local RabbitMQ that rabbitmqctl manages (a virtual host per run, queues read to tell when the processes are idle).");
        }

        await using var run = await ReplicaRun.StartAsync(virtualHost.AmqpUri, redis, replicas, ct);
        try
        {
            var emails = await run.RunAsync(plan, windowStart, ct);
            var recorded = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var service in ServiceTargets.Names)
            {
                // Each service's stream is named after it.
                recorded[service] = await run.CountEventsAsync(service, service);
            }

            // What the emails showed, apart from Recommendation's evidence: each page once, however many replicas took it.
            recorded[RecommendationStore.ShownStream] = await run.CountEventsAsync("recommendation", RecommendationStore.ShownStream);

            return new Outcome(
                emails,
                run.Collector.All<EmailSuppressed>(),
                await run.ReadProfilesAsync(ReplicaRun.Customers(plan), redis),
                recorded);
        }
        catch (Exception) when (run.WriteLogsToTestOutput())
        {
            throw; // not reached: the filter writes the logs and lets the failure through
        }
    }

    private static SortedDictionary<string, string> Fingerprints<T>(IReadOnlyDictionary<string, T> byUser, Func<T, string> fingerprint) =>
        new(byUser.ToDictionary(entry => entry.Key, entry => fingerprint(entry.Value)), StringComparer.Ordinal);

    private static string Differences(string what, SortedDictionary<string, string> one, SortedDictionary<string, string> two)
    {
        Assert.Equal(one.Keys, two.Keys);
        var differences = one.Where(entry => two[entry.Key] != entry.Value)
            .Select(entry => $"{entry.Key}:\n  one replica:  {entry.Value}\n  two replicas: {two[entry.Key]}")
            .ToList();
        return differences.Count == 0 ? string.Empty : $"{differences.Count} of {one.Count} {what}s differ, e.g.\n{string.Join("\n", differences.Take(3))}\n";
    }

    private sealed record Outcome(
        IReadOnlyList<EmailReady> Emails,
        IReadOnlyList<EmailSuppressed> Suppressed,
        IReadOnlyDictionary<string, UserProfile?> Profiles,
        SortedDictionary<string, long> RecordedEvents);
}
