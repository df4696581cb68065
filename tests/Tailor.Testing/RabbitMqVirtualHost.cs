namespace Tailor.Testing;

/// <summary>
/// A virtual host of one test's own on the shared broker, made with <c>rabbitmqctl</c> and deleted afterwards. Queues
/// are durable, so a message another test left unconsumed would otherwise reach this test's hosts as a user it never
/// sent. Where <c>rabbitmqctl</c> cannot manage the broker (a remote one), the shared virtual host is used as it is
/// (<see cref="IsOwn"/> is false). Virtual hosts of runs that crashed are removed by <c>scripts/test-infrastructure.sh</c>.
/// </summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    // Seconds rabbitmqctl waits for the broker: a wedged broker fails the test instead of hanging it.
    private const int Timeout = 30;
    private const int DefaultPort = 5672;

    private readonly string? _ownName;

    private RabbitMqVirtualHost(string amqpUri, string? ownName)
    {
        AmqpUri = amqpUri;
        _ownName = ownName;
    }

    /// <summary>The AMQP URI of the test's own virtual host, or of the shared one.</summary>
    public string AmqpUri { get; }

    public bool IsOwn => _ownName is not null;

    public static async Task<RabbitMqVirtualHost> CreateAsync(string sharedAmqpUri)
    {
        var shared = new Uri(sharedAmqpUri);
        // rabbitmqctl manages the local default node only: not a remote broker, nor a test's own node on another port.
        if (!shared.IsLoopback || shared.Port is not (-1 or DefaultPort) || ExternalCommand.FindOnPath("rabbitmqctl") is null)
        {
            return new RabbitMqVirtualHost(sharedAmqpUri, ownName: null);
        }

        var name = $"tailor-test-{Guid.NewGuid():N}";
        var user = shared.UserInfo.Split(':')[0] is { Length: > 0 } named ? Uri.UnescapeDataString(named) : "guest"; // AMQP's default user
        if ((await ExternalCommand.RunAsync("rabbitmqctl", $"-q --timeout {Timeout} add_vhost {name}")).ExitCode != 0)
        {
            return new RabbitMqVirtualHost(sharedAmqpUri, ownName: null);
        }

        var permissions = await ExternalCommand.RunAsync("rabbitmqctl", $"-q --timeout {Timeout} set_permissions -p {name} {user} \".*\" \".*\" \".*\"");
        if (permissions.ExitCode != 0)
        {
            await ExternalCommand.RunAsync("rabbitmqctl", $"-q --timeout {Timeout} delete_vhost {name}");
            throw new InvalidOperationException($"Could not give {user} the test's virtual host {name}: {permissions.Output.Trim()}");
        }

        return new RabbitMqVirtualHost(new UriBuilder(shared) { Path = "/" + name }.Uri.ToString(), name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownName is not null)
        {
            await ExternalCommand.RunAsync("rabbitmqctl", $"-q --timeout {Timeout} delete_vhost {_ownName}");
        }
    }
}
