namespace Tailor.Testing.Processes;

/// <summary>
/// Tailor's services as separate processes, as a deployment runs them: a number of processes of each
/// service, each started with the arguments the caller gives for its service (so every replica of a service shares
/// that service's store, broker and Redis key prefix), all killed on dispose. Every process writes its console to
/// <c>{logs}/{service}-{replica}.log</c>; <see cref="LogTails"/> is what a failing test prints.
/// </summary>
public sealed class ServiceFleet : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    private readonly IReadOnlyList<ServiceProcess> _processes;

    private ServiceFleet(IReadOnlyList<ServiceProcess> processes, DirectoryInfo logs)
    {
        _processes = processes;
        Logs = logs;
    }

    /// <summary>The folder of the processes' log files.</summary>
    public DirectoryInfo Logs { get; }

    /// <summary>The host <c>tailor.dll</c> beside the calling assembly (a test or the benchmark referencing the host project).</summary>
    public static string BuiltHost => Path.Combine(AppContext.BaseDirectory, "tailor.dll");

    /// <summary>Starts every process at once and waits until all are ready; on failure, kills them and throws with their logs.</summary>
    /// <param name="arguments">The command-line settings of one service (the same for each of its replicas).</param>
    public static async Task<ServiceFleet> StartAsync(
        IEnumerable<string> services,
        int replicas,
        Func<string, IEnumerable<string>> arguments,
        DirectoryInfo logs,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        logs.Create();
        var processes = new List<ServiceProcess>();
        var fleet = new ServiceFleet(processes, logs);
        try
        {
            foreach (var service in services)
            {
                var serviceArguments = arguments(service).ToList();
                for (var replica = 0; replica < replicas; replica++)
                {
                    processes.Add(ServiceProcess.Start(
                        BuiltHost, service, replica, serviceArguments, Path.Combine(logs.FullName, $"{service}-{replica}.log")));
                }
            }

            await Task.WhenAll(processes.Select(process => process.WaitUntilReadyAsync(ReadyTimeout, cancellationToken)));
            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    /// <summary>The processes of one service, first replica first.</summary>
    public IReadOnlyList<ServiceProcess> Of(string service) =>
        [.. _processes.Where(process => string.Equals(process.Service, service, StringComparison.OrdinalIgnoreCase))];

    /// <summary>CPU time used so far by every process of one service together.</summary>
    public TimeSpan ProcessorTime(string service) =>
        Of(service).Aggregate(TimeSpan.Zero, (sum, process) => sum + process.ProcessorTime);

    /// <summary>Fails when a process has ended: a replica that crashed would otherwise look like a slow one.</summary>
    public void ThrowIfAnyExited()
    {
        var exited = _processes.Where(process => process.HasExited).ToList();
        if (exited.Count > 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(", ", exited.Select(process => process.Name))} ended.{Environment.NewLine}{string.Join(Environment.NewLine, exited.Select(process => process.LogTail()))}");
        }
    }

    /// <summary>The end of every process's log, for a failure message.</summary>
    public string LogTails(int lines = 25) =>
        string.Join(Environment.NewLine, _processes.Select(process => process.LogTail(lines)));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_processes.Select(process => process.DisposeAsync().AsTask()));
    }
}
