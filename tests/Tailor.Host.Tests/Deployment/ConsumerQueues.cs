using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Host.Hosting;
using Tailor.Messaging;

namespace Tailor.Host.Tests.Deployment;

/// <summary>The queue each service's consumers read, named by MassTransit exactly as the running host names them.</summary>
internal static class ConsumerQueues
{
    public static IReadOnlySet<string> Of(string target)
    {
        // Only the registrations are built, never the bus: MassTransit keeps the first bus's logger in a static, so a
        // bus built and disposed here would break the next host another test builds.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder([$"--{ServiceTargets.ConfigurationKey}={target}"]);
        builder.AddTargets();
        builder.AddTailorBus();
        using var services = builder.Services.BuildServiceProvider();
        var context = services.GetRequiredService<IBusRegistrationContext>();
        var formatter = services.GetRequiredService<IEndpointNameFormatter>();
        return services.GetServices<IConsumerRegistration>()
            .Select(registration => registration.GetDefinition(context).GetEndpointName(formatter))
            .ToHashSet(StringComparer.Ordinal);
    }
}
