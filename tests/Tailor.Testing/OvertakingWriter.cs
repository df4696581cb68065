namespace Tailor.Testing;

/// <summary>
/// Another writer's work, run once when armed, at the moment a <see cref="DocumentWriteOvertaken"/> store is about to
/// write: how a test stages a lost race at a chosen point.
/// </summary>
public sealed class OvertakingWriter
{
    private Func<Task>? _armed;

    /// <summary>Whether the armed work ran.</summary>
    public bool Overtook { get; private set; }

    public void Arm(Func<Task> overtake) => _armed = overtake;

    /// <summary>Runs the armed work, once: the other writer's own writes, through the same kind of store, find it disarmed.</summary>
    public async Task RunOnceAsync()
    {
        if (Interlocked.Exchange(ref _armed, null) is { } overtake)
        {
            await overtake();
            Overtook = true;
        }
    }
}
