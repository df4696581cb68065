using Tailor.Ingestion.Security;

namespace Tailor.Host.CommandLine;

/// <summary>
/// <c>tailor api-key new --client NAME --scopes events,catalog</c>: mints a key and prints it with the configuration that
/// grants it. Only the hash goes into configuration; the key is shown here once.
/// </summary>
public static class ApiKeyCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        if (args is not ["new", .. var options])
        {
            throw new ArgumentException("Usage: tailor api-key new --client NAME --scopes events,catalog,campaigns,admin");
        }

        string? client = null;
        string[] scopes = [];
        for (var index = 0; index < options.Length; index++)
        {
            var value = index + 1 < options.Length ? options[index + 1] : throw new ArgumentException($"{options[index]} needs a value.");
            switch (options[index++])
            {
                case "--client":
                    client = value;
                    break;
                case "--scopes":
                    scopes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{options[index - 1]}'.");
            }
        }

        if (ApiKeyClientNames.Problem(client) is { } clientProblem)
        {
            throw new ArgumentException($"--client: {clientProblem}");
        }

        if (scopes.Length == 0 || scopes.Any(scope => !ApiScopes.IsKnown(scope)))
        {
            throw new ArgumentException($"--scopes must list some of {string.Join(", ", ApiScopes.All)}.");
        }

        var key = ApiKeys.Create();
        output.WriteLine($"API key (shown once; give it to {client}): {key}");
        output.WriteLine();
        output.WriteLine("Grant it with this configuration (environment variables; N = the next free index):");
        output.WriteLine($"  Tailor__Ingestion__ApiKeys__N__Client={client}");
        output.WriteLine($"  Tailor__Ingestion__ApiKeys__N__KeyHash={ApiKeys.Hash(key)}");
        for (var index = 0; index < scopes.Length; index++)
        {
            output.WriteLine($"  Tailor__Ingestion__ApiKeys__N__Scopes__{index}={scopes[index]}");
        }

        return 0;
    }
}
