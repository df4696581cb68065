using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Personalization;
using Tailor.Contracts;
using Tailor.Host.Demo.Gallery;
using Tailor.Host.Hosting;
using Tailor.Messaging;
using Tailor.Profiles;

namespace Tailor.Host.Demo;

/// <summary>
/// Tailor's main job on the embedded default: replay Online Retail purchases through Ingestion's HTTP API, let every
/// service learn, ask for one campaign to every known customer, and write the emails senders would receive, with a
/// gallery (<c>index.html</c>) that shows each email beside what Tailor knew about its customer.
/// </summary>
public static class DemoCommand
{
    /// <summary>The footer address of the demo's emails: Tailor Shop is not a real shop, and this is not a real street.</summary>
    public const string DemoPostalAddress = "Tailor Shop, 1 Example Street, London, United Kingdom";

    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(750);
    private const string CampaignName = "Tailor demo";
    private const string CampaignGoal = "Bring customers back with products picked for them";

    public static async Task<int> RunAsync(DemoOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var progress = DemoProgress.ForConsole();
        PrepareOutput(options.Output);

        progress.Start($"Reading {options.Data.Name}");
        var plan = ReplayPlan.From(OnlineRetailReader.Read(options.Data));
        progress.Complete($"{plan.CatalogItems.Count:N0} products, {plan.Identifies.Count:N0} customers, {plan.Orders.Count:N0} orders");

        using var writer = new DemoOutputWriter(options.Output);
        var signals = new TrainingSignals();
        var monitor = new BusActivityMonitor();
        var apiKey = DemoApiKey.Create();
        await using var app = TailorHost.Build([.. HostArguments(options), .. apiKey.HostArguments()], builder =>
        {
            builder.Services.AddSingleton(writer);
            builder.Services.AddSingleton(signals);
            builder.AddTailorConsumers("tailor-host-demo", bus =>
            {
                bus.AddConsumer<DemoEmailSink>();
                bus.AddConsumer<DemoTrainingObserver>();
            });
        });
        app.Services.GetRequiredService<IBus>().ConnectReceiveObserver(monitor);

        progress.Start("Starting Tailor (target all, embedded)");
        await app.StartAsync(cancellationToken);
        progress.Complete("ready");

        using var http = new HttpClient { BaseAddress = EmbeddedRun.ListeningAddress(app), Timeout = TimeSpan.FromMinutes(2) };
        var ingestion = new IngestionClient(http, apiKey.Key);

        progress.Start("Sending the catalog");
        await ingestion.SendCatalogAsync(plan.CatalogItems, done => progress.Report(done, plan.CatalogItems.Count), cancellationToken);
        progress.Complete($"{plan.CatalogItems.Count:N0} products");

        var events = plan.Identifies.Concat(plan.Orders).ToList();
        progress.Start("Sending customers and orders");
        await ingestion.SendEventsAsync(events, done => progress.Report(done, events.Count), cancellationToken);
        progress.Complete($"{events.Count:N0} events");

        progress.Start("Services learning from the events");
        await monitor.WaitForQuietAsync(QuietPeriod, PhaseTimeout, cancellationToken);
        progress.Complete($"{monitor.Received:N0} messages handled");

        progress.Start("Training topics and recommendations");
        await app.Services.GetRequiredService<IPublishEndpoint>()
            .Publish(new ModelTrainingRequested(signals.RequestId, DateTimeOffset.UtcNow, "demo"), cancellationToken);
        var topics = await signals.Topic.WaitAsync(PhaseTimeout, cancellationToken);
        var recommender = await signals.Recommender.WaitAsync(PhaseTimeout, cancellationToken);
        await monitor.WaitForQuietAsync(QuietPeriod, PhaseTimeout, cancellationToken);
        progress.Complete($"{topics.Topics.Count} topics over {topics.Documents:N0} users; recommender over {recommender.Users:N0} users x {recommender.Items:N0} items");

        var audience = await CountKnownUsersAsync(app.Services.GetRequiredService<IProfileCache>(), cancellationToken);
        progress.Start("Personalising the campaign");
        var windowStart = DateTimeOffset.UtcNow;
        var windowEnd = windowStart.AddDays(7);
        var campaignId = await ingestion.RequestCampaignAsync(CampaignName, CampaignGoal, windowStart, windowEnd, cancellationToken);
        await WaitForEmailsAsync(writer, audience, progress, cancellationToken);
        await monitor.WaitForQuietAsync(QuietPeriod, PhaseTimeout, cancellationToken);
        progress.Complete($"campaign {campaignId}");

        progress.Start("Reading back what Tailor holds about each customer");
        var emails = writer.Emails.ToList();
        var facts = await new CustomerFactsReader(ingestion).ReadAsync(
            [.. emails.Select(email => email.UserId)], done => progress.Report(done, emails.Count), cancellationToken);
        progress.Complete($"{facts.Count:N0} customers");
        var schedule = app.Services.GetRequiredService<IOptions<SendScheduleOptions>>().Value.Schedule;

        await app.StopAsync(cancellationToken);
        var summary = new DemoSummary(plan.EventCount, audience, writer.EmailCount, writer.SuppressedByReason, monitor.Faults, clock.Elapsed, options.Output);
        var campaign = new GalleryCampaign(campaignId, CampaignName, CampaignGoal, windowStart, windowEnd);
        await DemoGallery.WriteAsync(campaign, summary, DemoGallery.Cards(emails, facts, campaign, schedule), cancellationToken);
        summary.Print(Console.Out);
        await summary.WriteJsonAsync(cancellationToken);
        return monitor.Faults == 0 ? 0 : 1;
    }

    // Online Retail's customers are shops that restock the same lines, so the demo lets the recommender offer what a
    // customer bought before (the emails' "Buy again" section), and lists more items per customer so there are new
    // ones for "New for you" beside the re-orders (docs/email-copy.md).
    private static string[] HostArguments(DemoOptions options) =>
    [
        .. EmbeddedRun.HostArguments(Path.Combine(options.Output.FullName, ".state", "tailor.db")),
        "--Tailor:Recommendation:ExcludePurchased=false",
        "--Tailor:Recommendation:TopN=12",
        // A made-up address, so the demo's emails show where a sender's own goes (docs/email-copy.md).
        $"--Tailor:ContentGeneration:PostalAddress={DemoPostalAddress}",
    ];

    /// <summary>Each run starts from nothing, so replayed events are new events rather than duplicates of the last run.</summary>
    private static void PrepareOutput(DirectoryInfo output)
    {
        foreach (var stale in new[] { ".state", "previews" })
        {
            var directory = Path.Combine(output.FullName, stale);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        output.Create();
    }

    private static async Task<int> CountKnownUsersAsync(IProfileCache profiles, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in profiles.ListUserIdsAsync(cancellationToken))
        {
            count++;
        }

        return count;
    }

    private static async Task WaitForEmailsAsync(DemoOutputWriter writer, int audience, DemoProgress progress, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + PhaseTimeout;
        while (writer.EmailCount + writer.SuppressedCount < audience)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {writer.EmailCount + writer.SuppressedCount} of {audience} users were answered in {PhaseTimeout.TotalMinutes:0} min.");
            }

            progress.Report(writer.EmailCount + writer.SuppressedCount, audience);
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        progress.Report(audience, audience);
    }
}
