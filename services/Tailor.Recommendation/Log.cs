using Microsoft.Extensions.Logging;

namespace Tailor.Recommendation;

internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Recommender {ModelVersion} trained on {Users} users x {Items} items ({Interactions} interactions) in {Seconds:F2} s")]
    public static partial void Trained(ILogger logger, string modelVersion, int users, int items, int interactions, double seconds);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Gave newly identified user {UserId} the popular items of {ModelVersion}")]
    public static partial void PopularForNewUser(ILogger logger, string userId, string modelVersion);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Gave {Users} users items close to their interests from a batch of {Messages} updates")]
    public static partial void ContentForUsers(ILogger logger, int users, int messages);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Recommender {Candidate} not promoted: NDCG {Ndcg:F4} on the held-out slice is below the serving {Serving}'s {ServingNdcg:F4} ({Users} users)")]
    public static partial void NotPromoted(ILogger logger, string candidate, double ndcg, string serving, double servingNdcg, int users);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Recommender rolled back from {From} to {To}: {Users} users' lists restored")]
    public static partial void RolledBack(ILogger logger, string from, string to, int users);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Rollback {RequestId} refused: {Reason}")]
    public static partial void RollbackRefused(ILogger logger, Guid requestId, string reason);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information,
        Message = "Recommender {ModelVersion} serves {Served} (purchases left out: {ExcludesPurchased}): {Reason}")]
    public static partial void Served(ILogger logger, string modelVersion, string served, bool excludesPurchased, string reason);
}
