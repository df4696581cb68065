using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Tailor.Messaging.Tests;

/// <summary>The bus sends nothing to MassTransit's vendor: no usage report, whatever the environment says.</summary>
public sealed class TailorBusUsageTelemetryTests
{
    [Fact]
    public void AddTailorBus_turns_off_MassTransits_usage_telemetry()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddTailorBus();
        using var services = builder.Services.BuildServiceProvider();

        Assert.False(services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
