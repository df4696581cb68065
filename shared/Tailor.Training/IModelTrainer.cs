namespace Tailor.Training;

/// <summary>A service's model, as the retrain scheduler and the shared consumers see it.</summary>
/// <remarks>
/// Its <see cref="Catalog.ICatalogCopy.Stream"/> is where its consumers record what the model learns from; its
/// <see cref="Catalog.ICatalogCopy.CatalogCollection"/> holds the names and prices its outputs carry.
/// </remarks>
public interface IModelTrainer : Catalog.ICatalogCopy
{

    /// <summary>The document collection of the model's per-user outputs, keyed by user id: what erasing a user removes besides their events.</summary>
    static abstract string UserOutputsCollection { get; }

    /// <summary>The profile slice the per-user outputs are projected into: erasing a user removes it too.</summary>
    static abstract string UserOutputsSlice { get; }

    /// <summary>Other document collections keyed by user id that erasing a user must empty too (kept copies, per-user inputs).</summary>
    static virtual IReadOnlyList<string> OtherUserCollections => [];

    /// <summary>How many events the service has recorded so far (its stream's length).</summary>
    Task<long> CountEvidenceAsync(CancellationToken cancellationToken);

    /// <summary>The serving model's checkpoint, or null when none was trained yet.</summary>
    Task<ModelCheckpoint?> ReadCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Trains on everything recorded, starts serving the result and announces it; <paramref name="requestId"/> is the
    /// <c>ModelTrainingRequested</c> this answers, if any. Returns null, changing nothing, when there is nothing to
    /// learn from yet (say, only catalog events). Throwing leaves the current model serving.
    /// </summary>
    Task<ModelCheckpoint?> TrainAsync(Guid? requestId, CancellationToken cancellationToken);
}
