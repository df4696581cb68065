using System.Globalization;

namespace Tailor.Testing.Processes;

/// <summary>
/// The queues of a virtual host on the local broker, read with <c>rabbitmqctl</c>: unlike a passive declare, its
/// message count includes the messages consumers hold unacknowledged (a batch being collected, a message being
/// handled), so "every count is zero" means every process is done, whichever process holds the consumer.
/// </summary>
public static class RabbitMqQueues
{
    private const int Timeout = 30;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Every queue of the virtual host named in <paramref name="amqpUri"/> and the messages it holds, ready or unacknowledged.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ListAsync(string amqpUri)
    {
        var virtualHost = VirtualHost(amqpUri);
        if (ExternalCommand.FindOnPath("rabbitmqctl") is null)
        {
            throw new InvalidOperationException("rabbitmqctl is not on PATH: the queues of processes are read from the local broker (scripts/test-infrastructure.sh installs it).");
        }

        var (exitCode, output) = await ExternalCommand.RunAsync(
            "rabbitmqctl", $"-q --timeout {Timeout} list_queues -p {virtualHost} --no-table-headers name messages");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl list_queues -p {virtualHost} failed: {output.Trim()}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', ' '))
            .Where(fields => fields.Length >= 2 && long.TryParse(fields[^1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(fields => fields[0], fields => long.Parse(fields[^1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    /// <summary>
    /// Waits until every queue of the virtual host holds no message, ready or unacknowledged, on two reads a second
    /// apart: every consumer of every process has finished, and published what it had to.
    /// </summary>
    public static async Task WaitUntilIdleAsync(string amqpUri, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        var idleSince = (DateTime?)null;
        IReadOnlyDictionary<string, long> queues = new Dictionary<string, long>();
        while (true)
        {
            queues = await ListAsync(amqpUri);
            if (queues.Values.All(messages => messages == 0))
            {
                idleSince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - idleSince >= TimeSpan.FromSeconds(1))
                {
                    return;
                }
            }
            else
            {
                idleSince = null;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Queues still busy after {patience.TotalSeconds:0} s: {string.Join(", ", queues.Where(queue => queue.Value > 0).Select(queue => $"{queue.Key}={queue.Value}"))}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>The virtual host an AMQP URI names (<c>/</c> when none).</summary>
    public static string VirtualHost(string amqpUri)
    {
        var path = Uri.UnescapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));
        return path.Length == 0 ? "/" : path;
    }
}
