using MassTransit;
using Tailor.Contracts;

namespace Tailor.Host.Demo;

/// <summary>The demo's stand-in for an email sender: it receives what senders would receive and writes it out.</summary>
public sealed class DemoEmailSink(DemoOutputWriter writer) : IConsumer<EmailReady>, IConsumer<EmailSuppressed>
{
    public Task Consume(ConsumeContext<EmailReady> context) => writer.WriteAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<EmailSuppressed> context)
    {
        writer.Write(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>Lets the demo wait until both model-owning services answered its training request.</summary>
public sealed class DemoTrainingObserver(TrainingSignals signals) : IConsumer<TopicModelTrained>, IConsumer<RecommenderTrained>
{
    public Task Consume(ConsumeContext<TopicModelTrained> context)
    {
        signals.TopicTrained(context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<RecommenderTrained> context)
    {
        signals.RecommenderTrained(context.Message);
        return Task.CompletedTask;
    }
}

public sealed class TrainingSignals
{
    private readonly TaskCompletionSource<TopicModelTrained> _topic = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<RecommenderTrained> _recommender = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Guid RequestId { get; } = Guid.NewGuid();

    public Task<TopicModelTrained> Topic => _topic.Task;

    public Task<RecommenderTrained> Recommender => _recommender.Task;

    public void TopicTrained(TopicModelTrained trained)
    {
        if (trained.RequestId == RequestId)
        {
            _topic.TrySetResult(trained);
        }
    }

    public void RecommenderTrained(RecommenderTrained trained)
    {
        if (trained.RequestId == RequestId)
        {
            _recommender.TrySetResult(trained);
        }
    }
}
