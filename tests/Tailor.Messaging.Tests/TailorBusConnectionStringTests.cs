using Microsoft.Extensions.Hosting;

namespace Tailor.Messaging.Tests;

/// <summary>A <c>ConnectionStrings:rabbitmq</c> that is not an AMQP URI stops the start with the setting named.</summary>
public sealed class TailorBusConnectionStringTests
{
    [Theory]
    [InlineData("notauri")]
    [InlineData("http://guest:secret@localhost:15672")]
    [InlineData("localhost:5672")]
    public void AddTailorBus_refuses_a_value_that_is_not_an_amqp_uri_without_repeating_it(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["ConnectionStrings:rabbitmq"] = connectionString;

        var refused = Assert.Throws<ArgumentException>(() => builder.AddTailorBus());

        Assert.StartsWith("ConnectionStrings:rabbitmq is not an AMQP URI; give amqp://", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(connectionString, refused.Message, StringComparison.Ordinal);
    }
}
