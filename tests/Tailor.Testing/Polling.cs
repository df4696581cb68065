using System.Diagnostics;
using Xunit;

namespace Tailor.Testing;

/// <summary>
/// The one way tests wait for a condition that real servers and consumers make true in their own time (a message
/// consumed, a write flushed, a process up): delivery is asynchronous, and a fixed sleep would only guess.
/// </summary>
public static class Polling
{
    /// <summary>How long a test waits before it calls a delivery lost, unless it says otherwise.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Whether <paramref name="done"/> came true within <paramref name="patience"/> (30 s by default), for a test that
    /// asserts on the answer itself; the wait ends early when the test is cancelled.
    /// </summary>
    public static Task<bool> WithinAsync(Func<bool> done, TimeSpan? patience = null) =>
        WithinAsync(() => Task.FromResult(done()), patience, TestContext.Current.CancellationToken);

    /// <inheritdoc cref="WithinAsync(Func{bool}, TimeSpan?)"/>
    public static Task<bool> WithinAsync(Func<Task<bool>> done, TimeSpan? patience = null) =>
        WithinAsync(done, patience, TestContext.Current.CancellationToken);

    private static async Task<bool> WithinAsync(Func<Task<bool>> done, TimeSpan? patience, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(done);
        var limit = patience ?? Patience;
        var waited = Stopwatch.StartNew();
        while (!await done())
        {
            if (waited.Elapsed >= limit)
            {
                return false;
            }

            await Task.Delay(Interval, token);
        }

        return true;
    }

    /// <summary>Waits until <paramref name="done"/> is true, failing the test with how long it waited.</summary>
    public static Task UntilAsync(Func<bool> done, TimeSpan patience, CancellationToken cancellationToken) =>
        UntilAsync(() => Task.FromResult(done()), patience, cancellationToken);

    /// <inheritdoc cref="UntilAsync(Func{bool}, TimeSpan, CancellationToken)"/>
    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan patience, CancellationToken cancellationToken) =>
        Assert.True(await WithinAsync(done, patience, cancellationToken), $"Gave up after {patience}.");
}
