using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tailor.Profiles;

namespace Tailor.Bench.Load;

/// <summary>
/// What must not depend on how many replicas ran: the profiles the events phases learnt and the campaign's emails,
/// each summed up as a digest of their deterministic content (so a <c>--replicas 2</c> run can be compared with a
/// <c>--replicas 1</c> run of the same sizes) and as counts of what was lost or doubled (checked within the run).
/// </summary>
internal static class ReplicaCheck
{
    /// <summary>
    /// Every events-phase user made one purchase: both slices must exist and rest on exactly one event. The digest
    /// covers each user's interest vector (2 decimals: the model's batched inference may move the last float digits),
    /// best hour and evidence counts; not the send-time weights, which mix in the population's counts as they stood
    /// when the user's event was handled, nor timestamps.
    /// </summary>
    public static async Task<Consistency> ProfilesAsync(IProfileCache profiles, int users, CancellationToken cancellationToken)
    {
        var fingerprints = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var missing = 0;
        var miscounted = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, users),
            new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (n, token) =>
            {
                var user = LoadEvents.UserId(n);
                var profile = await profiles.ReadAsync(user, token);
                if (profile?.Interests is not { } interests || profile.SendTime is not { } sendTime)
                {
                    Interlocked.Increment(ref missing);
                    fingerprints[user] = "missing";
                    return;
                }

                if (interests.EvidenceCount != 1 || sendTime.EvidenceCount != 1)
                {
                    Interlocked.Increment(ref miscounted);
                }

                var vector = string.Join(" ", interests.Vector.Select(value => Math.Round(value, 2).ToString("F2", CultureInfo.InvariantCulture).Replace("-0.00", "0.00", StringComparison.Ordinal)));
                fingerprints[user] = $"{interests.EvidenceCount} {vector} | {sendTime.BestHourOfWeek} {sendTime.EvidenceCount}";
            });
        return new Consistency(users, missing, miscounted, Digest(fingerprints));
    }

    /// <summary>A short hash of every user's fingerprint, in user order.</summary>
    public static string Digest(IReadOnlyDictionary<string, string> fingerprints)
    {
        var text = new StringBuilder();
        foreach (var (user, fingerprint) in fingerprints.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            text.Append(user).Append('=').Append(fingerprint).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}

/// <param name="Missing">Users without what they should have (a slice, an email).</param>
/// <param name="Wrong">Users with an evidence count other than their one event, or with more than one email.</param>
internal sealed record Consistency(int Users, int Missing, int Wrong, string Digest);
