using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tailor.ContentGeneration.Composition;

/// <summary>
/// Says at start when the emails' footer will carry no postal address. There is no address to default to, and an
/// unconfigured demo should still run, so it is a warning rather than a failed start.
/// </summary>
public sealed partial class SenderIdentityReport(IOptions<ContentGenerationOptions> options, ILogger<SenderIdentityReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.PostalAddress is null)
        {
            NoPostalAddress(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 6131, Level = LogLevel.Warning,
        Message = "Emails carry no postal address: set Tailor:ContentGeneration:PostalAddress (commercial email to US readers must have one)")]
    private static partial void NoPostalAddress(ILogger logger);
}
