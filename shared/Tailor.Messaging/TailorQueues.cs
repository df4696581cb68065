using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Tailor.Messaging;

/// <summary>
/// The one place queue names are decided: a service registers its consumers under a queue prefix of its own, and
/// <see cref="TailorQueueNameFormatter"/> names each queue <c>{prefix}-{consumer}</c>.
/// </summary>
/// <remarks>
/// A prefix per registration rather than a table of every queue: a new consumer gets its name from the line that
/// registers it, and two services consuming one message get a queue each (fan-out) because their prefixes differ. The
/// prefixes in use keep the names the queues were first created with (hence <c>-consumers</c> in most of them).
/// </remarks>
public static class TailorQueues
{
    /// <summary>Called once by a service's registration entry point to add its consumers, under its queue prefix, to this process's bus.</summary>
    public static IHostApplicationBuilder AddTailorConsumers(
        this IHostApplicationBuilder builder, string queuePrefix, Action<IBusRegistrationConfigurator> registration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queuePrefix);
        ArgumentNullException.ThrowIfNull(registration);
        return builder.AddTailorConsumers(bus => bus.QueuedUnder(queuePrefix, registration));
    }

    /// <summary>
    /// Adds consumers whose queues are named under <paramref name="queuePrefix"/>; within a service's registration, for
    /// consumers whose queues carry another prefix than the service's.
    /// </summary>
    public static IBusRegistrationConfigurator QueuedUnder(
        this IBusRegistrationConfigurator bus, string queuePrefix, Action<IBusRegistrationConfigurator> addConsumers)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentException.ThrowIfNullOrWhiteSpace(queuePrefix);
        ArgumentNullException.ThrowIfNull(addConsumers);
        var prefixes = bus.UseTailorQueueNames();
        var before = QueuePrefixes.ConsumerTypes(bus);
        addConsumers(bus);
        prefixes.Claim(QueuePrefixes.ConsumerTypes(bus).Where(consumer => !before.Contains(consumer)), queuePrefix);
        return bus;
    }

    /// <summary>
    /// Sets the Tailor formatter on the bus the registrations are applied to, whichever bus that is (the host's, or a
    /// test harness's), so that every bus names the queues alike.
    /// </summary>
    internal static QueuePrefixes UseTailorQueueNames(this IBusRegistrationConfigurator bus)
    {
        var prefixes = QueuePrefixes.In(bus);
        // MassTransit keeps the first formatter set; every one set here reads the same table.
        bus.SetEndpointNameFormatter(new TailorQueueNameFormatter(prefixes));
        return prefixes;
    }
}
