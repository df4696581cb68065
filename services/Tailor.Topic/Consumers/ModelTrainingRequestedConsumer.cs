using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Topic.Training;
using Tailor.Training;

namespace Tailor.Topic.Consumers;

/// <summary>Trains now; the <see cref="TopicModelTrained"/> it leads to carries the request's EventId.</summary>
public sealed class ModelTrainingRequestedConsumer(IEventStore events, ModelTraining<TopicTrainer> training)
    : IConsumer<ModelTrainingRequested>
{
    public async Task Consume(ConsumeContext<ModelTrainingRequested> context)
    {
        var message = context.Message;
        if (!await events.RecordAsync(TopicStore.Stream, message.EventId, null, message.OccurredAt, message, context.CancellationToken))
        {
            return;
        }

        await training.TrainNowAsync(message.EventId, context.CancellationToken);
    }
}
