using Tailor.Training;

namespace Tailor.Recommendation.Tests;

public class RetrainPolicyTests
{
    private static readonly DateTimeOffset Now = new(2011, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetrainOptions Options = new() { MinNewEvents = 100, MaxAge = TimeSpan.FromHours(6) };

    [Fact]
    public void Decide_without_a_model_trains_on_the_first_evidence() =>
        Assert.Equal(RetrainReason.ModelTooOld, RetrainPolicy.Decide(null, null, 1, Now, Options));

    [Fact]
    public void Decide_without_any_evidence_does_not_train() =>
        Assert.Equal(RetrainReason.None, RetrainPolicy.Decide(null, null, 0, Now, Options));

    [Fact]
    public void Decide_with_enough_new_events_trains_a_young_model() =>
        Assert.Equal(RetrainReason.EnoughNewEvents, RetrainPolicy.Decide(new ModelCheckpoint(Now.AddMinutes(-5), 400), null, 500, Now, Options));

    [Fact]
    public void Decide_with_few_new_events_keeps_a_young_model() =>
        Assert.Equal(RetrainReason.None, RetrainPolicy.Decide(new ModelCheckpoint(Now.AddMinutes(-5), 450), null, 500, Now, Options));

    [Fact]
    public void Decide_with_few_new_events_retrains_an_old_model() =>
        Assert.Equal(RetrainReason.ModelTooOld, RetrainPolicy.Decide(new ModelCheckpoint(Now.AddHours(-7), 499), null, 500, Now, Options));

    [Fact]
    public void Decide_with_nothing_new_keeps_even_an_old_model() =>
        Assert.Equal(RetrainReason.None, RetrainPolicy.Decide(new ModelCheckpoint(Now.AddDays(-3), 500), null, 500, Now, Options));

    [Fact]
    public void Decide_without_a_model_after_nothing_to_learn_waits_until_the_stream_grows()
    {
        Assert.Equal(RetrainReason.None, RetrainPolicy.Decide(null, nothingToLearnAt: 40, evidenceCount: 40, Now, Options));
        Assert.Equal(RetrainReason.ModelTooOld, RetrainPolicy.Decide(null, nothingToLearnAt: 40, evidenceCount: 41, Now, Options));
    }

    [Fact]
    public void Decide_with_an_old_model_after_nothing_to_learn_waits_until_the_stream_grows() =>
        Assert.Equal(RetrainReason.None, RetrainPolicy.Decide(new ModelCheckpoint(Now.AddDays(-3), 500), nothingToLearnAt: 650, evidenceCount: 650, Now, Options));
}
