using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Training.Consumers;

/// <summary>
/// Records email feedback in the service's stream: it counts as new evidence for retraining, and the next training
/// learns from it (Recommendation from clicks on items). Recording is the whole effect, so recording first is safe.
/// </summary>
public sealed class EmailEngagedConsumer<TTrainer>(IEventStore events) : IConsumer<EmailEngaged>
    where TTrainer : IModelTrainer
{
    public async Task Consume(ConsumeContext<EmailEngaged> context)
    {
        var message = context.Message;
        await events.RecordAsync(TTrainer.Stream, message, context.CancellationToken);
    }
}
