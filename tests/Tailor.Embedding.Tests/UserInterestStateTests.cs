using Tailor.Embedding.Interests;
using Tailor.Embedding.Model;

namespace Tailor.Embedding.Tests;

public sealed class UserInterestStateTests
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(30);
    private static readonly DateTimeOffset Start = TestMessages.Start;

    [Fact]
    public void Add_evidence_one_half_life_older_counts_half()
    {
        var state = UserInterestState.Empty(EmbeddingModels.MiniLm).Add(
            [new InterestEvidence(Start, Axis(0), 1), new InterestEvidence(Start + HalfLife, Axis(1), 1)], HalfLife);

        var direction = state.Direction();
        Assert.Equal(2.0, direction[1] / direction[0], 4);
        Assert.Equal(Start + HalfLife, state.ReferenceTime);
        Assert.Equal(2, state.EvidenceCount);
    }

    [Fact]
    public void Add_weights_a_purchase_twice_as_much_as_a_view()
    {
        var state = UserInterestState.Empty(EmbeddingModels.MiniLm).Add(
            [new InterestEvidence(Start, Axis(0), EvidenceWeights.Purchase), new InterestEvidence(Start, Axis(1), EvidenceWeights.View)],
            HalfLife);

        var direction = state.Direction();
        Assert.Equal(2.0, direction[0] / direction[1], 4);
    }

    [Fact]
    public void Add_late_old_evidence_gives_the_same_interests_as_in_order()
    {
        InterestEvidence[] evidence =
        [
            new(Start, Axis(0), 1),
            new(Start.AddDays(10), Axis(1), 0.5),
            new(Start.AddDays(45), Axis(2), 1),
            new(Start.AddDays(90), Axis(3), 1),
        ];

        var inOrder = UserInterestState.Empty(EmbeddingModels.MiniLm).Add(evidence, HalfLife);
        var shuffled = UserInterestState.Empty(EmbeddingModels.MiniLm).Add([evidence[3], evidence[1]], HalfLife).Add([evidence[0], evidence[2]], HalfLife);

        VectorAssert.Close(inOrder.Direction(), shuffled.Direction(), 1e-6f);
        Assert.Equal(inOrder.ReferenceTime, shuffled.ReferenceTime);
        Assert.Equal(4, shuffled.EvidenceCount);
    }

    [Fact]
    public void Direction_is_unit_length() =>
        VectorAssert.UnitLength(UserInterestState.Empty(EmbeddingModels.MiniLm).Add([new InterestEvidence(Start, Axis(5), 3)], HalfLife).Direction());

    [Fact]
    public void Add_vector_of_another_length_throws() =>
        Assert.Throws<ArgumentException>(() => UserInterestState.Empty(EmbeddingModels.MiniLm).Add([new InterestEvidence(Start, new float[10], 1)], HalfLife));

    private static float[] Axis(int axis)
    {
        var vector = new float[EmbeddingModels.MiniLm.Dimensions];
        vector[axis] = 1;
        return vector;
    }
}
