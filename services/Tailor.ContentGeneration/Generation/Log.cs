using Microsoft.Extensions.Logging;

namespace Tailor.ContentGeneration.Generation;

internal static partial class Log
{
    [LoggerMessage(EventId = 6120, Level = LogLevel.Warning, Message = "Campaign {CampaignId} spent its language model budget; its emails use cached copy or templates")]
    public static partial void GenerationOverBudget(ILogger logger, string campaignId);

    [LoggerMessage(EventId = 6121, Level = LogLevel.Warning, Message = "The language model failed for campaign {CampaignId} ({ExceptionType}: {Reason}); the template composer writes this email")]
    public static partial void GenerationFailed(ILogger logger, string campaignId, string exceptionType, string reason);

    [LoggerMessage(EventId = 6122, Level = LogLevel.Information, Message = "Rejected the language model's draft for campaign {CampaignId} (attempt {Attempt}): {Problems}")]
    public static partial void DraftRejected(ILogger logger, string campaignId, int attempt, string problems);
}
