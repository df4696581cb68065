using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Tailor.Host.Demo;

/// <summary>What every in-process run of the whole of Tailor (the demo, the simulator) starts with.</summary>
public static class EmbeddedRun
{
    /// <summary>
    /// Every service, embedded, on a free local port, keeping its state in <paramref name="sqlitePath"/>, quiet in the
    /// console. Connection strings set in the environment are blanked: these runs are always embedded.
    /// </summary>
    public static string[] HostArguments(string sqlitePath) =>
    [
        "--Tailor:Target=all",
        "--urls=http://127.0.0.1:0",
        "--ConnectionStrings:rabbitmq=",
        "--ConnectionStrings:mongodb=",
        "--ConnectionStrings:redis=",
        $"--Tailor:Sqlite:Path={sqlitePath}",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
    ];

    /// <summary>The address the started app listens on.</summary>
    public static Uri ListeningAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.First());
    }
}
