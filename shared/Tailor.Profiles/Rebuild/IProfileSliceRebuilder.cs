namespace Tailor.Profiles.Rebuild;

/// <summary>
/// Writes every user's slice of one kind again from the owning service's store, which is the truth the profile cache
/// only projects: after the cache lost its data, and after writes of the slice failed (a Redis outage). Each service
/// that owns a slice registers one (<see cref="ProfileRebuildRegistration.AddProfileSliceRebuilder{T}"/>).
/// </summary>
public interface IProfileSliceRebuilder
{
    /// <summary>The slice this rebuilder writes (a slice type's <c>SliceName</c>).</summary>
    string SliceName { get; }

    /// <summary>Writes every stored user's slice; returns how many were written.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken);
}
