using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tailor.SendTime.Serving;

/// <summary>
/// Loads the served model when the host starts, so a model file that cannot be read stops SendTime at start instead
/// of faulting the first consumer, and says in the log which model serves and when the evaluation chose it.
/// </summary>
internal sealed partial class ServedModelStartup(ServedPreference served, ILogger<ServedModelStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (served.IsDefault)
        {
            Default(logger, served.Model);
        }
        else
        {
            Chosen(logger, served.Model, served.Choice.ChosenAt);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "SendTime serves {Model} (no Tailor:SendTime:ModelDirectory set)")]
    private static partial void Default(ILogger logger, string model);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Information, Message = "SendTime serves {Model}, chosen by the offline evaluation at {ChosenAt:O}")]
    private static partial void Chosen(ILogger logger, string model, DateTimeOffset chosenAt);
}
