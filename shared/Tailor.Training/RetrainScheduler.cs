using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Tailor.Training;

/// <summary>Looks every <see cref="RetrainOptions.CheckInterval"/> whether the service's model is due for retraining.</summary>
public sealed class RetrainScheduler<TTrainer>(
    ModelTraining<TTrainer> training,
    IOptionsMonitor<RetrainOptions> options,
    TimeProvider time) : BackgroundService
    where TTrainer : IModelTrainer
{
    /// <summary>The named options of this trainer's <see cref="RetrainOptions"/>.</summary>
    public static string OptionsName => typeof(TTrainer).FullName!;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Get(OptionsName);
        using var timer = new PeriodicTimer(settings.CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await training.TrainIfDueAsync(options.Get(OptionsName), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; an unfinished training leaves the current model serving.
        }
    }
}
