using System.Net;
using MassTransit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Host.Hosting;
using Tailor.Storage;

namespace Tailor.Host.Tests;

public class TailorHostTests
{
    [Fact]
    public async Task Build_with_no_connection_strings_serves_health_and_alive_on_the_embedded_defaults()
    {
        var state = Directory.CreateTempSubdirectory("tailor-host-");
        await using var app = TailorHost.Build(
        [
            "--Tailor:Target=ingestion",
            "--urls=http://127.0.0.1:0",
            "--ConnectionStrings:rabbitmq=",
            "--ConnectionStrings:mongodb=",
            "--ConnectionStrings:redis=",
            $"--Tailor:Sqlite:Path={Path.Combine(state.FullName, "tailor.db")}",
        ]);
        await app.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            using var alive = await http.GetAsync(new Uri("/alive", UriKind.Relative), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            Assert.Equal("loopback", app.Services.GetRequiredService<IBus>().Address.Scheme);
            Assert.Equal("SqliteEventStore", Assert.IsType<Tailor.Storage.Diagnostics.InstrumentedEventStore>(app.Services.GetRequiredService<IEventStore>()).Inner.GetType().Name);
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            state.Delete(recursive: true);
        }
    }
}
