using System.Diagnostics;

namespace Tailor.Testing;

/// <summary>
/// Waits for a condition that real servers make true in their own time (a message consumed, a write flushed), failing
/// the test with how long it waited: delivery is asynchronous, and a fixed sleep would only guess.
/// </summary>
public static class Polling
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static Task UntilAsync(Func<bool> done, TimeSpan patience, CancellationToken cancellationToken) =>
        UntilAsync(() => Task.FromResult(done()), patience, cancellationToken);

    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        var waited = Stopwatch.StartNew();
        while (!await done())
        {
            Xunit.Assert.True(waited.Elapsed < patience, $"Gave up after {patience}.");
            await Task.Delay(Interval, cancellationToken);
        }
    }
}
