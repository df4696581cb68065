namespace Tailor.Embedding.Interests;

/// <summary>
/// Striped async locks by user id: one user's state is read, folded and written by one caller at a time in this
/// process, whichever consumer (activity batch, email click, erasure) touches it. Each caller holds one lock at most.
/// </summary>
internal sealed class UserLocks : IDisposable
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<Held> AcquireAsync(string userId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(userId) % (uint)_stripes.Length];
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

    public readonly struct Held(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
