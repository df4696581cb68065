using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tailor.Ingestion.Security;

/// <summary>
/// Says at start when no API key would be let in, so a first <c>serve</c> does not answer every keyed call with a 401
/// about an unknown key and leave its operator to guess why. Keys created through the admin API count, so the store is
/// read too: in the background, as a store that is slow or down must not hold up the start (it is then said which of
/// the two could not be checked).
/// </summary>
internal sealed partial class ApiKeyConfigurationReport(
    ApiKeyRegistry keys, ILogger<ApiKeyConfigurationReport> logger) : BackgroundService
{
    private const string HowToMakeOne =
        "make one with 'dotnet run --project services/Host -c Release -- api-key new --client NAME --scopes events,catalog,campaigns,admin' " +
        "and set the configuration it prints (docs/api.md#api-keys)";

    // A configured key answers without reading the store (AnyUsableAsync looks at configuration first).
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await keys.AnyUsableAsync(stoppingToken))
            {
                NoApiKeys(logger, HowToMakeOne);
            }
        }
        catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
        {
            NoConfiguredApiKeys(logger, HowToMakeOne, failure.Message);
        }
    }

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning,
        Message = "No API key is configured and none was created through the admin API, so every /v1 call but the webhooks answers 401: {HowToMakeOne}")]
    private static partial void NoApiKeys(ILogger logger, string howToMakeOne);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning,
        Message = "No API key is configured, and the keys created through the admin API could not be read ({Reason}); unless there is one, every /v1 call but the webhooks answers 401: {HowToMakeOne}")]
    private static partial void NoConfiguredApiKeys(ILogger logger, string howToMakeOne, string reason);
}
