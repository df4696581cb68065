using System.Runtime.InteropServices;

namespace Tailor.Host.CommandLine;

/// <summary>
/// A token cancelled by Ctrl+C (SIGINT) or SIGTERM, for a command that runs until it is stopped: the command then
/// finishes what it was doing and exits 0 instead of being killed mid-write.
/// </summary>
public sealed class ConsoleStop : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ConsoleStop() =>
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, Stop))];

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        // Handled here: the process is not ended by the runtime, the command ends itself.
        context.Cancel = true;
        _stop.Cancel();
    }
}
