using Tailor.Contracts;

namespace Tailor.ContentGeneration.Control;

/// <summary>
/// The bestsellers a control group is shown: the popularity list of the recommender that serves
/// (<see cref="RecommenderTrained.Bestsellers"/>), kept in <c>contentgeneration.bestsellers</c>.
/// </summary>
/// <param name="TrainedAt">When the recommender that made it was trained (its <c>RecommenderTrained.OccurredAt</c>): an older list never replaces a newer one.</param>
public sealed record BestsellerList(string ModelVersion, DateTimeOffset TrainedAt, IReadOnlyList<RecommendedItem> Items);
