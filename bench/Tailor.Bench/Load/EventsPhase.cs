using System.Diagnostics;
using System.Net.Http.Json;

namespace Tailor.Bench.Load;

/// <summary>
/// Phases 1 and 2: Order Completed events through <c>POST /v1/batch</c> at full speed, each from a new user, and for each the
/// time from its request being sent to both profile slices it leads to (interests by Embedding, send time by SendTime)
/// being written to Redis.
/// </summary>
internal static class EventsPhase
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    /// <param name="firstUser">The phase's users are this one and the next <c>--events - 1</c>; user k of the phase buys product k.</param>
    /// <param name="warmUpUsers">
    /// Users past the measured ones whose events go through first, sent the same way, until each has both slices and
    /// every queue is empty again; user n buys product n.
    /// </param>
    public static async Task<EventsResult> RunAsync(
        string name, int firstUser, IReadOnlyList<int> warmUpUsers, LoadOptions options, LoadHosts hosts, LoadEvents events, ProfileWriteClock profiles,
        QueueDrain drain, string run, TextWriter progress, CancellationToken cancellationToken)
    {
        if (warmUpUsers.Count > 0)
        {
            profiles.Expect(warmUpUsers.Select(LoadEvents.UserId));
            await PostAllAsync(options, hosts, [.. warmUpUsers.Select(n => events.Call($"{run}-warmup", n, n))], static (_, _) => static () => { }, cancellationToken);
            await WaitForProfilesAsync(profiles, warmUpUsers, progress, "warm-up", cancellationToken);
            await drain.WaitAsync(cancellationToken);
            progress.WriteLine($"  warm-up done ({warmUpUsers.Count:N0} events of other users)");
        }

        var users = Enumerable.Range(firstUser, options.Events).ToList();
        profiles.Expect(users.Select(LoadEvents.UserId));
        drain.BeginPhase();
        var sentAt = new long[options.Events];
        var started = Stopwatch.GetTimestamp();
        var done = 0;
        await PostAllAsync(
            options,
            hosts,
            [.. Enumerable.Range(0, options.Events).Select(k => events.Call(run, firstUser + k, k))],
            (first, count) =>
            {
                Array.Fill(sentAt, Stopwatch.GetTimestamp(), first, count);
                return () => Progress.Report(progress, "events accepted", Interlocked.Add(ref done, count), options.Events, count);
            },
            cancellationToken);
        var accepted = Stopwatch.GetElapsedTime(started);

        await WaitForProfilesAsync(profiles, users, progress, "profiles", cancellationToken);
        var lastWrite = users.Max(n => profiles.ProfileWritten(LoadEvents.UserId(n))!.Value);
        var profiled = Stopwatch.GetElapsedTime(started, lastWrite);
        await drain.WaitAsync(cancellationToken);
        var drained = Stopwatch.GetElapsedTime(started);

        var whole = new Latencies();
        var interests = new Latencies();
        var sendTime = new Latencies();
        for (var n = 0; n < options.Events; n++)
        {
            var user = LoadEvents.UserId(firstUser + n);
            whole.Add(Stopwatch.GetElapsedTime(sentAt[n], profiles.ProfileWritten(user)!.Value));
            interests.Add(Stopwatch.GetElapsedTime(sentAt[n], profiles.Written(Tailor.Profiles.InterestsSlice.SliceName, user)!.Value));
            sendTime.Add(Stopwatch.GetElapsedTime(sentAt[n], profiles.Written(Tailor.Profiles.SendTimeSlice.SliceName, user)!.Value));
        }

        return new EventsResult(name, options.Events, accepted, profiled, drained, whole, interests, sendTime);
    }

    /// <summary>
    /// The calls in requests of <c>--batch</c>, <c>--concurrency</c> at a time, alternating between the Ingestion
    /// replicas as a load balancer would spread them; <paramref name="sending"/> is told each request's first call and
    /// size as it is sent, and what it returns runs once the request is answered.
    /// </summary>
    private static Task PostAllAsync(
        LoadOptions options, LoadHosts hosts, object[] calls, Func<int, int, Action> sending, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, (calls.Length + options.Batch - 1) / options.Batch),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var first = batch * options.Batch;
                var count = Math.Min(options.Batch, calls.Length - first);
                var answered = sending(first, count);
                await PostBatchAsync(hosts.Ingestion(batch), calls[first..(first + count)], token);
                answered();
            });

    private static async Task WaitForProfilesAsync(ProfileWriteClock profiles, IReadOnlyList<int> users, TextWriter progress, string what, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var reported = 0;
        while (true)
        {
            var written = users.Count(n => profiles.ProfileWritten(LoadEvents.UserId(n)) is not null);
            if (written == users.Count)
            {
                return;
            }

            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"Only {written:N0} of {users.Count:N0} users have both profile slices after {Patience.TotalMinutes} minutes ({what}).");
            }

            if (what == "profiles")
            {
                Progress.Report(progress, "profiles written", written, users.Count, written - reported);
                reported = written;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static async Task PostBatchAsync(HttpClient http, object[] calls, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/v1/batch", new { batch = calls }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Ingestion answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}

/// <param name="Accepted">Until the last request was answered 200.</param>
/// <param name="Profiled">Until the last event's user had both slices in Redis.</param>
/// <param name="Drained">Until every service queue was empty again (Topic's and Recommendation's logging included).</param>
/// <param name="Name">Which events phase: products new to Embedding, or the catalog embedded beforehand.</param>
internal sealed record EventsResult(
    string Name,
    int Events, TimeSpan Accepted, TimeSpan Profiled, TimeSpan Drained, Latencies ToProfile, Latencies ToInterests, Latencies ToSendTime)
{
    public double AcceptedPerSecond => Events / Accepted.TotalSeconds;

    public double ProfiledPerSecond => Events / Profiled.TotalSeconds;
}
