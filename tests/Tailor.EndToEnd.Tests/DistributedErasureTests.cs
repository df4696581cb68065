using Microsoft.Extensions.DependencyInjection;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Storage.Sqlite;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// Erasure in the distributed topology, where each service keeps its own store: after <c>DELETE /v1/users/{id}</c>,
/// no service's store holds an event or a document of the user, whichever service recorded it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class DistributedErasureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    /// <summary>
    /// What may stay: Ingestion's record of the erasure request itself, the outbox entry that carries it to every service
    /// (filed under no user, so neither an export nor a later erasure finds it as the user's data).
    /// </summary>
    private const string ErasureRequest = "event ingestion/UserErased";

    [Fact]
    public async Task Erasing_a_user_leaves_no_event_and_no_document_of_theirs_in_any_services_own_store()
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
            var (erased, kept) = (emails[0], emails[1]);

            // One store per service, and in each the user's events and documents (state, outputs, the email), or the
            // test proves nothing.
            Assert.Equal(ServiceTargets.Names.Count, ServiceTargets.Names.Select(target => run.ServicesOf(target).GetRequiredService<SqliteDatabase>().FilePath).Distinct().Count());
            var before = await RecordsAsync(run, erased.UserId, erased.To, ct);
            var keptBefore = await RecordsAsync(run, kept.UserId, kept.To, ct);
            Assert.All(ServiceTargets.Names, target =>
            {
                Assert.Contains(before[target], record => record.StartsWith("event ", StringComparison.Ordinal));
                Assert.Contains(before[target], record => record.StartsWith("document ", StringComparison.Ordinal));
            });

            await run.DeleteAsync($"/v1/users/{Uri.EscapeDataString(erased.UserId)}", ct);
            var after = await UntilNothingLeftAsync(run, erased.UserId, erased.To, ct);
            var left = after.Where(service => service.Value.Count > 0).Select(service => $"{service.Key}: {string.Join(", ", service.Value.CountBy(record => record).Select(record => $"{record.Key} ×{record.Value}"))}").ToList();
            Assert.True(left.Count == 0, $"The erased user's records remain in:\n{string.Join("\n", left)}");

            // Only that user: the other one's records are all still there.
            Assert.Equal(keptBefore, await RecordsAsync(run, kept.UserId, kept.To, ct));
            return 0;
        });
    }

    /// <summary>Each service erases when its own <c>UserErased</c> consumer gets there; then nothing may come back.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<string>>> UntilNothingLeftAsync(PipelineRun run, string userId, string email, CancellationToken cancellationToken)
    {
        await Polling.WithinAsync(
            async () => !(await RecordsAsync(run, userId, email, cancellationToken)).Values.SelectMany(records => records).Any(record => record != ErasureRequest),
            Patience);

        await run.WaitForQuietAsync(cancellationToken);
        var records = await RecordsAsync(run, userId, email, cancellationToken);
        return records.ToDictionary(service => service.Key, service => (IReadOnlyList<string>)[.. service.Value.Where(record => record != ErasureRequest)]);
    }

    private static async Task<Dictionary<string, IReadOnlyList<string>>> RecordsAsync(PipelineRun run, string userId, string email, CancellationToken cancellationToken)
    {
        // The id as a JSON string (a bare number could be part of a vector) and the address.
        string[] mentions = [$"\"{userId}\"", email];
        var records = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var target in ServiceTargets.Names)
        {
            var store = run.ServicesOf(target).GetRequiredService<SqliteDatabase>();
            records[target] = await UserRecords.InAsync(store, userId, mentions, cancellationToken);
        }

        return records;
    }
}
