using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
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
/// An operator's rollback over HTTP, with Ingestion and Recommendation in their own hosts on RabbitMQ: the answer comes
/// from Recommendation, and while Recommendation is down the request waits in its queue rather than expiring.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RollbackAcrossServicesTests
{
    private const string RollbackPath = "/v1/admin/models/recommender/rollback";

    [Fact]
    public async Task A_rollback_gets_Recommendations_answer_and_one_sent_while_it_is_down_runs_when_it_is_back()
    {
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync(TestInfrastructure.RequireRabbitMq());
        var redis = TestInfrastructure.RequireRedis();
        var ct = TestContext.Current.CancellationToken;
        var state = Directory.CreateTempSubdirectory("tailor-rollback-");
        var run = Guid.NewGuid().ToString("N")[..12];
        var apiKey = DemoApiKey.Create();
        string[] Arguments(string target) =>
            [.. ServiceHostArguments.For(target, virtualHost.AmqpUri, redis, mongoDb: null, state, run), .. apiKey.HostArguments(), "--Tailor:Ingestion:RollbackWait=00:00:03"];

        await PipelineRun.Isolated(async () =>
        {
            var refusals = new List<RecommenderRollbackRefused>();
            var observer = Bus.Factory.CreateUsingRabbitMq(bus =>
            {
                bus.Host(new Uri(virtualHost.AmqpUri));
                bus.ReceiveEndpoint($"rollback-observer-{run}", endpoint =>
                {
                    endpoint.AutoDelete = true;
                    endpoint.Durable = false;
                    endpoint.Handler<RecommenderRollbackRefused>(context =>
                    {
                        lock (refusals)
                        {
                            refusals.Add(context.Message);
                        }

                        return Task.CompletedTask;
                    });
                });
            });
            await observer.StartAsync(ct);
            await using var ingestion = TailorHost.Build(Arguments("ingestion"));
            var recommendation = TailorHost.Build(Arguments("recommendation"));
            try
            {
                await ingestion.StartAsync(ct);
                await recommendation.StartAsync(ct);
                using var http = new HttpClient { BaseAddress = AddressOf(ingestion) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey.Key);

                // Nothing trained yet: Recommendation says so, and the operator reads it in the answer.
                using (var refused = await http.PostAsync(RollbackPath, null, ct))
                {
                    Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
                    using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));
                    Assert.Contains("no recommender has been trained yet", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
                }

                await recommendation.StopAsync(ct);
                await recommendation.DisposeAsync();

                // Recommendation down: no answer within the wait, so 202; the request must still be in its queue.
                Guid rollbackId;
                using (var accepted = await http.PostAsync(RollbackPath, null, ct))
                {
                    Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
                    using var body = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync(ct));
                    rollbackId = body.RootElement.GetProperty("rollbackId").GetGuid();
                }

                await Task.Delay(TimeSpan.FromSeconds(2), ct); // past the wait, where a request with its time-to-live would have expired
                recommendation = TailorHost.Build(Arguments("recommendation"));
                await recommendation.StartAsync(ct);
                Assert.True(
                    await Polling.WithinAsync(
                        () =>
                        {
                            lock (refusals)
                            {
                                return refusals.Any(refusal => refusal.RequestId == rollbackId);
                            }
                        },
                        TimeSpan.FromMinutes(1)),
                    $"The rollback {rollbackId} sent while Recommendation was down never ran.");
            }
            finally
            {
                await recommendation.DisposeAsync();
                await observer.StopAsync(CancellationToken.None);
                state.Delete(recursive: true);
            }

            return 0;
        });
    }

    private static Uri AddressOf(WebApplication host) =>
        new(host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
