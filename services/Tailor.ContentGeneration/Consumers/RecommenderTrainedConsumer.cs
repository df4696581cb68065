using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.ContentGeneration.Control;
using Tailor.Contracts;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>Keeps the bestseller list of each promoted recommender, for the control groups of the campaigns that follow.</summary>
/// <remarks>Not recorded in the stream: keeping the list is a put that a redelivery repeats with one effect.</remarks>
public sealed class RecommenderTrainedConsumer(Bestsellers bestsellers, ILogger<RecommenderTrainedConsumer> logger) : IConsumer<RecommenderTrained>
{
    public async Task Consume(ConsumeContext<RecommenderTrained> context)
    {
        var trained = context.Message;
        // A candidate that was not promoted does not serve, and a trainer from before the list was published has none.
        if (!trained.Promoted || trained.Bestsellers is not { Count: > 0 } items)
        {
            return;
        }

        if (await bestsellers.KeepAsync(new BestsellerList(trained.ModelVersion, trained.OccurredAt, items), context.CancellationToken))
        {
            Log.BestsellersKept(logger, trained.ModelVersion, items.Count);
        }
    }
}
