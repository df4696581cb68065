using Tailor.Embedding.Model;

namespace Tailor.Embedding.Tests;

public sealed class InferenceBatcherTests
{
    [Fact]
    public async Task Requests_waiting_while_a_run_is_busy_go_into_the_next_run_together()
    {
        using var firstRunStarted = new SemaphoreSlim(0);
        using var releaseFirstRun = new SemaphoreSlim(0);
        var runs = new List<int>();
        using var batcher = new InferenceBatcher(
            sequences =>
            {
                lock (runs)
                {
                    runs.Add(sequences.Count);
                }

                if (runs.Count == 1)
                {
                    firstRunStarted.Release();
                    releaseFirstRun.Wait(TestContext.Current.CancellationToken);
                }

                return [.. sequences.Select(sequence => new float[] { sequence[0] })];
            },
            fullBatch: 64,
            window: TimeSpan.Zero);

        var first = batcher.EmbedAsync([[1]], TestContext.Current.CancellationToken);
        await firstRunStarted.WaitAsync(TestContext.Current.CancellationToken);
        var waiting = Enumerable.Range(2, 5).Select(id => batcher.EmbedAsync([[id], [id * 10]], TestContext.Current.CancellationToken)).ToArray();
        releaseFirstRun.Release();

        Assert.Equal(1f, Assert.Single((await first)[0]));
        var results = await Task.WhenAll(waiting);
        Assert.Equal([1, 10], runs);
        for (var i = 0; i < results.Length; i++)
        {
            // Each request gets its own vectors back, in its own order.
            Assert.Equal([i + 2f, (i + 2f) * 10], results[i].Select(vector => vector[0]));
        }
    }

    [Fact]
    public async Task Requests_within_the_window_run_as_one_batch()
    {
        var runs = new List<int>();
        using var batcher = new InferenceBatcher(
            sequences =>
            {
                lock (runs)
                {
                    runs.Add(sequences.Count);
                }

                return [.. sequences.Select(_ => new float[1])];
            },
            fullBatch: 4,
            window: TimeSpan.FromSeconds(5));

        // The batch is full at four sequences, so it runs long before the window ends.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(id => batcher.EmbedAsync([[id]], TestContext.Current.CancellationToken)));

        Assert.Equal([4], runs);
    }

    [Fact]
    public async Task Failed_run_fails_its_requests_and_the_next_request_still_runs()
    {
        var calls = 0;
        using var batcher = new InferenceBatcher(
            sequences => Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("model file unreadable")
                : [.. sequences.Select(_ => new float[] { 7 })],
            fullBatch: 64,
            window: TimeSpan.Zero);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => batcher.EmbedAsync([[1]], TestContext.Current.CancellationToken));
        var next = await batcher.EmbedAsync([[2]], TestContext.Current.CancellationToken);

        Assert.Equal("model file unreadable", failure.Message);
        Assert.Equal(7f, next[0][0]);
    }

    [Fact]
    public async Task Request_cancelled_before_its_run_is_left_out_of_it()
    {
        using var firstRunStarted = new SemaphoreSlim(0);
        using var releaseFirstRun = new SemaphoreSlim(0);
        var ran = new List<int>();
        using var batcher = new InferenceBatcher(
            sequences =>
            {
                lock (ran)
                {
                    ran.AddRange(sequences.Select(sequence => sequence[0]));
                }

                if (sequences[0][0] == 1)
                {
                    firstRunStarted.Release();
                    releaseFirstRun.Wait(TestContext.Current.CancellationToken);
                }

                return [.. sequences.Select(_ => new float[1])];
            },
            fullBatch: 64,
            window: TimeSpan.Zero);
        using var givenUp = new CancellationTokenSource();

        var first = batcher.EmbedAsync([[1]], TestContext.Current.CancellationToken);
        await firstRunStarted.WaitAsync(TestContext.Current.CancellationToken);
        var cancelled = batcher.EmbedAsync([[2]], givenUp.Token);
        var kept = batcher.EmbedAsync([[3]], TestContext.Current.CancellationToken);
        await givenUp.CancelAsync();
        releaseFirstRun.Release();

        await first;
        await kept;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal([1, 3], ran);
    }
}
