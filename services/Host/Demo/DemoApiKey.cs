using Tailor.Ingestion.Security;

namespace Tailor.Host.Demo;

/// <summary>
/// A key minted for one run (the demo, a test) with every scope, handed to the host as configuration: the run talks to
/// Ingestion exactly as a client would, and the key dies with the process.
/// </summary>
public sealed record DemoApiKey(string Key)
{
    // Far from the indexes an operator would use in appsettings, so a configured key is never replaced.
    private const int ConfigurationIndex = 990;

    public static DemoApiKey Create() => new(ApiKeys.Create());

    public IReadOnlyList<string> HostArguments() =>
    [
        $"--Tailor:Ingestion:ApiKeys:{ConfigurationIndex}:Client=demo",
        $"--Tailor:Ingestion:ApiKeys:{ConfigurationIndex}:KeyHash={ApiKeys.Hash(Key)}",
        .. ApiScopes.All.Select((scope, index) => $"--Tailor:Ingestion:ApiKeys:{ConfigurationIndex}:Scopes:{index}={scope}"),
    ];
}
