using Microsoft.Extensions.DependencyInjection;
using Tailor.Testing;

namespace Tailor.SendTime.Tests;

/// <summary>SendTime as <see cref="SendTimeRegistration.AddSendTime"/> registers it, on the shared <see cref="ConsumerHarness"/>.</summary>
internal static class SendTimeHarness
{
    /// <param name="replace">Registrations that replace the real ones, e.g. a store that fails once.</param>
    /// <param name="settings">More <c>Tailor:SendTime</c> settings, as configuration keys and values.</param>
    /// <param name="databaseFile">A SQLite file another harness uses too, as a second replica's process would.</param>
    public static Task<ConsumerHarness> StartAsync(
        Action<IServiceCollection>? replace = null, IReadOnlyDictionary<string, string?>? settings = null, string? databaseFile = null)
    {
        // A batch window long enough that a burst published together is consumed as one batch.
        var configuration = new Dictionary<string, string?> { ["Tailor:SendTime:MessageBatchTimeLimit"] = "00:00:00.300" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return ConsumerHarness.StartAsync(
            "sendtime", builder => builder.AddSendTime(), configuration, replace, databaseFile, quietAfter: TimeSpan.FromSeconds(1));
    }
}
