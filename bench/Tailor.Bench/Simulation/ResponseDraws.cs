namespace Tailor.Bench.Simulation;

/// <summary>
/// The random numbers one customer's answer to one round's email is drawn with. They depend only on the seed, the
/// customer and the round, never on the arm, so every arm's email to that customer in that round is answered with the
/// same draws (common random numbers): two arms that send the same email get the same answer, and a difference between
/// arms comes from what the emails did, not from luck.
/// </summary>
public readonly record struct ResponseDraws(double Open, double Click, double Item, double Buy, int LatencyMinutes)
{
    public static ResponseDraws For(int seed, string userId, int round)
    {
        ArgumentNullException.ThrowIfNull(userId);
        // A stable hash (string.GetHashCode changes every process): FNV-1a over the id, mixed with the seed and round.
        var state = 14695981039346656037UL;
        foreach (var character in userId)
        {
            state = (state ^ character) * 1099511628211UL;
        }

        state ^= ((ulong)(uint)seed << 32) | (uint)round;
        double Next() => (SplitMix64(ref state) >> 11) * (1.0 / (1UL << 53));
        return new ResponseDraws(Next(), Next(), Next(), Next(), (int)(Next() * 90));
    }

    // Steele, Lea and Flood's SplitMix64: a well-mixed 64-bit stream from any starting state.
    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
