using System.ComponentModel;
using System.Diagnostics;
using System.Net;

namespace Tailor.Ingestion.Tests.Segment;

/// <summary>
/// Segment's official Node library (<c>@segment/analytics-node</c>, pinned in package.json beside this file) sends an
/// identify and a track to Ingestion on Kestrel, as an app would, for a user id with slashes; the user is then exported.
/// Skipped where node or the installed package is missing (<c>npm ci</c> in this folder installs it;
/// scripts/test-infrastructure.sh does).
/// </summary>
public sealed class SegmentNodeLibraryTests
{
    private const string UserId = "tenant/42/user/7";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Library_delivers_identify_and_track_and_the_user_exports(bool gzip)
    {
        var folder = ClientFolder();
        await using var app = await IngestionApp.StartAsync(kestrel: true);

        var (exitCode, output) = await RunNodeAsync(folder, "send.mjs", new Dictionary<string, string>
        {
            ["TAILOR_URL"] = app.Address!.ToString().TrimEnd('/'),
            ["TAILOR_KEY"] = IngestionApp.AllScopesKey,
            ["TAILOR_USER_ID"] = UserId,
            ["TAILOR_GZIP"] = gzip ? "1" : "0",
        });

        Assert.True(exitCode == 0, output);
        using var response = await app.Client.GetAsync($"/v1/users/{Uri.EscapeDataString(UserId)}/export", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal("ada@example.com", export.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal(
            ["UserActivityTracked", "UserIdentified"],
            export.GetProperty("events").EnumerateArray().Select(item => item.GetProperty("type").GetString()).Order(StringComparer.Ordinal));
    }

    /// <summary>This folder in the source tree, where npm installed the library; skips the test when it cannot run.</summary>
    private static string ClientFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Microservices.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? "", "tests", "Tailor.Ingestion.Tests", "Segment");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@segment", "analytics-node")))
        {
            Assert.Skip($"@segment/analytics-node is not installed in {folder}: run `npm ci` there (scripts/test-infrastructure.sh does when npm is installed).");
        }

        return folder;
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string folder, string script, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception missing)
        {
            Assert.Skip($"node is not installed here ({missing.Message}); Segment's Node library needs it.");
            throw;
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await output + await errors);
        }
    }
}
