namespace Tailor.Storage;

/// <summary>
/// Runs a one-time initialisation (schema, indexes) on first use. A failed attempt is not cached: the next caller
/// tries again, so a store that was unreachable at first use recovers once it is back.
/// </summary>
internal sealed class RetryableOnce(Func<CancellationToken, Task> initialize)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_done)
            {
                await initialize(cancellationToken);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
