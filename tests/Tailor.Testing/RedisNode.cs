using System.Diagnostics;
using System.Globalization;

namespace Tailor.Testing;

/// <summary>
/// A Redis server of a test's own, on a free port with its append-only file in a temporary folder, so a test can shut
/// it down and start it again without touching the one every other test shares. Its data survives a restart, as a
/// production Redis with persistence keeps it. Skips the test, with the reason, where <c>redis-server</c> is missing.
/// </summary>
public sealed class RedisNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory;

    private RedisNode(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string; it keeps retrying while the server is down.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=2000,asyncTimeout=2000";

    public static async Task<RedisNode> StartAsync()
    {
        if (!OperatingSystem.IsLinux() || ExternalCommand.FindOnPath("redis-server") is null)
        {
            Xunit.Assert.Skip("redis-server is not installed here (scripts/test-infrastructure.sh installs it as root).");
        }

        var node = new RedisNode(Directory.CreateTempSubdirectory("tailor-redis-node-").FullName, FreePorts.Next());
        await node.StartAgainAsync();
        return node;
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        await RunAsync("redis-server", $"--daemonize yes --bind 127.0.0.1 --port {port} --dir {_directory} --appendonly yes --save \"\" --pidfile {Path.Combine(_directory, "redis.pid")}");
        if (!await Polling.WithinAsync(async () => (await RunAsync("redis-cli", $"-p {port} ping")).Output.Trim() == "PONG", StartTimeout))
        {
            Xunit.Assert.Skip($"The test's own Redis on port {port} did not start.");
        }
    }

    /// <summary>Deletes every key, as a Redis restarted without persistence (or flushed by an operator) comes back.</summary>
    public async Task EmptyAsync()
    {
        var (exitCode, output) = await RunAsync("redis-cli", $"-p {Port} flushall");
        if (exitCode != 0 || output.Trim() != "OK")
        {
            throw new InvalidOperationException($"redis-cli flushall on port {Port} failed: {output.Trim()}");
        }
    }

    /// <summary>Shuts the server down the way an operator would (<c>SHUTDOWN</c>); every connection drops.</summary>
    public async Task StopAsync()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        await RunAsync("redis-cli", $"-p {port} shutdown");
        var waited = Stopwatch.StartNew();
        while ((await RunAsync("redis-cli", $"-p {port} ping")).ExitCode == 0 && waited.Elapsed < StartTimeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still being closed: the temporary folder is cleaned by the system.
        }
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string command, string arguments) =>
        ExternalCommand.RunAsync(command, arguments);
}
