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
        var names = Registered(target, (registration, definition, formatter) => (Consumer: registration.Type.Name, Queue: definition.GetEndpointName(formatter)));
        // Two consumers on one queue would share its messages instead of each getting a copy: names are by class name
        // under a prefix, so two classes of one name under one prefix would collide.
        var shared = names.GroupBy(name => name.Queue).Where(group => group.Count() > 1).Select(group => $"{group.Key}: {string.Join(", ", group.Select(name => name.Consumer))}").ToList();
        Xunit.Assert.True(shared.Count == 0, $"{target}: consumers share a queue: {string.Join("; ", shared)}");
        return names.Select(name => name.Queue).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Each consumer the target's registration adds, with the type of its definition.</summary>
    public static IReadOnlyList<(Type Consumer, Type Definition)> Definitions(string target) =>
        Registered(target, (registration, definition, _) => (registration.Type, definition.GetType()));

    private static List<T> Registered<T>(string target, Func<IConsumerRegistration, IConsumerDefinition, IEndpointNameFormatter, T> select)
    {
        // Only the registrations are built, never the bus: MassTransit keeps the first bus's logger in a static, so a
        // bus built and disposed here would break the next host another test builds.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder([$"--{ServiceTargets.ConfigurationKey}={target}"]);
        builder.AddTargets();
        builder.AddTailorBus();
        using var services = builder.Services.BuildServiceProvider();
        var context = services.GetRequiredService<IBusRegistrationContext>();
        var formatter = services.GetRequiredService<IEndpointNameFormatter>();
        return [.. services.GetServices<IConsumerRegistration>().Select(registration => select(registration, registration.GetDefinition(context), formatter))];
    }
}
