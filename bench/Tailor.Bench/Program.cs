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

    var options = BenchOptions.Parse(args);
    var run = Guid.NewGuid().ToString("N")[..8];
    Console.WriteLine($"Ingestion benchmark: {options.Events:N0} events in batches of {options.Batch}, {options.Concurrency} at a time, RabbitMQ {new Uri(options.RabbitMq).Host}:{new Uri(options.RabbitMq).Port}");
    var http = await HttpIngestionRun.RunAsync(options, $"http-{run}", Console.Out, CancellationToken.None);
    var raw = await RawBusRun.RunAsync(options, $"raw-{run}", Console.Out, CancellationToken.None);
    var markdown = Report.Markdown(options, http, raw);
    Console.WriteLine();
    Console.WriteLine(markdown);
    if (options.Out is { } file)
    {
        await File.AppendAllTextAsync(file, Environment.NewLine + markdown);
    }

    return 0;
}
catch (ArgumentException invalid)
{
    await Console.Error.WriteLineAsync($"error: {invalid.Message}");
    return 2;
}
