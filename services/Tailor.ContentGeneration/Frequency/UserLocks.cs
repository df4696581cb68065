namespace Tailor.ContentGeneration.Frequency;

/// <summary>
/// Striped async locks by user id, so one user's ledger is read, decided on and written by one caller at a time in
/// this process: two campaigns' emails for one user must not both take the last place under the cap, and an
/// engagement must not be lost to a send written at the same moment.
/// </summary>
internal sealed class UserLocks : IDisposable
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

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
