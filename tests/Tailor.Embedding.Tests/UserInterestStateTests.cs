using System.Text.Json;
using Tailor.Embedding.Interests;
using Tailor.Embedding.Model;
using Tailor.Storage;

namespace Tailor.Embedding.Tests;

public sealed class UserInterestStateTests
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(30);
    private static readonly DateTimeOffset Start = TestMessages.Start;

    [Fact]
    public void Add_evidence_one_half_life_older_counts_half()
    {
        var state = UserInterestState.Empty(EmbeddingModels.MiniLm).Add(
            [new InterestEvidence(Start, Axis(0), 1, Guid.NewGuid()), new InterestEvidence(Start + HalfLife, Axis(1), 1, Guid.NewGuid())], HalfLife);

        var direction = state.Direction();
        Assert.Equal(2.0, direction[1] / direction[0], 4);
        Assert.Equal(Start + HalfLife, state.ReferenceTime);
        Assert.Equal(2, state.EvidenceCount);
    }

    [Fact]
    public void A_state_stored_with_its_sum_as_numbers_reads_and_is_stored_packed_from_then_on()
    {
        const string StoredBefore = """{"model":"all-minilm-l6-v2","modelVersion":"1","weightedSum":[0.5,-2],"referenceTime":"2026-12-01T00:00:00+00:00","evidenceCount":2}""";

        var state = JsonSerializer.Deserialize<UserInterestState>(StoredBefore, StoreJson.Options)!;

        Assert.Equal([0.5f, -2f], state.WeightedSum);
        var stored = JsonSerializer.SerializeToElement(state, StoreJson.Options).GetProperty("weightedSum");
        Assert.Equal(JsonValueKind.String, stored.ValueKind);
        Assert.Equal([0.5f, -2f], JsonSerializer.Deserialize<UserInterestState>(JsonSerializer.Serialize(state, StoreJson.Options), StoreJson.Options)!.WeightedSum);
    }

    [Fact]
    public void Add_weights_a_purchase_twice_as_much_as_a_view()
    {
        var state = UserInterestState.Empty(EmbeddingModels.MiniLm).Add(
            [new InterestEvidence(Start, Axis(0), EvidenceWeights.Purchase, Guid.NewGuid()), new InterestEvidence(Start, Axis(1), EvidenceWeights.View, Guid.NewGuid())],
            HalfLife);

        var direction = state.Direction();
        Assert.Equal(2.0, direction[0] / direction[1], 4);
    }

    [Fact]
    public void Add_late_old_evidence_gives_the_same_interests_as_in_order()
    {
        InterestEvidence[] evidence =
        [
            new(Start, Axis(0), 1, Guid.NewGuid()),
            new(Start.AddDays(10), Axis(1), 0.5, Guid.NewGuid()),
            new(Start.AddDays(45), Axis(2), 1, Guid.NewGuid()),
            new(Start.AddDays(90), Axis(3), 1, Guid.NewGuid()),
        ];

        var inOrder = UserInterestState.Empty(EmbeddingModels.MiniLm).Add(evidence, HalfLife);
        var shuffled = UserInterestState.Empty(EmbeddingModels.MiniLm).Add([evidence[3], evidence[1]], HalfLife).Add([evidence[0], evidence[2]], HalfLife);

        VectorAssert.Close(inOrder.Direction(), shuffled.Direction(), 1e-6f);
        Assert.Equal(inOrder.ReferenceTime, shuffled.ReferenceTime);
        Assert.Equal(4, shuffled.EvidenceCount);
    }

    [Fact]
    public void Direction_is_unit_length() =>
        VectorAssert.UnitLength(UserInterestState.Empty(EmbeddingModels.MiniLm).Add([new InterestEvidence(Start, Axis(5), 3, Guid.NewGuid())], HalfLife).Direction());

    [Fact]
    public void Add_vector_of_another_length_throws() =>
        Assert.Throws<ArgumentException>(() => UserInterestState.Empty(EmbeddingModels.MiniLm).Add([new InterestEvidence(Start, new float[10], 1, Guid.NewGuid())], HalfLife));

    [Fact]
    public void Apply_remembers_the_latest_texts_once_each_and_no_product_names()
    {
        var state = UserInterestState.Empty(EmbeddingModels.MiniLm);
        for (var text = 0; text < UserInterestState.RecentTextLimit + 10; text++)
        {
            state = state.Apply(Guid.NewGuid(), [new InterestEvidence(Start.AddMinutes(text), Axis(0), 1, Guid.NewGuid(), $"key-{text}")], HalfLife);
        }

        // Written again, the oldest kept text moves to the end; a product's name has no key.
        state = state.Apply(Guid.NewGuid(), [new InterestEvidence(Start.AddDays(1), Axis(0), 1, Guid.NewGuid(), "key-10"), new InterestEvidence(Start.AddDays(1), Axis(1), 1, Guid.NewGuid())], HalfLife);

        Assert.Equal(UserInterestState.RecentTextLimit, state.RecentTextKeys?.Count);
        Assert.Equal(["key-11", "key-12"], state.RecentTextKeys!.Take(2));
        Assert.Equal("key-10", state.RecentTextKeys![^1]);
        Assert.Equal(state.RecentTextKeys.Count, state.RecentTextKeys.Distinct().Count());
    }

    [Fact]
    public void Apply_evidence_of_an_event_already_folded_in_returns_the_same_state()
    {
        var purchase = new InterestEvidence(Start, Axis(0), EvidenceWeights.Purchase, Guid.NewGuid());
        var state = UserInterestState.Empty(EmbeddingModels.MiniLm).Apply(Guid.NewGuid(), [purchase], HalfLife);

        // Another update (another batch's make-up) carrying a copy of the same event.
        Assert.Same(state, state.Apply(Guid.NewGuid(), [purchase with { }], HalfLife));
        Assert.Equal(1, state.EvidenceCount);
    }

    [Fact]
    public void Apply_counts_two_copies_of_one_event_in_one_update_once()
    {
        var purchase = new InterestEvidence(Start, Axis(0), EvidenceWeights.Purchase, Guid.NewGuid());

        var state = UserInterestState.Empty(EmbeddingModels.MiniLm).Apply(Guid.NewGuid(), [purchase, purchase], HalfLife);

        Assert.Equal(1, state.EvidenceCount);
        Assert.Equal([purchase.EventId], state.RecentEventIds);
    }

    [Fact]
    public void Apply_remembers_the_latest_events_up_to_the_limit_and_all_of_the_last_update()
    {
        var first = Views(UserInterestState.RecentEventLimit);
        var second = Views(UserInterestState.RecentEventLimit + 10);

        var state = UserInterestState.Empty(EmbeddingModels.MiniLm).Apply(Guid.NewGuid(), first, HalfLife).Apply(Guid.NewGuid(), second, HalfLife);

        Assert.Equal(first.Count + second.Count, state.EvidenceCount);
        Assert.Equal(second.Select(view => view.EventId), state.RecentEventIds);
    }

    [Fact]
    public void A_state_stored_before_recent_event_ids_reads_and_a_retry_of_its_last_update_counts_nothing()
    {
        var lastUpdateId = Guid.NewGuid();
        var json = $$"""
            {"model":"{{EmbeddingModels.MiniLm.Name}}","modelVersion":"{{EmbeddingModels.MiniLm.Version}}","weightedSum":[{{string.Join(',', Axis(0))}}],"referenceTime":"2010-12-01T08:26:00+00:00","evidenceCount":1,"lastUpdateId":"{{lastUpdateId}}"}
            """;

        var stored = System.Text.Json.JsonSerializer.Deserialize<UserInterestState>(json, Tailor.Storage.StoreJson.Options)!;

        Assert.Null(stored.RecentEventIds);
        Assert.Same(stored, stored.Apply(lastUpdateId, [new InterestEvidence(Start, Axis(0), 1, Guid.NewGuid())], HalfLife));
        Assert.Equal(2, stored.Apply(Guid.NewGuid(), [new InterestEvidence(Start, Axis(1), 1, Guid.NewGuid())], HalfLife).EvidenceCount);
    }

    private static List<InterestEvidence> Views(int count) =>
        [.. Enumerable.Range(0, count).Select(index => new InterestEvidence(Start.AddMinutes(index), Axis(index % 8), EvidenceWeights.View, Guid.NewGuid()))];

    private static float[] Axis(int axis)
    {
        var vector = new float[EmbeddingModels.MiniLm.Dimensions];
        vector[axis] = 1;
        return vector;
    }
}
