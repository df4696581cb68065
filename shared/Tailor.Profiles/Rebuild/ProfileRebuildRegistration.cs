using Microsoft.Extensions.DependencyInjection;
using Tailor.Storage;

namespace Tailor.Profiles.Rebuild;

/// <summary>
/// How a service registers the rebuild of the slice it owns: with it, the profile cache gets that slice back from the
/// service's store whenever it lost it or failed to take a write of it (see <see cref="ProfileRebuildMonitor"/>).
/// </summary>
public static class ProfileRebuildRegistration
{
    /// <summary>The slice is rebuilt by a method of one of the service's own singletons, which knows its locks.</summary>
    public static IServiceCollection AddProfileSliceRebuilder<TSlice, TOwner>(
        this IServiceCollection services, Func<TOwner, CancellationToken, Task<int>> rebuild)
        where TSlice : IProfileSlice
        where TOwner : notnull
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(rebuild);
        return services.AddSingleton<IProfileSliceRebuilder>(provider =>
            new DelegatingRebuilder(TSlice.SliceName, cancellationToken => rebuild(provider.GetRequiredService<TOwner>(), cancellationToken)));
    }

    /// <summary>The slice is projected from one stored document per user in <paramref name="collection"/>.</summary>
    public static IServiceCollection AddStoredSliceRebuilder<TDocument, TSlice>(
        this IServiceCollection services, string collection, Func<TDocument, TSlice> toSlice)
        where TDocument : class
        where TSlice : IProfileSlice
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton<IProfileSliceRebuilder>(provider => new StoredSliceRebuilder<TDocument, TSlice>(
            provider.GetRequiredService<IDocumentStore>(), provider.GetRequiredService<IProfileCache>(), collection, toSlice));
    }

    /// <summary>Registers a rebuilder class of the service's own.</summary>
    public static IServiceCollection AddProfileSliceRebuilder<TRebuilder>(this IServiceCollection services)
        where TRebuilder : class, IProfileSliceRebuilder
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton<IProfileSliceRebuilder, TRebuilder>();
    }

    private sealed class DelegatingRebuilder(string sliceName, Func<CancellationToken, Task<int>> rebuild) : IProfileSliceRebuilder
    {
        public string SliceName => sliceName;

        public Task<int> RebuildAsync(CancellationToken cancellationToken) => rebuild(cancellationToken);
    }
}
