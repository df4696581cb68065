using System.Text.Json;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// Distributed mode: the six services as six separately built hosts wired only through a real RabbitMQ and Redis,
/// from HTTP events to <c>EmailReady</c> on the bus, writing the same emails as one embedded host does.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class DistributedPipelineTests
{
    [Fact]
    public async Task Six_hosts_on_RabbitMQ_and_Redis_write_the_same_emails_as_one_embedded_host()
    {
        // A virtual host of its own: no message another test left in a durable queue reaches these hosts.
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync(TestInfrastructure.RequireRabbitMq());
        var rabbitMq = virtualHost.AmqpUri;
        var redis = TestInfrastructure.RequireRedis();
        var ct = TestContext.Current.CancellationToken;

        // A small real slice: the first orders of December 2010.
        var plan = ReplayPlan.From(OnlineRetailReader.Read(DemoOptions.BundledSample).Take(600));
        var customers = plan.Identifies.Count;
        Assert.InRange(customers, 5, 100);
        var windowStart = DateTimeOffset.UtcNow;

        var embedded = await PipelineRun.Isolated(async () =>
        {
            await using var run = PipelineRun.Embedded();
            return await run.RunAsync(plan, windowStart, ct);
        });
        var distributed = await PipelineRun.Isolated(async () =>
        {
            await using var run = PipelineRun.Distributed(rabbitMq, redis, TestInfrastructure.MongoDb);
            var emails = await run.RunAsync(plan, windowStart, ct);
            Assert.Empty(run.Collector.All<EmailSuppressed>());
            return emails;
        });

        Assert.Equal(customers, distributed.Count);
        Assert.Equal(customers, distributed.Select(e => e.UserId).Distinct().Count());
        var catalog = plan.CatalogItems.Select(item => JsonSerializer.SerializeToElement(item).GetProperty("id").GetString()).ToHashSet();
        Assert.All(distributed, email =>
        {
            Assert.Equal($"customer-{email.UserId}@example.com", email.To);
            Assert.NotEmpty(email.ItemIds);
            Assert.All(email.ItemIds, item => Assert.Contains(item, catalog));
            Assert.InRange(email.SendAt, windowStart, windowStart.AddDays(7));
            Assert.Contains("List-Unsubscribe", email.Headers.Keys);
        });

        // The same consumers, models and data: the same email for every customer, whichever way Tailor runs.
        var expected = Fingerprints(embedded);
        var actual = Fingerprints(distributed);
        Assert.Equal(expected.Keys, actual.Keys);
        var differences = expected.Where(email => actual[email.Key] != email.Value)
            .Select(email => $"{email.Key}:\n  embedded:    {email.Value}\n  distributed: {actual[email.Key]}")
            .ToList();
        Assert.True(differences.Count == 0, $"{differences.Count} emails differ, e.g.\n{string.Join("\n", differences.Take(3))}");
    }

    // A subject the bandit drew among the template's angles depends on how many of each it had shown before, that is on
    // the order emails were written in, which differs between one process and six; everything else must be the same.
    private static SortedDictionary<string, string> Fingerprints(IEnumerable<EmailReady> emails) =>
        new(emails.ToDictionary(
            email => email.UserId,
            email => $"{(email.SubjectVariant is null ? $"{email.Subject} | {email.Preheader}" : "a subject drawn by the bandit")} | {string.Join(",", email.ItemIds)} | {email.SendAt:O} | {email.TextBody}"),
            StringComparer.Ordinal);
}
