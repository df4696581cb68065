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

    // Asked often at first, since most conditions come true within milliseconds, then less often, so that a long wait
    // on a costly check (a query to every service) does not load the machine it waits on.
    private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestInterval = TimeSpan.FromMilliseconds(100);

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
        var interval = FirstInterval;
        while (!await done())
        {
            if (waited.Elapsed >= limit)
            {
                return false;
            }

            await Task.Delay(interval, token);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, LongestInterval.Ticks));
        }

        return true;
    }

    /// <summary>Waits until <paramref name="done"/> is true, failing the test with how long it waited and <paramref name="because"/>.</summary>
    public static Task UntilAsync(Func<bool> done, TimeSpan patience, CancellationToken cancellationToken, string? because = null) =>
        UntilAsync(() => Task.FromResult(done()), patience, cancellationToken, because);

    /// <inheritdoc cref="UntilAsync(Func{bool}, TimeSpan, CancellationToken, string?)"/>
    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan patience, CancellationToken cancellationToken, string? because = null) =>
        Assert.True(await WithinAsync(done, patience, cancellationToken), because is null ? $"Gave up after {patience}." : $"Gave up after {patience}: {because}.");
}
