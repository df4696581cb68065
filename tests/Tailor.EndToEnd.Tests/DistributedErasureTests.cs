using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Storage.Sqlite;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// Erasure in the distributed topology, where each service keeps its own store: after <c>DELETE /v1/users/{id}</c>,
/// no service's store and no Redis key holds anything of the user (<see cref="UserMarks"/>), whichever service recorded
/// it, except what docs/api.md says erasure keeps.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class DistributedErasureTests
{
    /// <summary>Where the records found in Redis are listed, beside each service's store.</summary>
    private const string RedisStore = "redis";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    /// <summary>
    /// What may stay (docs/api.md, "What erasure removes and keeps"): Ingestion's record of the erasure request itself,
    /// the outbox entry that carries it to every service (filed under no user, so neither an export nor a later erasure
    /// finds it as the user's data), and the suppression of the address they unsubscribed, by its hash.
    /// </summary>
    private static bool Kept(string record, UserMarks user) =>
        record == "event ingestion/UserErased" || record == $"document ingestion.suppressions/{user.AddressKey}";

    [Fact]
    public async Task Erasing_a_user_leaves_nothing_of_theirs_in_any_services_own_store_or_in_Redis()
    {
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync(TestInfrastructure.RequireRabbitMq());
        var redis = TestInfrastructure.RequireRedis();
        var ct = TestContext.Current.CancellationToken;
        var plan = ReplayPlan.From(OnlineRetailReader.Read(DemoOptions.BundledSample).Take(300));

        await PipelineRun.Isolated(async () =>
        {
            // SQLite: one file per service, read as files below.
            await using var run = PipelineRun.Distributed(virtualHost.AmqpUri, redis, mongoDb: null);
            var emails = await run.RunAsync(plan, DateTimeOffset.UtcNow, ct);
            await run.WaitForQuietAsync(ct);
            // Personalised emails: a control group's email carries no subject variant, so it leaves no subject record to
            // find, and which users a campaign holds out depends on its random id.
            var personalised = emails.Where(email => email.Arm == CampaignArms.Personalised).ToList();
            var (erasedEmail, keptEmail) = (personalised[0], personalised[1]);

            // Both live a whole life after the campaign; only the one to be erased unsubscribes.
            var erasedLife = await UserLife.LiveAsync(run, erasedEmail, unsubscribes: true, ct);
            var keptLife = await UserLife.LiveAsync(run, keptEmail, unsubscribes: false, ct);
            await run.WaitForQuietAsync(ct);
            var erased = await MarksAsync(run, erasedEmail, erasedLife, ct);
            var kept = await MarksAsync(run, keptEmail, keptLife, ct);

            // One store per service, and in each the user's events and documents (state, outputs, the email), and their
            // profile in Redis, or the test proves nothing.
            Assert.Equal(ServiceTargets.Names.Count, ServiceTargets.Names.Select(target => run.ServicesOf(target).GetRequiredService<SqliteDatabase>().FilePath).Distinct().Count());
            var before = await RecordsAsync(run, redis, erased, ct);
            var keptBefore = await RecordsAsync(run, redis, kept, ct);
            Assert.All(ServiceTargets.Names, target =>
            {
                Assert.Contains(before[target], record => record.StartsWith("event ", StringComparison.Ordinal));
                Assert.Contains(before[target], record => record.StartsWith("document ", StringComparison.Ordinal));
            });
            Assert.Contains($"redis profile:{erased.UserId}", before[RedisStore]);
            // And what the erasure must find by other means than the user's id: the cached vector of what they typed (under
            // the text's hash) and their email's subject record (under the email's id).
            Assert.Contains(before[RedisStore], record => record.StartsWith("redis embedding:text:", StringComparison.Ordinal));
            Assert.Contains(before["contentgeneration"], record => record.StartsWith("document contentgeneration.email-subjects/", StringComparison.Ordinal));

            await run.DeleteAsync($"/v1/users/{Uri.EscapeDataString(erased.UserId)}", ct);
            var after = await UntilNothingLeftAsync(run, redis, erased, ct);
            var left = after.Where(service => service.Value.Count > 0).Select(service => $"{service.Key}: {string.Join(", ", service.Value.CountBy(record => record).Select(record => $"{record.Key} ×{record.Value}"))}").ToList();
            Assert.True(left.Count == 0, $"The erased user's records remain in:\n{string.Join("\n", left)}");

            // Only that user: the other one's records are all still there.
            Assert.Equal(keptBefore, await RecordsAsync(run, redis, kept, ct));
            return 0;
        });
    }

    /// <summary>The user's marks, with the ids of every event any service filed under them.</summary>
    private static async Task<UserMarks> MarksAsync(PipelineRun run, EmailReady email, (string AnonymousId, string Text) life, CancellationToken cancellationToken)
    {
        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in ServiceTargets.Names)
        {
            eventIds.UnionWith(await UserRecords.EventIdsAsync(run.ServicesOf(target).GetRequiredService<SqliteDatabase>(), email.UserId, life.AnonymousId, cancellationToken));
        }

        return new UserMarks(email.UserId, life.AnonymousId, email.To, life.Text, [email.EmailId], eventIds);
    }

    /// <summary>Each service erases when its own <c>UserErased</c> consumer gets there; then nothing may come back.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<string>>> UntilNothingLeftAsync(PipelineRun run, string redis, UserMarks user, CancellationToken cancellationToken)
    {
        await Polling.WithinAsync(
            async () => !(await RecordsAsync(run, redis, user, cancellationToken)).Values.SelectMany(records => records).Any(record => !Kept(record, user)),
            Patience);

        await run.WaitForQuietAsync(cancellationToken);
        var records = await RecordsAsync(run, redis, user, cancellationToken);
        return records.ToDictionary(service => service.Key, service => (IReadOnlyList<string>)[.. service.Value.Where(record => !Kept(record, user))]);
    }

    private static async Task<Dictionary<string, IReadOnlyList<string>>> RecordsAsync(PipelineRun run, string redis, UserMarks user, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var target in ServiceTargets.Names)
        {
            var store = run.ServicesOf(target).GetRequiredService<SqliteDatabase>();
            records[target] = await UserRecords.InAsync(store, user, cancellationToken);
        }

        records[RedisStore] = await UserRedisKeys.InAsync(redis, run.RedisKeyPrefix!, user);
        return records;
    }
}
