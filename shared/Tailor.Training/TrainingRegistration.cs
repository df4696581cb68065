using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tailor.Training;

public static class TrainingRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TTrainer"/>, its <see cref="ModelTraining{TTrainer}"/> and its scheduler, with
    /// <see cref="RetrainOptions"/> bound from <paramref name="configurationSection"/> (for example <c>Tailor:Topic:Retrain</c>).
    /// </summary>
    public static IServiceCollection AddRetraining<TTrainer>(this IServiceCollection services, string configurationSection)
        where TTrainer : class, IModelTrainer
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configurationSection);
        services.AddOptions<RetrainOptions>(RetrainScheduler<TTrainer>.OptionsName)
            .BindConfiguration(configurationSection)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TTrainer>();
        services.AddSingleton<ModelTraining<TTrainer>>();
        services.AddHostedService<RetrainScheduler<TTrainer>>();
        return services;
    }
}
