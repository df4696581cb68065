using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Tailor.Messaging;

/// <summary>
/// The queue prefix each consumer was registered under (<see cref="TailorQueues.QueuedUnder"/>), kept as a singleton in
/// the bus's service collection so that every registration adds to the one table the formatter reads.
/// </summary>
internal sealed class QueuePrefixes
{
    private readonly Dictionary<Type, string> _byConsumer = [];

    public static QueuePrefixes In(IServiceCollection services)
    {
        if (services.FirstOrDefault(descriptor => descriptor.ServiceType == typeof(QueuePrefixes))?.ImplementationInstance is QueuePrefixes existing)
        {
            return existing;
        }

        var created = new QueuePrefixes();
        services.AddSingleton(created);
        return created;
    }

    /// <summary>
    /// The consumer types registered in <paramref name="services"/>: MassTransit registers each consumer as a scoped
    /// service of its own type, which is how a registration's newly added consumers are found.
    /// </summary>
    public static HashSet<Type> ConsumerTypes(IServiceCollection services) =>
        services.Select(descriptor => descriptor.ServiceType)
            .Where(type => type.IsClass && typeof(IConsumer).IsAssignableFrom(type))
            .ToHashSet();

    /// <summary>Gives the consumers the prefix, unless an inner registration already gave them one.</summary>
    public void Claim(IEnumerable<Type> consumers, string prefix)
    {
        foreach (var consumer in consumers)
        {
            _byConsumer.TryAdd(consumer, prefix);
        }
    }

    /// <summary>The consumer's prefix; null for one added outside a service's registration (a test's own consumer).</summary>
    public string? Of(Type consumer) => _byConsumer.GetValueOrDefault(consumer);
}
