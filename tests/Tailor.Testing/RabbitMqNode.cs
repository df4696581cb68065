namespace Tailor.Testing;

/// <summary>
/// A RabbitMQ node of a test's own, on free ports with its data in a temporary folder, so a test can stop and restart
/// the broker without touching the one every other test shares. Its data survives a stop, like a real broker's disk.
/// Skips the test, with the reason, where <c>rabbitmq-server</c> is not installed or does not start.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _directory;
    private readonly Dictionary<string, string> _environment;

    private RabbitMqNode(string directory, string name, int port, int distributionPort)
    {
        _directory = directory;
        Name = name;
        Port = port;
        _environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = name,
            ["RABBITMQ_NODE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "node.pid"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
        };
    }

    public string Name { get; }

    public int Port { get; }

    public string AmqpUri => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public static async Task<RabbitMqNode> StartAsync()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/sbin/rabbitmq-server"))
        {
            Xunit.Assert.Skip("rabbitmq-server is not installed here (scripts/test-infrastructure.sh installs it as root).");
        }

        var directory = Directory.CreateTempSubdirectory("tailor-rabbitmq-node-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[].");

        // The Debian wrapper runs the broker as the rabbitmq user, which must be able to write here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0x1FF);
        }
        var node = new RabbitMqNode(directory, $"tailor-test-{Guid.NewGuid():N}@localhost", FreePorts.Next(), FreePorts.Next());
        await node.StartAgainAsync();
        return node;
    }

    /// <summary>Starts the node (again, after <see cref="StopAsync"/>) and waits until it takes connections.</summary>
    public async Task StartAgainAsync()
    {
        // Through a shell with its output discarded: the detached broker would otherwise hold our pipes open.
        await RunAsync("sh", "-c \"rabbitmq-server -detached >/dev/null 2>&1\"");

        // await_startup fails at once while the detached node has not registered yet, so it is asked until it answers.
        var output = string.Empty;
        async Task<bool> StartedAsync()
        {
            (var exitCode, output) = await RunAsync("rabbitmqctl", $"-n {Name} --timeout {(int)StartTimeout.TotalSeconds} await_startup");
            return exitCode == 0;
        }

        if (!await Polling.WithinAsync(StartedAsync, StartTimeout))
        {
            await StopAsync();
            Xunit.Assert.Skip($"The test's own RabbitMQ node did not start: {output.Trim()}");
        }
    }

    /// <summary>Stops the broker the way an operator or a crash of its host would end it: every connection drops.</summary>
    /// <remarks>Given the pid file, <c>rabbitmqctl stop</c> returns only once the node's process has ended.</remarks>
    public async Task StopAsync() => await RunAsync("rabbitmqctl", $"-n {Name} stop {_environment["RABBITMQ_PID_FILE"]}");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The broker's user may still hold a log file for a moment; the temporary folder is cleaned by the system.
        }
    }

    private Task<(int ExitCode, string Output)> RunAsync(string command, string arguments) =>
        ExternalCommand.RunAsync(command, arguments, _environment);
}
