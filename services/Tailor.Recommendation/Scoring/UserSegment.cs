namespace Tailor.Recommendation.Scoring;

/// <summary>How much we know about a user, which decides how the blend weighs its models for them.</summary>
public enum UserSegment
{
    /// <summary>No history at all.</summary>
    New,

    /// <summary>Fewer than <see cref="UserSegments.HeavyFrom"/> distinct items.</summary>
    Light,

    Heavy,
}

public static class UserSegments
{
    /// <summary>Distinct items from which a user counts as heavy.</summary>
    public const int HeavyFrom = 20;

    public static UserSegment Of(TrainingSet set, int user)
    {
        ArgumentNullException.ThrowIfNull(set);
        return user < 0 ? UserSegment.New : set.ByUser[user].Length < HeavyFrom ? UserSegment.Light : UserSegment.Heavy;
    }
}
