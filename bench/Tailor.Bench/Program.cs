using Tailor.Bench;

try
{
    if (args is ["knn", ..])
    {
        Console.WriteLine(NearestItemsRun.Run(Console.Out));
        return 0;
    }

    if (args is ["embedding", ..])
    {
        Console.WriteLine(EmbeddingRun.Run(Console.Out));
        return 0;
    }

    if (args is ["als", ..])
    {
        Console.WriteLine(AlsRun.Run(OptionalData(args), Console.Out));
        return 0;
    }

    if (args is ["simulate", ..])
    {
        // ML.NET's LDA prints every iteration from native code; keep the report readable.
        Tailor.Host.Demo.NativeOutputSilencer.Apply();
        var simulation = Tailor.Bench.Simulation.SimulationOptions.Parse([.. args.Skip(1)]);
        var results = await Tailor.Bench.Simulation.SimulationRun.RunAsync(simulation, Console.Out, CancellationToken.None);
        await PrintReportAsync(Tailor.Bench.Simulation.SimulationReport.Markdown(simulation, results), simulation.Out);
        return 0;
    }

    if (args is ["load", ..])
    {
        var load = Tailor.Bench.Load.LoadOptions.Parse(args);
        var results = await Tailor.Bench.Load.LoadRun.RunAsync(load, Console.Out, CancellationToken.None);
        await PrintReportAsync(Tailor.Bench.Load.LoadReport.Markdown(load, results), load.Out);
        return 0;
    }

    if (args is ["sendtime-serving", ..])
    {
        Console.WriteLine(SendTimeServingRun.Run(DataOrSample(args), Console.Out));
        return 0;
    }

    if (args is ["topics", ..])
    {
        Console.WriteLine(TopicsRun.Run(DataOrSample(args), Console.Out));
        return 0;
    }

    var options = BenchOptions.Parse(args);
    var run = Guid.NewGuid().ToString("N")[..8];
    Console.WriteLine($"Ingestion benchmark: {options.Events:N0} events in batches of {options.Batch}, {options.Concurrency} at a time, RabbitMQ {new Uri(options.RabbitMq).Host}:{new Uri(options.RabbitMq).Port}");
    var http = await HttpIngestionRun.RunAsync(options, $"http-{run}", Console.Out, CancellationToken.None);
    var raw = await RawBusRun.RunAsync(options, $"raw-{run}", Console.Out, CancellationToken.None);
    await PrintReportAsync(Report.Markdown(options, http, raw), options.Out);
    return 0;
}
catch (ArgumentException invalid)
{
    await Console.Error.WriteLineAsync($"error: {invalid.Message}");
    return 2;
}

// `topics --data FILE`; without it, the December 2010 sample the build copies next to the benchmark.
static FileInfo DataOrSample(string[] args)
{
    var index = Array.IndexOf(args, "--data");
    var file = new FileInfo(index >= 0 && index + 1 < args.Length
        ? args[index + 1]
        : Path.Combine(AppContext.BaseDirectory, "SampleData", "online-retail-2010-12.csv.gz"));
    return file.Exists ? file : throw new ArgumentException($"--data: '{file.FullName}' does not exist.");
}

// `als [--data FILE]`: the Online Retail file too when given.
static FileInfo? OptionalData(string[] args)
{
    var index = Array.IndexOf(args, "--data");
    return index >= 0 && index + 1 < args.Length ? new FileInfo(args[index + 1]) : null;
}

// A run's Markdown report: printed, and appended to --out when given (docs/benchmarks.md keeps them).
static async Task PrintReportAsync(string report, string? file)
{
    Console.WriteLine();
    Console.WriteLine(report);
    if (file is not null)
    {
        await File.AppendAllTextAsync(file, Environment.NewLine + report);
    }
}
