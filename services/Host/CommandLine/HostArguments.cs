namespace Tailor.Host.CommandLine;

/// <summary>Turns the friendly <c>--target X</c> into the configuration key the host reads; other arguments pass as they are.</summary>
public static class HostArguments
{
    public static string[] Translate(IReadOnlyList<string> args)
    {
        var translated = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--target" or "-t")
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException("--target needs a value: all, or a comma-separated list of service names.");
                }

                translated.Add($"--Tailor:Target={args[++i]}");
            }
            else if (args[i].StartsWith("--target=", StringComparison.Ordinal))
            {
                translated.Add($"--Tailor:Target={args[i]["--target=".Length..]}");
            }
            else
            {
                translated.Add(args[i]);
            }
        }

        return [.. translated];
    }
}
