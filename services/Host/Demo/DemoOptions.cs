namespace Tailor.Host.Demo;

/// <summary>What the demo replays and where it writes; parsed from <c>tailor demo [--data FILE] [--out DIR]</c>.</summary>
public sealed record DemoOptions(FileInfo Data, DirectoryInfo Output)
{
    public static FileInfo BundledSample => new(Path.Combine(AppContext.BaseDirectory, "SampleData", "online-retail-2010-12.csv.gz"));

    public static DemoOptions Parse(IReadOnlyList<string> args)
    {
        var data = BundledSample;
        var output = new DirectoryInfo(Path.GetFullPath("tailor-output"));
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--data" when value is not null:
                    data = new FileInfo(Path.GetFullPath(value));
                    i++;
                    break;
                case "--out" when value is not null:
                    output = new DirectoryInfo(Path.GetFullPath(value));
                    i++;
                    break;
                default:
                    throw new ArgumentException($"demo: unknown or incomplete option '{args[i]}'. Options: --data FILE, --out DIR.");
            }
        }

        if (!data.Exists)
        {
            throw new ArgumentException($"demo: data file '{data.FullName}' does not exist.");
        }

        return new DemoOptions(data, output);
    }
}
