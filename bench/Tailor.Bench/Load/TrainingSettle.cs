using System.Diagnostics;
using MassTransit;
using Tailor.Contracts;

namespace Tailor.Bench.Load;

/// <summary>
/// Has Topic and Recommendation train on what the events phases brought, and waits until both have, before the
/// campaign. Their retraining is due by then (the events phases bring more than <c>MinNewEvents</c>), and left to its
/// schedule it would start in the middle of the campaign: the campaign would be measured against a model training on
/// the same two cores, and Recommendation's new lists would overwrite the seeded ones while emails are being written.
/// Training itself is measured by <c>bench als</c> and <c>bench topics</c>.
/// </summary>
internal static class TrainingSettle
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(string rabbitMq, string run, TextWriter progress, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid();
        var topic = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recommender = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(rabbitMq));
            rabbit.ReceiveEndpoint($"load-{run}-trained", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<TopicModelTrained>(context => Answered(context.Message.RequestId, topic));
                endpoint.Handler<RecommenderTrained>(context => Answered(context.Message.RequestId, recommender));
            });
        });
        await bus.StartAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            await bus.Publish(new ModelTrainingRequested(requestId, DateTimeOffset.UtcNow, $"load benchmark {run}: train before the campaign"), cancellationToken);
            await Task.WhenAll(topic.Task, recommender.Task).WaitAsync(Patience, cancellationToken);
            progress.WriteLine($"  Topic and Recommendation trained on the events phases' data after {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }

        Task Answered(Guid? answering, TaskCompletionSource trained)
        {
            if (answering == requestId)
            {
                trained.TrySetResult();
            }

            return Task.CompletedTask;
        }
    }
}
