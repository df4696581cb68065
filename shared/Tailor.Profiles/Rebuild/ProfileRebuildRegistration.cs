using Microsoft.Extensions.DependencyInjection;

namespace Tailor.Profiles.Rebuild;

public static class ProfileRebuildRegistration
{
    /// <summary>
    /// Registers a service's rebuilder of the slice it owns: with it, the profile cache gets that slice back from the
    /// service's store whenever it lost it (see <see cref="ProfileRebuildMonitor"/>).
    /// </summary>
    public static IServiceCollection AddProfileSliceRebuilder<TRebuilder>(this IServiceCollection services)
        where TRebuilder : class, IProfileSliceRebuilder
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IProfileSliceRebuilder, TRebuilder>();
        return services;
    }
}
