using Microsoft.Extensions.Logging.Abstractions;
using Tailor.Training;

namespace Tailor.Recommendation.Tests;

public class ModelTrainingTests
{
    private static readonly RetrainOptions Options = new() { MinNewEvents = 10 };

    [Fact]
    public async Task TrainIfDueAsync_a_failed_training_keeps_the_serving_model()
    {
        var trainer = new ScriptedTrainer(evidence: 50, current: new ModelCheckpoint(DateTimeOffset.UtcNow, 20)) { Failure = new InvalidOperationException("disk full") };
        using var training = new ModelTraining<ScriptedTrainer>(trainer, TimeProvider.System, NullLogger<ModelTraining<ScriptedTrainer>>.Instance);

        var trained = await training.TrainIfDueAsync(Options, TestContext.Current.CancellationToken);

        Assert.False(trained);
        Assert.Equal(1, trainer.Trainings);
        Assert.Equal(20, (await trainer.ReadCheckpointAsync(TestContext.Current.CancellationToken))!.EvidenceCount);
    }

    [Fact]
    public async Task TrainIfDueAsync_while_a_training_runs_does_not_start_another()
    {
        var trainer = new ScriptedTrainer(evidence: 50, current: null) { Gate = new TaskCompletionSource() };
        using var training = new ModelTraining<ScriptedTrainer>(trainer, TimeProvider.System, NullLogger<ModelTraining<ScriptedTrainer>>.Instance);
        var ct = TestContext.Current.CancellationToken;

        var requested = training.TrainNowAsync(Guid.NewGuid(), ct);
        var scheduled = await training.TrainIfDueAsync(Options, ct);
        trainer.Gate.SetResult();
        await requested;

        Assert.False(scheduled);
        Assert.Equal(1, trainer.Trainings);
    }

    [Fact]
    public async Task TrainNowAsync_passes_the_request_id_and_rethrows_a_failure()
    {
        var requestId = Guid.NewGuid();
        var trainer = new ScriptedTrainer(evidence: 5, current: null) { Failure = new InvalidOperationException("broken") };
        using var training = new ModelTraining<ScriptedTrainer>(trainer, TimeProvider.System, NullLogger<ModelTraining<ScriptedTrainer>>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => training.TrainNowAsync(requestId, TestContext.Current.CancellationToken));
        Assert.Equal(requestId, trainer.LastRequestId);
    }

    [Fact]
    public async Task TrainIfDueAsync_after_nothing_to_learn_reads_the_stream_again_only_once_it_grew()
    {
        var trainer = new ScriptedTrainer(evidence: 30, current: null) { NothingToLearn = true };
        using var training = new ModelTraining<ScriptedTrainer>(trainer, TimeProvider.System, NullLogger<ModelTraining<ScriptedTrainer>>.Instance);
        var ct = TestContext.Current.CancellationToken;

        var first = await training.TrainIfDueAsync(Options, ct);
        var unchanged = await training.TrainIfDueAsync(Options, ct);
        Assert.Equal(1, trainer.Trainings);

        trainer.Evidence = 31;
        trainer.NothingToLearn = false;
        var grown = await training.TrainIfDueAsync(Options, ct);

        Assert.Equal((false, false, true), (first, unchanged, grown));
        Assert.Equal(2, trainer.Trainings);
        Assert.Equal(31, (await trainer.ReadCheckpointAsync(ct))!.EvidenceCount);
    }

    public sealed class ScriptedTrainer(long evidence, ModelCheckpoint? current) : IModelTrainer
    {
        public static string Stream => "scripted";

        public static string CatalogCollection => "scripted.catalog";

        public static string UserOutputsCollection => "scripted.user-outputs";

        public static string UserOutputsSlice => "scripted";

        /// <summary>The stream's length; what arrives while no training runs.</summary>
        public long Evidence { get; set; } = evidence;

        /// <summary>Trainings find nothing to learn from (only catalog events, say) while this is set.</summary>
        public bool NothingToLearn { get; set; }

        public Exception? Failure { get; init; }
        public TaskCompletionSource? Gate { get; init; }
        public int Trainings { get; private set; }
        public Guid? LastRequestId { get; private set; }

        public Task<long> CountEvidenceAsync(CancellationToken cancellationToken) => Task.FromResult(Evidence);

        public Task<ModelCheckpoint?> ReadCheckpointAsync(CancellationToken cancellationToken) => Task.FromResult(current);

        public async Task<ModelCheckpoint?> TrainAsync(Guid? requestId, CancellationToken cancellationToken)
        {
            Trainings++;
            LastRequestId = requestId;
            if (Gate is not null)
            {
                await Gate.Task;
            }

            if (Failure is not null)
            {
                throw Failure;
            }

            if (NothingToLearn)
            {
                return null;
            }

            current = new ModelCheckpoint(DateTimeOffset.UtcNow, Evidence);
            return current;
        }
    }
}
