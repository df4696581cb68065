using MassTransit;
using Tailor.Contracts;

namespace Tailor.EndToEnd.Tests;

/// <summary>Hands what the services publish to the test's <see cref="MessageCollector"/>, on either transport.</summary>
public sealed class CollectingConsumer(MessageCollector collector) :
    IConsumer<UserInterestsUpdated>,
    IConsumer<SendTimeUpdated>,
    IConsumer<RecommenderTrained>,
    IConsumer<TopicModelTrained>,
    IConsumer<RecommendationsUpdated>,
    IConsumer<UserTopicsUpdated>,
    IConsumer<EmailReady>,
    IConsumer<EmailSuppressed>
{
    /// <summary>The queue prefix the test registers this consumer under in an embedded host, as a service declares its own.</summary>
    public const string QueuePrefix = "tailor-end-to-end-tests";

    public Task Consume(ConsumeContext<UserInterestsUpdated> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<SendTimeUpdated> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<RecommenderTrained> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<TopicModelTrained> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<RecommendationsUpdated> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<UserTopicsUpdated> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<EmailReady> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<EmailSuppressed> context) => Collect(context.Message);

    private Task Collect<T>(T message)
        where T : class
    {
        collector.Add(message);
        return Task.CompletedTask;
    }
}
