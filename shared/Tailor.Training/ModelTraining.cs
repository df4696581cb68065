using Microsoft.Extensions.Logging;

namespace Tailor.Training;

/// <summary>
/// The one way a service's model gets trained, on a schedule or on request: one training at a time, and a failed
/// training is logged while the model that was serving keeps serving.
/// </summary>
public sealed class ModelTraining<TTrainer>(TTrainer trainer, TimeProvider time, ILogger<ModelTraining<TTrainer>> logger) : IDisposable
    where TTrainer : IModelTrainer
{
    private static readonly string ModelName = typeof(TTrainer).Name;
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Kept in memory only (guarded by _gate): after a restart the stream is read once more to find out again.
    private long? _nothingToLearnAt;

    /// <summary>
    /// Trains now, after any training already running, because a request must be answered with a model that has
    /// seen everything recorded before it. Throws when training fails or there is nothing to learn from, so the
    /// request ends as a fault its sender can see rather than an answer that never comes.
    /// </summary>
    public async Task<ModelCheckpoint> TrainNowAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var evidence = await trainer.CountEvidenceAsync(cancellationToken);
            return await RunAsync(requestId, RetrainReason.Requested, evidence, cancellationToken)
                ?? throw new InvalidOperationException($"{ModelName} has nothing to learn from yet; request {requestId} is not answered.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Trains when <see cref="RetrainPolicy"/> says so and no training is running; returns whether a new model serves.</summary>
    public async Task<bool> TrainIfDueAsync(RetrainOptions options, CancellationToken cancellationToken)
    {
        // A training already running covers whatever made this one due.
        if (!await _gate.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return false;
        }

        try
        {
            var evidence = await trainer.CountEvidenceAsync(cancellationToken);
            var current = await trainer.ReadCheckpointAsync(cancellationToken);
            var reason = RetrainPolicy.Decide(current, _nothingToLearnAt, evidence, time.GetUtcNow(), options);
            if (reason == RetrainReason.None)
            {
                return false;
            }

            return await RunAsync(null, reason, evidence, cancellationToken) is not null;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            Log.TrainingFailed(logger, failure, ModelName);
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs other work on the model (a rollback) while no training runs, and no training starts until it ends.</summary>
    public async Task RunExclusiveAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await work(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <param name="evidence">The stream's length, counted before the training read it.</param>
    private async Task<ModelCheckpoint?> RunAsync(Guid? requestId, RetrainReason reason, long evidence, CancellationToken cancellationToken)
    {
        Log.TrainingStarted(logger, ModelName, reason, requestId);
        try
        {
            var checkpoint = await trainer.TrainAsync(requestId, cancellationToken);
            if (checkpoint is null)
            {
                _nothingToLearnAt = evidence;
                Log.NothingToLearn(logger, ModelName, evidence);
            }
            else
            {
                _nothingToLearnAt = null;
                Log.TrainingFinished(logger, ModelName, checkpoint.EvidenceCount);
            }

            return checkpoint;
        }
        catch (Exception failure) when (requestId is not null && failure is not OperationCanceledException)
        {
            Log.TrainingFailed(logger, failure, ModelName);
            throw;
        }
    }
}
