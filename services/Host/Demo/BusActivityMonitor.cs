using MassTransit;

namespace Tailor.Host.Demo;

/// <summary>
/// Tells when the in-process bus has gone quiet: no message is being received and none was for a while.
/// The demo waits on it between phases, because services learn asynchronously from what Ingestion published.
/// </summary>
public sealed class BusActivityMonitor : IReceiveObserver
{
    private long _inFlight;
    private long _received;
    private long _faults;
    private long _lastActivityTicks = DateTime.UtcNow.Ticks;

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Messages whose handling failed for good (they went to an <c>_error</c> queue).</summary>
    public long Faults => Interlocked.Read(ref _faults);

    public async Task WaitForQuietAsync(TimeSpan quietFor, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref _inFlight) > 0 || DateTime.UtcNow - LastActivity < quietFor)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The bus was still busy after {timeout.TotalSeconds:0} s ({Interlocked.Read(ref _inFlight)} messages in flight).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    public Task PreReceive(ReceiveContext context)
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _received);
        Touch();
        return Task.CompletedTask;
    }

    public Task PostReceive(ReceiveContext context) => Done();

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        Interlocked.Increment(ref _faults);
        return Done();
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask; // retries report here too; only a final failure counts as a fault

    private DateTime LastActivity => new(Interlocked.Read(ref _lastActivityTicks), DateTimeKind.Utc);

    private Task Done()
    {
        Interlocked.Decrement(ref _inFlight);
        Touch();
        return Task.CompletedTask;
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivityTicks, DateTime.UtcNow.Ticks);
}
