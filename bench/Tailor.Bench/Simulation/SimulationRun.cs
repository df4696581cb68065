using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Messaging;
using Tailor.SendTime.Model;

namespace Tailor.Bench.Simulation;

/// <summary>
/// Runs Tailor (embedded, every service) against simulated customers for several campaign rounds. Each round, the
/// Tailor arm gets a campaign from Tailor; two control arms get emails made without it: "popular" (the most bought
/// products, one fixed hour, one subject) and "random" (random products at a random daytime hour). Every arm's readers
/// answer by <see cref="ResponseModel"/>; the Tailor arm's deliveries, opens and clicks go back to Tailor as
/// <c>EmailEngaged</c> (what Ingestion publishes from provider webhooks), and models retrain between rounds.
/// </summary>
public static class SimulationRun
{
    public static readonly string[] Arms = ["tailor", "popular", "random"];
    private const int ItemsPerEmail = 4;
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(750);
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static async Task<IReadOnlyList<ArmResult>> RunAsync(SimulationOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var population = SimulationPopulation.Load(options);
        var arms = Arms.Select((arm, index) => (Name: arm, Users: population.Users.Skip(index * options.UsersPerArm).Take(options.UsersPerArm).ToList())).ToList();
        var catalog = ReplayPlan.From(population.All).CatalogItems;
        var firstRound = NextMonday(DateTimeOffset.UtcNow);
        var history = ReplayPlan.From(population.HistoryMovedTo(firstRound));
        var popular = PopularItems(population.History);
        var fixedHour = BestHour(population.History);
        progress.WriteLine($"{population.Users.Count} customers ({options.UsersPerArm} per arm), {history.Orders.Count:N0} orders before {options.Split:yyyy-MM-dd}; popular arm: {string.Join(", ", popular)} at {fixedHour}:00 UK");

        var state = Directory.CreateTempSubdirectory("tailor-simulation-");
        var sink = new SimulationSink();
        var monitor = new BusActivityMonitor();
        var apiKey = DemoApiKey.Create();
        await using var app = TailorHost.Build([.. HostArguments(state), .. options.Settings.Select(setting => "--" + setting), .. apiKey.HostArguments()], builder =>
        {
            builder.Services.AddSingleton(sink);
            builder.AddTailorConsumers(bus => bus.AddConsumer<SimulationSink>());
        });
        app.Services.GetRequiredService<IBus>().ConnectReceiveObserver(monitor);
        await app.StartAsync(cancellationToken);
        var bus = app.Services.GetRequiredService<IPublishEndpoint>();

        using var http = new HttpClient { BaseAddress = EmbeddedRun.ListeningAddress(app), Timeout = TimeSpan.FromMinutes(2) };
        var ingestion = new IngestionClient(http, apiKey.Key);
        await ingestion.SendCatalogAsync(catalog, _ => { }, cancellationToken);
        await ingestion.SendEventsAsync([.. history.Identifies, .. history.Orders], _ => { }, cancellationToken);
        await monitor.WaitForQuietAsync(QuietPeriod, PhaseTimeout, cancellationToken);
        await TrainAsync(bus, monitor, cancellationToken);
        progress.WriteLine($"Tailor learned from the history ({monitor.Received:N0} messages)");

        var results = new List<ArmResult>();
        var random = new Random(options.Seed);
        var catalogIds = catalog.Select(item => (string)item.GetType().GetProperty("id")!.GetValue(item)!).ToList();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var windowStart = firstRound.AddDays(3 * (round - 1));
            var campaignId = $"simulation-round-{round}";
            var tailorUsers = arms[0].Users;
            await bus.Publish(new CampaignRequested(
                Guid.NewGuid(), campaignId, DateTimeOffset.UtcNow, $"Round {round}", "Bring customers back with products picked for them",
                [.. tailorUsers.Select(user => user.UserId)], windowStart, windowStart.AddDays(1)), cancellationToken);
            await WaitForAnswersAsync(sink, campaignId, tailorUsers.Count, cancellationToken);
            await monitor.WaitForQuietAsync(QuietPeriod, PhaseTimeout, cancellationToken);

            var emails = sink.Emails.Values.Where(email => email.CampaignId == campaignId).ToDictionary(email => email.UserId, StringComparer.Ordinal);
            var feedback = new List<EmailEngaged>();
            results.Add(Answer("tailor", round, tailorUsers, user => emails.TryGetValue(user.UserId, out var email) ? (email.SendAt, email.ItemIds, email) : null, random, feedback));
            results.Add(Answer("popular", round, arms[1].Users, _ => (UkHour(windowStart, fixedHour), popular, null), random, feedback));
            results.Add(Answer("random", round, arms[2].Users, _ => (UkHour(windowStart, random.Next(8, 21)), [.. Enumerable.Range(0, ItemsPerEmail).Select(_ => catalogIds[random.Next(catalogIds.Count)])], null), random, feedback));

            await bus.PublishBatch(feedback, cancellationToken);
            await monitor.WaitForQuietAsync(QuietPeriod, PhaseTimeout, cancellationToken);
            await TrainAsync(bus, monitor, cancellationToken);
            progress.WriteLine(string.Join("  ", results.Where(result => result.Round == round).Select(result =>
                string.Create(CultureInfo.InvariantCulture, $"{result.Arm}: open {result.OpenRate:P1} click {result.ClickRate:P1} ({result.Emails})"))) + $"  [round {round}]");
            progress.WriteLine($"  Tailor's sends, UK hour × emails: {SendHours(emails.Values, windowStart)}");
        }

        await app.StopAsync(cancellationToken);
        if (monitor.Faults > 0)
        {
            throw new InvalidOperationException($"{monitor.Faults} messages faulted during the simulation.");
        }

        state.Delete(recursive: true);
        return results;
    }

    /// <summary>Each user of the arm reads their email (if they got one) and answers; only Tailor's emails are fed back.</summary>
    private static ArmResult Answer(
        string arm, int round, IReadOnlyList<SimulatedUser> users, Func<SimulatedUser, (DateTimeOffset SendAt, IReadOnlyList<string> Items, EmailReady? Email)?> emailOf,
        Random random, List<EmailEngaged> feedback)
    {
        int emails = 0, opens = 0, clicks = 0;
        double expectedOpens = 0, expectedClicks = 0;
        foreach (var user in users)
        {
            if (emailOf(user) is not { } email)
            {
                continue;
            }

            emails++;
            var ukHour = TimeZoneInfo.ConvertTime(email.SendAt, UkTime).Hour;
            var (openChance, clickChance) = ResponseModel.Chances(user, ukHour, email.Items);
            expectedOpens += openChance;
            expectedClicks += openChance * clickChance;
            var (opened, clicked, item, latency) = ResponseModel.Respond(user, ukHour, email.Items, random);
            opens += opened ? 1 : 0;
            clicks += clicked ? 1 : 0;
            if (email.Email is { } sent)
            {
                feedback.Add(Engagement(sent, EngagementKind.Delivered, sent.SendAt, null));
                if (opened)
                {
                    feedback.Add(Engagement(sent, EngagementKind.Open, sent.SendAt + latency, null));
                }

                if (clicked)
                {
                    feedback.Add(Engagement(sent, EngagementKind.Click, sent.SendAt + latency + TimeSpan.FromMinutes(1), item));
                }
            }
        }

        return new ArmResult(arm, round, emails, opens, clicks, expectedOpens, expectedClicks);
    }

    // Where Tailor placed the round's sends (UK hour, and a day mark when not the window's first day): what the open rate follows.
    private static string SendHours(IEnumerable<EmailReady> emails, DateTimeOffset windowStart) =>
        string.Join(" ", emails
            .Select(email => TimeZoneInfo.ConvertTime(email.SendAt, UkTime))
            .GroupBy(local => (Day: (local.Date - TimeZoneInfo.ConvertTime(windowStart, UkTime).Date).Days, local.Hour))
            .OrderBy(group => group.Key.Day).ThenBy(group => group.Key.Hour)
            .Select(group => string.Create(CultureInfo.InvariantCulture, $"{(group.Key.Day == 0 ? string.Empty : $"d{group.Key.Day}:")}{group.Key.Hour}h×{group.Count()}")));

    private static EmailEngaged Engagement(EmailReady email, EngagementKind kind, DateTimeOffset at, string? itemId) =>
        new(Guid.NewGuid(), email.UserId, at, email.EmailId, email.CampaignId, kind, null, itemId, false);

    private static async Task TrainAsync(IPublishEndpoint bus, BusActivityMonitor monitor, CancellationToken cancellationToken)
    {
        await bus.Publish(new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "simulation"), cancellationToken);
        await Task.Delay(QuietPeriod, cancellationToken);
        await monitor.WaitForQuietAsync(TimeSpan.FromSeconds(2), PhaseTimeout, cancellationToken);
    }

    private static async Task WaitForAnswersAsync(SimulationSink sink, string campaignId, int audience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + PhaseTimeout;
        while (sink.Answered(campaignId) < audience)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Campaign {campaignId} answered {sink.Answered(campaignId)} of {audience} users.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static IReadOnlyList<string> PopularItems(IEnumerable<RetailLine> history) =>
        [.. history.GroupBy(line => line.StockCode, StringComparer.Ordinal)
            .OrderByDescending(item => item.Select(line => line.InvoiceNo).Distinct().Count()).ThenBy(item => item.Key, StringComparer.Ordinal)
            .Take(ItemsPerEmail).Select(item => item.Key)];

    // The hour whose ±1 hour holds the most orders: the strongest one fixed hour.
    private static int BestHour(IEnumerable<RetailLine> history)
    {
        var hours = new double[24];
        foreach (var invoice in history.DistinctBy(line => line.InvoiceNo))
        {
            hours[invoice.InvoiceDate.Hour]++;
        }

        return BestWindow.HourOfDay(hours);
    }

    private static DateTimeOffset UkHour(DateTimeOffset day, int hour)
    {
        var local = TimeZoneInfo.ConvertTime(day, UkTime).Date.AddHours(hour);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, UkTime), TimeSpan.Zero);
    }

    private static DateTimeOffset NextMonday(DateTimeOffset now)
    {
        var day = now.UtcDateTime.Date.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day, TimeSpan.Zero);
    }

    // One campaign every three days is more than the default promotional cap allows; the loop, not the cap, is measured.
    private static string[] HostArguments(DirectoryInfo state) =>
        [.. EmbeddedRun.HostArguments(Path.Combine(state.FullName, "tailor.db")), "--Tailor:ContentGeneration:FrequencyCaps:promotional:Uncapped=true"];
}
