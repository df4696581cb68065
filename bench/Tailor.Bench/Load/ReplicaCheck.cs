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
    /// covers what does not depend on timing: each user's evidence counts, time zone and the three strongest dimensions
    /// of their interest vector (which item the interests came from). Not the vector's values: batched inference moves
    /// their last float digits with the batch's make-up, and with hundreds of thousands of values some always sit on a
    /// rounding boundary, so no rounding gives equal digests. Not the best hour or the weights: they mix in the
    /// population's counts as they stood when the user's event was handled, which depends on what was handled before.
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

                var strongest = string.Join(" ", interests.Vector.Select((value, dimension) => (value, dimension))
                    .OrderByDescending(entry => entry.value).Take(3).Select(entry => entry.dimension.ToString(CultureInfo.InvariantCulture)));
                fingerprints[user] = $"{interests.EvidenceCount} {strongest} | {sendTime.EvidenceCount} {sendTime.TimeZone}";
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
