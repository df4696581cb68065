using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tailor.Testing.Processes;

/// <summary>
/// One Tailor host running as an operating-system process (<c>dotnet tailor.dll serve ...</c>), its console written
/// to a log file. It listens on a port the system chose (read from the host's own "Now listening on" line, so two
/// processes never race for a port) and is ready once <c>/health</c> answers 200: stores, Redis and the bus connected.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _lastProcessorTime;
    private bool _closed;

    private ServiceProcess(Process process, string service, int replica, string logFile)
    {
        _process = process;
        Service = service;
        Replica = replica;
        LogFile = logFile;
        _log = new StreamWriter(logFile, append: false) { AutoFlush = true };
    }

    public string Service { get; }

    /// <summary>0 for the first process of its service, 1 for the second...</summary>
    public int Replica { get; }

    public string LogFile { get; }

    /// <summary>The address the host listens on; only known once <see cref="WaitUntilReadyAsync"/> returned.</summary>
    public Uri Address => _address.Task.IsCompletedSuccessfully
        ? _address.Task.Result
        : throw new InvalidOperationException($"{Name} has not said where it listens yet.");

    public string Name => $"{Service}#{Replica}";

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time (user and system) the process has used so far; the last value read once it has ended.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            try
            {
                _process.Refresh();
                if (!_process.HasExited)
                {
                    _lastProcessorTime = _process.TotalProcessorTime;
                }
            }
            catch (InvalidOperationException)
            {
                // Ended between the check and the read: the last value read stands.
            }

            return _lastProcessorTime;
        }
    }

    /// <summary>Starts <c>dotnet {hostDll} serve {arguments}</c> on a port of its own.</summary>
    public static ServiceProcess Start(string hostDll, string service, int replica, IEnumerable<string> arguments, string logFile)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!File.Exists(hostDll))
        {
            throw new FileNotFoundException($"The Tailor host to start was not built: {hostDll}", hostDll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        foreach (var argument in (string[])[hostDll, "serve", .. arguments, .. OwnArguments])
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var started = new ServiceProcess(process, service, replica, logFile);
        process.OutputDataReceived += (_, line) => started.Write(line.Data);
        process.ErrorDataReceived += (_, line) => started.Write(line.Data);
        process.Exited += (_, _) => started._address.TrySetException(new InvalidOperationException($"{started.Name} exited before it listened."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    // Last, so they win over the caller's: a port the system picks (read back from the log line the lifetime logs).
    private static readonly string[] OwnArguments =
    [
        "--urls=http://127.0.0.1:0",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        "--Logging:Console:FormatterName=simple",
        "--Logging:Console:FormatterOptions:SingleLine=true",
        "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
    ];

    /// <summary>Waits until the host listens and its <c>/health</c> answers 200; fails with the log's end if it exits or stays unready.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            Uri address;
            try
            {
                address = await _address.Task.WaitAsync(deadline.Token);
            }
            catch (InvalidOperationException)
            {
                throw Exited();
            }

            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
            while (true)
            {
                if (HasExited)
                {
                    throw Exited();
                }

                try
                {
                    using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), deadline.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Listening is logged just before requests are served.
                }
                catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
                {
                    // One slow answer while a dozen processes start on a few cores: ask again.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} was not ready after {timeout.TotalSeconds:0} s.{Environment.NewLine}{LogTail()}");
        }
    }

    /// <summary>The last lines the process wrote, headed by its name and log file.</summary>
    public string LogTail(int lines = 40)
    {
        string[] all;
        lock (_logLock)
        {
            using var reader = new StreamReader(new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        return $"--- {Name} (pid {_process.Id}), last {Math.Min(lines, all.Length)} of {all.Length} lines of {LogFile}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, all.TakeLast(lines));
    }

    /// <summary>Kills the process (a replica dying is part of what the services must survive) and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        _ = ProcessorTime;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already ended.
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        lock (_logLock)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private InvalidOperationException Exited() =>
        new($"{Name} exited with code {_process.ExitCode} before it was ready.{Environment.NewLine}{LogTail()}");

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }

        if (!_address.Task.IsCompleted && ListeningLine().Match(line) is { Success: true } listening)
        {
            _address.TrySetResult(new Uri(listening.Groups["address"].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningLine();
}
