using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Tests;

public sealed class DataSplitsTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Random_holds_out_the_share_asked_for_and_the_same_seed_draws_the_same_interactions()
    {
        var interactions = Enumerable.Range(0, 1_000).Select(i => new Interaction($"u{i % 37}", $"i{i % 91}", Start.AddHours(i), 1)).ToList();

        var (train, test) = DataSplits.Random(interactions, 0.2, seed: 7);
        var again = DataSplits.Random(interactions, 0.2, seed: 7);
        var other = DataSplits.Random(interactions, 0.2, seed: 8);

        Assert.Equal(200, test.Count);
        Assert.Equal(800, train.Count);
        Assert.Equal(interactions.ToHashSet(), train.Concat(test).ToHashSet());
        Assert.Equal(test, again.Test);
        Assert.NotEqual(test, other.Test);
        // Drawn over the whole span, not the end of it: a random split is not a cut in time.
        Assert.InRange(test.Count(interaction => interaction.At < Start.AddHours(500)), 70, 130);
    }

    [Fact]
    public void PerUserLast_holds_out_each_users_last_basket_and_leaves_one_basket_users_in_training()
    {
        Interaction[] interactions =
        [
            new("a", "tea", Start, 1),
            new("a", "cups", Start.AddDays(3), 1),
            new("a", "milk", Start.AddDays(3), 2),
            new("a", "sugar", Start.AddDays(1), 1),
            new("b", "tea", Start.AddDays(5), 1),
            new("b", "jam", Start.AddDays(5), 1),
        ];

        var (train, test) = DataSplits.PerUserLast(interactions);

        Assert.Equal(["cups", "milk"], test.Select(interaction => interaction.ItemId));
        Assert.Equal(["tea", "sugar", "tea", "jam"], train.Select(interaction => interaction.ItemId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.2)]
    public void Random_refuses_a_share_outside_zero_to_one(double share) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplits.Random([new Interaction("a", "tea", Start, 1)], share, seed: 1));
}
