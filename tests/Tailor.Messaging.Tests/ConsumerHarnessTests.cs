using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.Messaging.Tests;

/// <summary>The shared test harness runs what a service's registration adds to the bus, and nothing a test lists.</summary>
public sealed class ConsumerHarnessTests
{
    [Fact]
    public async Task Start_runs_every_consumer_the_registration_adds_to_the_bus()
    {
        await using var harness = await ConsumerHarness.StartAsync("harness", builder =>
        {
            // As a service's Add<Service>() does: its own services, then its consumers through AddTailorConsumers.
            builder.Services.AddSingleton<Received<UserActivityTracked>>();
            builder.AddTailorConsumers(TestQueuePrefixes.ServiceA, bus => bus.AddConsumer<ServiceA.UserActivityConsumer>());
            builder.AddTailorConsumers(TestQueuePrefixes.ServiceB, bus => bus.AddConsumer<ServiceB.UserActivityConsumer>());
        });
        var views = TestActivities.Views(TestActivities.NewRun(), 3);

        await harness.DeliverAsync(views, view => view.EventId);

        var received = harness.Services.GetRequiredService<Received<UserActivityTracked>>();
        Assert.True(await Polling.WithinAsync(() => received.By<ServiceA.UserActivityConsumer>().Count == 3 && received.By<ServiceB.UserActivityConsumer>().Count == 3));
        Assert.Equal(views.Select(view => view.EventId).Order(), received.By<ServiceA.UserActivityConsumer>().Select(view => view.EventId).Order());
        Assert.Equal(views.Select(view => view.EventId).Order(), received.By<ServiceB.UserActivityConsumer>().Select(view => view.EventId).Order());
    }
}
