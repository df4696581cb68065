namespace Tailor.Ingestion.Contacts;

/// <summary>
/// Serialises read-merge-write of one user's contact record inside this process (an identify request and an
/// unsubscribe consumer may touch the same user at once). Striped: a fixed set of gates, users hashed onto them.
/// </summary>
internal sealed class UserLocks
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> AcquireAsync(string userId, CancellationToken cancellationToken)
    {
        var gate = _gates[(int)((uint)StringComparer.Ordinal.GetHashCode(userId) % Stripes)];
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
