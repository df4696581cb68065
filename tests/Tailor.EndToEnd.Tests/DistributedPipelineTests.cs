using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// Distributed mode: the six services as six separately built hosts, wired only through a real RabbitMQ and Redis
/// (each with its own embedded store, or MongoDB when <c>MONGODB_URI</c> is set), from HTTP events to <c>EmailReady</c>.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class DistributedPipelineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Six_hosts_on_RabbitMQ_and_Redis_turn_http_events_into_emails_for_every_customer()
    {
        var rabbitMq = TestInfrastructure.RequireRabbitMq();
        var redis = TestInfrastructure.RequireRedis();
        var run = Guid.NewGuid().ToString("N")[..12];
        var state = Directory.CreateTempSubdirectory($"tailor-e2e-{run}");
        var ct = TestContext.Current.CancellationToken;

        // A small real slice: the first orders of December 2010.
        var plan = ReplayPlan.From(OnlineRetailReader.Read(DemoOptions.BundledSample).Take(600));
        var customers = plan.Identifies.Count;
        Assert.InRange(customers, 5, 100);

        var collector = new MessageCollector();
        var observer = StartObserverBus(rabbitMq, run, collector);
        await observer.StartAsync(ct);
        var hosts = ServiceTargets.Names
            .Select(target => TailorHost.Build(HostArguments(target, rabbitMq, redis, run, state)))
            .ToList();
        try
        {
            foreach (var host in hosts)
            {
                await host.StartAsync(ct);
            }

            using var http = new HttpClient { BaseAddress = AddressOf(hosts[ServiceTargets.Names.ToList().IndexOf("ingestion")]) };
            var ingestion = new IngestionClient(http);
            await ingestion.SendCatalogAsync(plan.CatalogItems, _ => { }, ct);
            await ingestion.SendEventsAsync([.. plan.Identifies, .. plan.Orders], _ => { }, ct);

            // Embedding and SendTime learn per event; every customer gets an interest vector and a send time.
            await collector.WaitForAsync<UserInterestsUpdated>(m => m.Select(u => u.UserId).Distinct().Count() == customers, Patience, "an interest vector per customer");
            await collector.WaitForAsync<SendTimeUpdated>(m => m.Select(u => u.UserId).Distinct().Count() == customers, Patience, "a send time per customer");
            await Task.Delay(TimeSpan.FromSeconds(2), ct); // let Topic and Recommendation drain their queues too

            var request = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "end-to-end test");
            await observer.Publish(request, ct);
            var recommender = await collector.WaitForAsync<RecommenderTrained>(m => m.Any(t => t.RequestId == request.EventId), Patience, "the recommender to train");
            await collector.WaitForAsync<TopicModelTrained>(m => m.Any(t => t.RequestId == request.EventId), Patience, "the topic model to train");
            Assert.Equal(customers, recommender.Single(t => t.RequestId == request.EventId).Users);
            await collector.WaitForAsync<RecommendationsUpdated>(m => m.Select(u => u.UserId).Distinct().Count() == customers, Patience, "recommendations per customer");
            await collector.WaitForAsync<UserTopicsUpdated>(m => m.Select(u => u.UserId).Distinct().Count() == customers, Patience, "topics per customer");

            var windowStart = DateTimeOffset.UtcNow;
            var userIds = collector.All<RecommendationsUpdated>().Select(r => r.UserId).Distinct().ToList();
            await ingestion.RequestCampaignAsync("e2e", "test the whole pipeline", windowStart, windowStart.AddDays(7), ct);
            var emails = await collector.WaitForAsync<EmailReady>(m => m.Count + collector.All<EmailSuppressed>().Count >= customers, Patience, "an email per customer");

            Assert.Empty(collector.All<EmailSuppressed>());
            Assert.Equal(userIds.Order(), emails.Select(e => e.UserId).Order());
            var catalog = plan.CatalogItems.Select(item => System.Text.Json.JsonSerializer.SerializeToElement(item).GetProperty("id").GetString()).ToHashSet();
            Assert.All(emails, email =>
            {
                Assert.Equal($"customer-{email.UserId}@example.com", email.To);
                Assert.NotEmpty(email.ItemIds);
                Assert.All(email.ItemIds, item => Assert.Contains(item, catalog));
                Assert.InRange(email.SendAt, windowStart, windowStart.AddDays(7));
                Assert.Contains("List-Unsubscribe", email.Headers.Keys);
            });
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync(CancellationToken.None);
                await host.DisposeAsync();
            }

            await observer.StopAsync(CancellationToken.None);
            state.Delete(recursive: true);
        }
    }

    private static string[] HostArguments(string target, string rabbitMq, string redis, string run, DirectoryInfo state) =>
    [
        $"--Tailor:Target={target}",
        "--urls=http://127.0.0.1:0",
        $"--ConnectionStrings:rabbitmq={rabbitMq}",
        $"--ConnectionStrings:redis={redis}",
        $"--ConnectionStrings:mongodb={TestInfrastructure.MongoDb ?? string.Empty}",
        $"--Tailor:MongoDb:Database=tailor-e2e-{run}-{target}",
        $"--Tailor:Sqlite:Path={Path.Combine(state.FullName, $"{target}.db")}",
        $"--Tailor:Redis:KeyPrefix=e2e-{run}:",
        "--Logging:LogLevel:Default=Warning",
    ];

    /// <summary>The test's own bus: it publishes the training request and listens to what the services publish.</summary>
    private static IBusControl StartObserverBus(string rabbitMq, string run, MessageCollector collector) =>
        Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(new Uri(rabbitMq));
            bus.ReceiveEndpoint($"e2e-observer-{run}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                Collect<UserInterestsUpdated>(endpoint, collector);
                Collect<SendTimeUpdated>(endpoint, collector);
                Collect<RecommenderTrained>(endpoint, collector);
                Collect<TopicModelTrained>(endpoint, collector);
                Collect<RecommendationsUpdated>(endpoint, collector);
                Collect<UserTopicsUpdated>(endpoint, collector);
                Collect<EmailReady>(endpoint, collector);
                Collect<EmailSuppressed>(endpoint, collector);
            });
        });

    private static void Collect<T>(IReceiveEndpointConfigurator endpoint, MessageCollector collector)
        where T : class =>
        endpoint.Handler<T>(context =>
        {
            collector.Add(context.Message);
            return Task.CompletedTask;
        });

    private static Uri AddressOf(WebApplication host) =>
        new(host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
