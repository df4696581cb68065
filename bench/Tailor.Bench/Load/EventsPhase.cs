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
    /// <param name="warmUp">Sends one warm-up batch first, of users past the measured ones.</param>
    public static async Task<EventsResult> RunAsync(
        string name, int firstUser, bool warmUp, LoadOptions options, LoadHosts hosts, LoadEvents events, ProfileWriteClock profiles, QueueDrain drain, string run,
        TextWriter progress, CancellationToken cancellationToken)
    {
        // Warm-up: users past the measured ones (they get a contact slice later like every other user of the campaign).
        if (warmUp)
        {
            var warmUpUsers = Enumerable.Range(options.Users - options.Batch, options.Batch).ToList();
            profiles.Expect(warmUpUsers.Select(LoadEvents.UserId));
            await PostBatchAsync(hosts.Ingestion(0), [.. warmUpUsers.Select(n => events.Call($"{run}-warmup", n, n))], cancellationToken);
            await WaitForProfilesAsync(profiles, warmUpUsers[0], options.Users, progress, "warm-up", cancellationToken);
            await drain.WaitAsync(cancellationToken);
            progress.WriteLine("  warm-up done");
        }

        var users = Enumerable.Range(firstUser, options.Events).ToList();
        profiles.Expect(users.Select(LoadEvents.UserId));
        drain.BeginPhase();
        var sentAt = new long[options.Events];
        var started = Stopwatch.GetTimestamp();
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Events / options.Batch),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var first = batch * options.Batch;
                var calls = Enumerable.Range(first, options.Batch).Select(k => events.Call(run, firstUser + k, k)).ToArray();
                var sent = Stopwatch.GetTimestamp();
                Array.Fill(sentAt, sent, first, options.Batch);
                // Requests alternate between the Ingestion replicas, as a load balancer would spread them.
                await PostBatchAsync(hosts.Ingestion(batch), calls, token);
                Progress.Report(progress, "events accepted", Interlocked.Add(ref done, options.Batch), options.Events, options.Batch);
            });
        var accepted = Stopwatch.GetElapsedTime(started);

        await WaitForProfilesAsync(profiles, firstUser, firstUser + options.Events, progress, "profiles", cancellationToken);
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

    private static async Task WaitForProfilesAsync(ProfileWriteClock profiles, int from, int to, TextWriter progress, string what, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var reported = 0;
        while (true)
        {
            var written = 0;
            for (var n = from; n < to; n++)
            {
                written += profiles.ProfileWritten(LoadEvents.UserId(n)) is null ? 0 : 1;
            }

            if (written == to - from)
            {
                return;
            }

            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"Only {written:N0} of {to - from:N0} users have both profile slices after {Patience.TotalMinutes} minutes ({what}).");
            }

            if (what == "profiles")
            {
                Progress.Report(progress, "profiles written", written, to - from, written - reported);
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
