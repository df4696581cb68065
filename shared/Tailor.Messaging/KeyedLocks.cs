namespace Tailor.Messaging;

/// <summary>
/// Striped async locks by key (usually a user id): one key's read-modify-write runs for one caller at a time in this
/// process, whichever consumer or request touches it. A fixed set of gates with keys hashed onto them, so memory does
/// not grow with users; two keys may share a gate, which only makes them wait for each other. Each caller should hold
/// one lock at most, or take them in a fixed order.
/// </summary>
public sealed class KeyedLocks : IDisposable
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<Held> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(key) % Stripes];
        await stripe.WaitAsync(cancellationToken);
        return new Held(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    /// <summary>Releases the lock when disposed; dispose it once (a <c>using</c> declaration).</summary>
    public readonly struct Held(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
