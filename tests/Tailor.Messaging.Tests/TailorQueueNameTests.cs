using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;

namespace Tailor.Messaging.Tests;

/// <summary>
/// Queue names come from the prefix a registration declares and the consumer's class name, never from its namespace,
/// on the host's bus and on MassTransit's test harness alike.
/// </summary>
public sealed class TailorQueueNameTests
{
    [Fact]
    public void A_queue_is_named_after_the_declared_prefix_and_the_class_name_without_Consumer()
    {
        var formatter = Formatter(bus => bus.QueuedUnder("tailor-tests", tests =>
        {
            tests.AddConsumer<RecommenderRollbackRequestedConsumer>();
            tests.AddConsumer<ModelEmailEngagedConsumer<LongNamespacedModel>>();
        }));

        Assert.Equal("tailor-tests-recommender-rollback-requested", formatter.Consumer<RecommenderRollbackRequestedConsumer>());
        // A generic consumer keeps its own name, not its type argument's, so two of them get two queues.
        Assert.Equal("tailor-tests-model-email-engaged", formatter.Consumer<ModelEmailEngagedConsumer<LongNamespacedModel>>());
    }

    [Fact]
    public void An_inner_prefix_names_its_consumers_and_the_outer_one_the_rest()
    {
        var formatter = Formatter(bus => bus.QueuedUnder("tailor-service", service =>
        {
            service.AddConsumer<RecommenderRollbackRequestedConsumer>();
            service.QueuedUnder("model", model => model.AddConsumer<ModelEmailEngagedConsumer<LongNamespacedModel>>());
        }));

        Assert.Equal("tailor-service-recommender-rollback-requested", formatter.Consumer<RecommenderRollbackRequestedConsumer>());
        Assert.Equal("model-model-email-engaged", formatter.Consumer<ModelEmailEngagedConsumer<LongNamespacedModel>>());
    }

    [Fact]
    public void A_consumer_no_service_registered_is_named_by_its_class_alone()
    {
        var formatter = Formatter(bus =>
        {
            bus.QueuedUnder("tailor-tests", tests => tests.AddConsumer<RecommenderRollbackRequestedConsumer>());
            bus.AddConsumer<ModelEmailEngagedConsumer<LongNamespacedModel>>();
        });

        Assert.Equal("model-email-engaged", formatter.Consumer<ModelEmailEngagedConsumer<LongNamespacedModel>>());
    }

    [Fact]
    public void The_test_harness_names_queues_as_the_host_does()
    {
        var services = new ServiceCollection();
        services.AddMassTransitTestHarness(bus => bus.QueuedUnder("tailor-tests", tests => tests.AddConsumer<RecommenderRollbackRequestedConsumer>()));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(
            "tailor-tests-recommender-rollback-requested",
            provider.GetRequiredService<IEndpointNameFormatter>().Consumer<RecommenderRollbackRequestedConsumer>());
    }

    private static IEndpointNameFormatter Formatter(Action<IBusRegistrationConfigurator> registration)
    {
        var services = new ServiceCollection();
        services.AddMassTransit(registration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IEndpointNameFormatter>();
    }

    public sealed class LongNamespacedModel;

    public sealed class RecommenderRollbackRequestedConsumer : IConsumer<UserActivityTracked>
    {
        public Task Consume(ConsumeContext<UserActivityTracked> context) => Task.CompletedTask;
    }

    public sealed class ModelEmailEngagedConsumer<TModel> : IConsumer<UserActivityTracked>
    {
        public Task Consume(ConsumeContext<UserActivityTracked> context) => Task.CompletedTask;
    }
}
