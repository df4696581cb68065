using MassTransit;

namespace Tailor.Messaging;

/// <summary>
/// The consumers every registered service asked for. MassTransit is configured once per process,
/// so services add to this list and <see cref="TailorBusExtensions.AddTailorBus"/> applies it.
/// </summary>
public sealed class BusRegistrations
{
    private readonly List<Action<IBusRegistrationConfigurator>> _registrations = [];

    public void Add(Action<IBusRegistrationConfigurator> registration) => _registrations.Add(registration);

    public void ApplyTo(IBusRegistrationConfigurator configurator)
    {
        foreach (var registration in _registrations)
        {
            registration(configurator);
        }
    }
}
