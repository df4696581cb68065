using System.Threading.Channels;

namespace Tailor.Embedding.Model;

/// <summary>
/// Dynamic batching: requests that arrive within a short window of each other, or while the model is busy, run through
/// the model together. On a CPU one run of 32 texts costs far less than 32 runs of one, and consumers of different
/// queues (catalog changes, activity, engagement) each bring a few texts at a time.
/// </summary>
internal sealed class InferenceBatcher : IDisposable
{
    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<int[]>, float[][]> _run;
    private readonly int _fullBatch;
    private readonly TimeSpan _window;
    private readonly Task _loop;

    /// <param name="run">Runs token sequences through the model: one vector per sequence, in order.</param>
    /// <param name="fullBatch">Sequences at which a batch stops waiting for more.</param>
    /// <param name="window">How long the first request of a batch waits for others.</param>
    public InferenceBatcher(Func<IReadOnlyList<int[]>, float[][]> run, int fullBatch, TimeSpan window)
    {
        _run = run;
        _fullBatch = fullBatch;
        _window = window;
        _loop = Task.Run(RunBatchesAsync);
    }

    /// <summary>The vectors of these sequences, run with whatever other requests are waiting.</summary>
    public Task<float[][]> EmbedAsync(int[][] sequences, CancellationToken cancellationToken)
    {
        var request = new Request(sequences, cancellationToken);
        if (!_queue.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(InferenceBatcher));
        }

        return request.Result.Task;
    }

    public void Dispose()
    {
        // Requests already queued are still answered before the loop ends.
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }

    private async Task RunBatchesAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Request>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var sequences = 0;
            var deadline = DateTime.UtcNow + _window;
            while (sequences < _fullBatch)
            {
                if (reader.TryRead(out var request))
                {
                    if (!request.Result.Task.IsCompleted)
                    {
                        batch.Add(request);
                        sequences += request.Sequences.Length;
                    }

                    continue;
                }

                var remaining = deadline - DateTime.UtcNow;
                if (batch.Count == 0 || remaining <= TimeSpan.Zero || !await MoreArriveWithinAsync(reader, remaining).ConfigureAwait(false))
                {
                    break;
                }
            }

            if (batch.Count > 0)
            {
                Run(batch);
            }
        }
    }

    private static async Task<bool> MoreArriveWithinAsync(ChannelReader<Request> reader, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Run(List<Request> batch)
    {
        try
        {
            var vectors = _run([.. batch.SelectMany(request => request.Sequences)]);
            var offset = 0;
            foreach (var request in batch)
            {
                request.Complete(vectors[offset..(offset + request.Sequences.Length)]);
                offset += request.Sequences.Length;
            }
        }
        catch (Exception exception)
        {
            // Every request of a failed run fails with its cause; the loop goes on for those that come next.
            foreach (var request in batch)
            {
                request.Fail(exception);
            }
        }
    }

    private sealed class Request
    {
        public Request(int[][] sequences, CancellationToken cancellationToken)
        {
            Sequences = sequences;
            // A request given up before its run is left out of it.
            _cancellation = cancellationToken.Register(() => Result.TrySetCanceled(cancellationToken));
        }

        private readonly CancellationTokenRegistration _cancellation;

        public int[][] Sequences { get; }

        public TaskCompletionSource<float[][]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete(float[][] vectors)
        {
            _cancellation.Dispose();
            Result.TrySetResult(vectors);
        }

        public void Fail(Exception exception)
        {
            _cancellation.Dispose();
            Result.TrySetException(exception);
        }
    }
}
