using Tailor.Recommendation.Content;
using Tailor.Storage;

namespace Tailor.Recommendation.Training;

/// <summary>Copies every user's stored lists from one collection to another: the rollback copy of a model's outputs.</summary>
public sealed class RecommendationSnapshots(IDocumentStore documents)
{
    public async Task KeepAsync(string from, string to, CancellationToken cancellationToken)
    {
        var batch = new List<KeyValuePair<string, string>>();
        await foreach (var document in documents.ListAsync(from, cancellationToken))
        {
            batch.Add(document);
            if (batch.Count == 500)
            {
                await documents.UpsertManyAsync(to, batch, cancellationToken);
                batch.Clear();
            }
        }

        await documents.UpsertManyAsync(to, batch, cancellationToken);
    }

    /// <summary>The users who have a document in <paramref name="collection"/>.</summary>
    public async Task<HashSet<string>> UsersAsync(string collection, CancellationToken cancellationToken)
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (userId, _) in documents.ListAsync(collection, cancellationToken))
        {
            users.Add(userId);
        }

        return users;
    }

    /// <summary>The lists in <paramref name="collection"/> that the model of that version wrote.</summary>
    public async Task<Dictionary<string, StoredRecommendations>> ReadAsync(string collection, string modelVersion, CancellationToken cancellationToken)
    {
        var lists = new Dictionary<string, StoredRecommendations>(StringComparer.Ordinal);
        await foreach (var (userId, stored) in documents.ListAsync<StoredRecommendations>(collection, cancellationToken))
        {
            if (stored.ModelVersion == modelVersion)
            {
                lists[userId] = stored;
            }
        }

        return lists;
    }
}
