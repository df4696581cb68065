using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Tailor.Host.Demo;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests.Durability;

/// <summary>
/// One Tailor service as a real, separate process (<c>tailor serve --target NAME</c>), so a test can kill it the way a
/// crash or an OOM kill would: no shutdown hook, no flush.
/// </summary>
internal sealed class TailorProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private TailorProcess(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    /// <summary>A client of this process, sending the run's API key.</summary>
    public HttpClient Client { get; }

    /// <param name="settings">More <c>--key=value</c> configuration.</param>
    public static Task<TailorProcess> StartAsync(
        string amqpUri, string sqlitePath, DemoApiKey apiKey, CancellationToken cancellationToken, params string[] settings) =>
        StartAsync("ingestion", amqpUri, sqlitePath, apiKey, cancellationToken, settings);

    /// <param name="target">The service to run, as <c>serve --target</c> takes it.</param>
    /// <param name="settings">More <c>--key=value</c> configuration.</param>
    public static async Task<TailorProcess> StartAsync(
        string target, string amqpUri, string sqlitePath, DemoApiKey apiKey, CancellationToken cancellationToken, params string[] settings)
    {
        var port = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "tailor.dll"), "serve", "--target", target,
            $"--urls=http://127.0.0.1:{port}",
            $"--ConnectionStrings:rabbitmq={amqpUri}",
            "--ConnectionStrings:mongodb=",
            "--ConnectionStrings:redis=",
            $"--Tailor:Sqlite:Path={sqlitePath}",
            "--Logging:LogLevel:Default=Warning",
            .. apiKey.HostArguments(),
            .. settings,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey.Key);
        var running = new TailorProcess(process, client);
        await running.WaitUntilAliveAsync(cancellationToken);
        return running;
    }

    /// <summary>Ends the process at once, like <c>kill -9</c>.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        Client.Dispose();
    }

    private async Task WaitUntilAliveAsync(CancellationToken cancellationToken)
    {
        async Task<bool> AliveAsync()
        {
            Assert.False(_process.HasExited, $"tailor serve exited with {(_process.HasExited ? _process.ExitCode : 0)} before answering");
            try
            {
                using var alive = await Client.GetAsync(new Uri("/alive", UriKind.Relative), cancellationToken);
                return alive.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        }

        await Polling.UntilAsync(AliveAsync, StartTimeout, cancellationToken, "tailor serve did not answer /alive");
    }
}
