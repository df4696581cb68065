using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tailor.ContentGeneration;
using Tailor.Contracts;
using Tailor.Host.Demo;
using Tailor.Host.Hosting;
using Tailor.Messaging;
using Tailor.SendTime.Model;

namespace Tailor.Bench.Simulation;

/// <summary>
/// Runs Tailor (embedded, every service, its default settings) against simulated customers for several campaign rounds,
/// once per seed. Every arm serves the same customers, each arm in a world of its own (what each customer still wants
/// depends on what that arm's emails sold them), and every customer answers every arm's email of a round with the same
/// random draws (<see cref="ResponseDraws"/>):
/// <list type="bullet">
/// <item><c>tailor</c>: Tailor's emails, products and send times. Its deliveries, opens and clicks go back to Tailor as
/// <c>EmailEngaged</c> (what Ingestion publishes from provider webhooks), its purchases as orders through Ingestion.</item>
/// <item><c>tailor-fixed-hour</c>: the products of Tailor's email, sent at the best fixed hour instead of the customer's
/// own: what personal send times add.</item>
/// <item><c>buy-again</c>: the customer's most re-ordered products, then the bestsellers (<see cref="BuyAgainControl"/>), at the fixed hour.</item>
/// <item><c>bestsellers</c>: the most ordered products, at the fixed hour.</item>
/// </list>
/// Customers also order on their own when a want falls due (<see cref="CustomerWants"/>); Tailor and the buy-again
/// control are told those orders, as a shop would tell them. Models retrain between rounds.
/// </summary>
public static class SimulationRun
{
    public const string Tailor = "tailor";
    public const string TailorFixedHour = "tailor-fixed-hour";
    public const string BuyAgain = "buy-again";
    public const string Bestsellers = "bestsellers";
    public static readonly string[] Arms = [Tailor, TailorFixedHour, BuyAgain, Bestsellers];

    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(750);
    private static readonly TimeSpan ClickAfterOpen = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PurchaseAfterClick = TimeSpan.FromMinutes(5);
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static async Task<IReadOnlyList<ArmResult>> RunAsync(SimulationOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var data = SimulationData.Load(options);
        var results = new List<ArmResult>();
        foreach (var seed in options.SeedValues)
        {
            results.AddRange(await RunSeedAsync(data, options, seed, progress, cancellationToken));
        }

        return results;
    }

    private static async Task<IReadOnlyList<ArmResult>> RunSeedAsync(
        SimulationData data, SimulationOptions options, int seed, TextWriter progress, CancellationToken cancellationToken)
    {
        var population = SimulationPopulation.Sample(data, options, seed);
        var itemsPerEmail = new ContentGenerationOptions().MaxItems;
        var firstRound = NextMonday(DateTimeOffset.UtcNow);
        var shift = population.ShiftTo(firstRound);
        RetailLine Moved(RetailLine line) => line with { InvoiceDate = line.InvoiceDate + shift };
        var history = population.History.Select(Moved).ToList();
        var bestsellers = MostOrdered(population.History, itemsPerEmail);
        var fixedHour = BestHour(population.History);
        var wants = Arms.ToDictionary(arm => arm, _ => population.Users.ToDictionary(user => user.UserId, user => new CustomerWants(user.Later.Select(Moved)), StringComparer.Ordinal), StringComparer.Ordinal);
        var buyAgain = new BuyAgainControl(bestsellers, itemsPerEmail);
        history.ForEach(buyAgain.Record);
        progress.WriteLine($"Seed {seed}: {population.Users.Count} customers, {history.DistinctBy(line => line.InvoiceNo).Count():N0} orders before {options.Split:yyyy-MM-dd}; bestsellers {string.Join(", ", bestsellers)}; fixed hour {fixedHour}:00 UK");

        var state = Directory.CreateTempSubdirectory("tailor-simulation-");
        var sink = new SimulationSink();
        var monitor = new BusActivityMonitor();
        var apiKey = DemoApiKey.Create();
        await using var app = TailorHost.Build([.. HostArguments(state), .. options.Settings.Select(setting => "--" + setting), .. apiKey.HostArguments()], builder =>
        {
            builder.Services.AddSingleton(sink);
            builder.AddTailorConsumers("tailor-bench-simulation", bus => bus.AddConsumer<SimulationSink>());
        });
        app.Services.GetRequiredService<IBus>().ConnectReceiveObserver(monitor);
        await app.StartAsync(cancellationToken);
        var bus = app.Services.GetRequiredService<IPublishEndpoint>();

        using var http = new HttpClient { BaseAddress = EmbeddedRun.ListeningAddress(app), Timeout = TimeSpan.FromMinutes(2) };
        var ingestion = new IngestionClient(http, apiKey.Key);
        await ingestion.SendCatalogAsync(ReplayPlan.From(population.All).CatalogItems, _ => { }, cancellationToken);
        var told = ReplayPlan.From(history);
        await ingestion.SendEventsAsync([.. told.Identifies, .. told.Orders], _ => { }, cancellationToken);
        // Own orders from the (moved) split up to the first round: the customers bought these before any email.
        var toldUntil = population.Split + shift;
        toldUntil = await TellOwnOrdersAsync(ingestion, wants, buyAgain, toldUntil, Uk(firstRound), cancellationToken);
        await monitor.WaitForQuietAsync(QuietPeriod, PhaseTimeout, cancellationToken);
        await TrainAsync(bus, monitor, cancellationToken);
        progress.WriteLine($"  Tailor learned from the history ({monitor.Received:N0} messages)");

        var results = new List<ArmResult>();
        var users = population.Users.Select(user => user.UserId).ToList();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var windowStart = firstRound.AddDays(SimulationOptions.DaysBetweenRounds * (round - 1));
            var campaignId = $"simulation-{seed}-round-{round}";
            await bus.Publish(new CampaignRequested(
                Guid.NewGuid(), campaignId, DateTimeOffset.UtcNow, $"Round {round}", "Bring customers back with products picked for them",
                users, windowStart, windowStart.AddDays(1)), cancellationToken);
            await WaitForAnswersAsync(sink, campaignId, users.Count, cancellationToken);
            await monitor.WaitForQuietAsync(QuietPeriod, PhaseTimeout, cancellationToken);

            var emails = sink.Emails.Values.Where(email => email.CampaignId == campaignId).ToDictionary(email => email.UserId, StringComparer.Ordinal);
            var atFixedHour = UkHour(windowStart, fixedHour);
            var answers = new RoundContext(seed, round, population.Users, wants);
            var feedback = new List<EmailEngaged>();
            var tailorPurchases = new List<RetailLine>();
            results.Add(answers.Answer(Tailor, user => emails.TryGetValue(user, out var email) ? new Sent(email.SendAt, email.ItemIds, email) : null, feedback, tailorPurchases));
            results.Add(answers.Answer(TailorFixedHour, user => emails.TryGetValue(user, out var email) ? new Sent(atFixedHour, email.ItemIds, null) : null, [], []));
            var buyAgainPurchases = new List<RetailLine>();
            results.Add(answers.Answer(BuyAgain, user => new Sent(atFixedHour, buyAgain.For(user), null), [], buyAgainPurchases));
            results.Add(answers.Answer(Bestsellers, _ => new Sent(atFixedHour, bestsellers, null), [], []));
            buyAgainPurchases.ForEach(buyAgain.Record);

            await bus.PublishBatch(feedback, cancellationToken);
            if (tailorPurchases.Count > 0)
            {
                await ingestion.SendEventsAsync(ReplayPlan.From(tailorPurchases).Orders, _ => { }, cancellationToken);
            }

            var nextRound = firstRound.AddDays(SimulationOptions.DaysBetweenRounds * round);
            toldUntil = await TellOwnOrdersAsync(ingestion, wants, buyAgain, toldUntil, Uk(nextRound), cancellationToken);
            await monitor.WaitForQuietAsync(QuietPeriod, PhaseTimeout, cancellationToken);
            await TrainAsync(bus, monitor, cancellationToken);
            progress.WriteLine(string.Join("  ", results.Where(result => result.Round == round).Select(result =>
                string.Create(CultureInfo.InvariantCulture, $"{result.Arm}: open {Rate(result.Opens, result.Emails):P1} click {Rate(result.Clicks, result.Emails):P1} buy {Rate(result.Purchases, result.Emails):P1} ({result.Emails})"))) + $"  [seed {seed}, round {round}]");
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

    /// <summary>
    /// The orders customers place themselves, due in [<paramref name="from"/>, <paramref name="to"/>) (UK clock): Tailor is
    /// told those of its own world (what its emails did not sell), the buy-again control those of its world.
    /// </summary>
    private static async Task<DateTime> TellOwnOrdersAsync(
        IngestionClient ingestion, Dictionary<string, Dictionary<string, CustomerWants>> wants, BuyAgainControl buyAgain, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var tailorOrders = wants[Tailor].Values.SelectMany(customer => customer.OwnOrders(from, to)).ToList();
        if (tailorOrders.Count > 0)
        {
            await ingestion.SendEventsAsync(ReplayPlan.From(tailorOrders).Orders, _ => { }, cancellationToken);
        }

        foreach (var line in wants[BuyAgain].Values.SelectMany(customer => customer.OwnOrders(from, to)))
        {
            buyAgain.Record(line);
        }

        return to;
    }

    private static double Rate(int count, int emails) => emails == 0 ? 0 : count / (double)emails;

    // Where Tailor placed the round's sends (UK hour, and a day mark when not the window's first day): what the open rate follows.
    private static string SendHours(IEnumerable<EmailReady> emails, DateTimeOffset windowStart) =>
        string.Join(" ", emails
            .Select(email => TimeZoneInfo.ConvertTime(email.SendAt, UkTime))
            .GroupBy(local => (Day: (local.Date - TimeZoneInfo.ConvertTime(windowStart, UkTime).Date).Days, local.Hour))
            .OrderBy(group => group.Key.Day).ThenBy(group => group.Key.Hour)
            .Select(group => string.Create(CultureInfo.InvariantCulture, $"{(group.Key.Day == 0 ? string.Empty : $"d{group.Key.Day}:")}{group.Key.Hour}h×{group.Count()}")));

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

    /// <summary>The products in the most orders of the history, as many as an email shows.</summary>
    private static IReadOnlyList<string> MostOrdered(IEnumerable<RetailLine> history, int count) =>
        [.. history.GroupBy(line => line.StockCode, StringComparer.Ordinal)
            .OrderByDescending(item => item.Select(line => line.InvoiceNo).Distinct().Count()).ThenBy(item => item.Key, StringComparer.Ordinal)
            .Take(count).Select(item => item.Key)];

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

    private static DateTime Uk(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, UkTime).DateTime;

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
    // The rounds and their purchases lie up to MaxDaysAhead in the future of the machine's clock, which Ingestion must accept.
    // The whole catalog goes in one call, which a busy machine may not store within the default ten seconds.
    private static string[] HostArguments(DirectoryInfo state) =>
    [
        .. EmbeddedRun.HostArguments(Path.Combine(state.FullName, "tailor.db")),
        "--Tailor:ContentGeneration:FrequencyCaps:promotional:Uncapped=true",
        $"--Tailor:Ingestion:MaxFutureSkew={SimulationOptions.MaxDaysAhead}.00:00:00",
        "--Tailor:Ingestion:AcceptTimeout=00:02:00",
    ];

    /// <summary>An arm's email to one customer: when it is sent, what it shows, and Tailor's own message when it is Tailor's.</summary>
    private sealed record Sent(DateTimeOffset SendAt, IReadOnlyList<string> Items, EmailReady? Email);

    /// <summary>One round of one seed: each arm's customers read that arm's email and answer with the round's shared draws.</summary>
    private sealed record RoundContext(int Seed, int Round, IReadOnlyList<SimulatedUser> Users, Dictionary<string, Dictionary<string, CustomerWants>> Wants)
    {
        /// <summary>Answers every customer's email of <paramref name="arm"/>; Tailor's own emails' answers go to <paramref name="feedback"/>, sales to <paramref name="purchases"/>.</summary>
        public ArmResult Answer(string arm, Func<string, Sent?> emailOf, List<EmailEngaged> feedback, List<RetailLine> purchases)
        {
            int emails = 0, opens = 0, clicks = 0, bought = 0;
            double expectedOpens = 0, expectedClicks = 0, expectedPurchases = 0;
            foreach (var user in Users)
            {
                if (emailOf(user.UserId) is not { } email)
                {
                    continue;
                }

                emails++;
                var ukSend = Uk(email.SendAt);
                var wants = Wants[arm][user.UserId];
                var response = ResponseModel.Respond(user.ActiveHours, ukSend.Hour, email.Items, wants.At(ukSend), ResponseDraws.For(Seed, user.UserId, Round));
                expectedOpens += response.Chances.Open;
                expectedClicks += response.Chances.Click;
                expectedPurchases += response.Chances.Purchase;
                opens += response.Opened ? 1 : 0;
                clicks += response.Clicked ? 1 : 0;
                var boughtAt = ukSend + response.OpenLatency + ClickAfterOpen + PurchaseAfterClick;
                if (response.Bought && wants.Sell(response.ClickedItem!, ukSend) is { } sold)
                {
                    bought++;
                    purchases.Add(sold with { InvoiceNo = string.Create(CultureInfo.InvariantCulture, $"email-{Seed}-{Round}-{user.UserId}"), InvoiceDate = boughtAt, CustomerId = user.UserId, Country = user.Country });
                }

                if (email.Email is { } sent)
                {
                    feedback.Add(Engagement(sent, EngagementKind.Delivered, sent.SendAt, null));
                    if (response.Opened)
                    {
                        feedback.Add(Engagement(sent, EngagementKind.Open, sent.SendAt + response.OpenLatency, null));
                    }

                    if (response.Clicked)
                    {
                        feedback.Add(Engagement(sent, EngagementKind.Click, sent.SendAt + response.OpenLatency + ClickAfterOpen, response.ClickedItem));
                    }
                }
            }

            return new ArmResult(Seed, arm, Round, emails, opens, clicks, bought, expectedOpens, expectedClicks, expectedPurchases);
        }

        private static EmailEngaged Engagement(EmailReady email, EngagementKind kind, DateTimeOffset at, string? itemId) =>
            new(Guid.NewGuid(), email.UserId, at, email.EmailId, email.CampaignId, kind, null, itemId, false);
    }
}
