using MassTransit;
using Microsoft.Extensions.Hosting;
using Tailor.Messaging;

namespace Tailor.Testing;

/// <summary>MassTransit's test harness in place of the Tailor bus, for any test host (<see cref="ConsumerHarness"/>, an HTTP app).</summary>
public static class TestBus
{
    /// <summary>
    /// Adds the test harness with every consumer the registrations on <paramref name="builder"/> gave the bus
    /// (<see cref="TailorQueues.AddTailorConsumers"/>), so a consumer a service adds is under test without a list here.
    /// </summary>
    /// <param name="quietAfter">How long the bus may be idle before the harness's own waits stop; MassTransit's default when null.</param>
    /// <param name="testTimeout">The longest a test waits on the harness as a whole; a bus that went quiet ends each wait long before.</param>
    public static IHostApplicationBuilder AddTailorTestBus(this IHostApplicationBuilder builder, TimeSpan? quietAfter = null, TimeSpan? testTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var consumers = builder.GetTailorConsumers();
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testTimeout: testTimeout ?? TimeSpan.FromSeconds(60), testInactivityTimeout: quietAfter);
            consumers.ApplyTo(bus);
        });
        return builder;
    }
}
