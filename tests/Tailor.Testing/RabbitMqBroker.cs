using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Tailor.Testing;

/// <summary>
/// Looks at the broker directly with RabbitMQ.Client (no management plugin needed), and deletes the endpoints a test
/// made when it is disposed, so durable queues of test consumers do not pile up messages between runs.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    private const int NotFound = 404;

    private readonly IConnection _connection;
    private readonly List<string> _endpointsToRemove = [];

    private RabbitMqBroker(IConnection connection) => _connection = connection;

    public static async Task<RabbitMqBroker> ConnectAsync(string uri, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "tailor-tests" };
        return new RabbitMqBroker(await factory.CreateConnectionAsync(cancellationToken));
    }

    /// <summary>Ready messages and consumers of a queue, or null when it does not exist (yet).</summary>
    public async Task<QueueDeclareOk?> InspectAsync(string queue, CancellationToken cancellationToken) =>
        await OnFreshChannelAsync<QueueDeclareOk>(
            async channel => await channel.QueueDeclarePassiveAsync(queue, cancellationToken), cancellationToken);

    /// <summary>Takes (and acknowledges) the next message of a queue; null when it is empty or does not exist (yet).</summary>
    public Task<BasicGetResult?> TakeAsync(string queue, CancellationToken cancellationToken) =>
        OnFreshChannelAsync(channel => channel.BasicGetAsync(queue, autoAck: true, cancellationToken), cancellationToken);

    /// <summary>
    /// Takes messages off the queue until the one whose MassTransit envelope carries <paramref name="eventId"/>; null
    /// while it is not there.
    /// </summary>
    public async Task<BasicGetResult?> TakeEventAsync(string queue, Guid eventId, CancellationToken cancellationToken)
    {
        while (await TakeAsync(queue, cancellationToken) is { } taken)
        {
            using var envelope = JsonDocument.Parse(taken.Body);
            if (envelope.RootElement.GetProperty("message").GetProperty("eventId").GetGuid() == eventId)
            {
                return taken;
            }
        }

        return null;
    }

    /// <summary>Publishes a body as it is to an exchange, as a publisher that writes its own MassTransit envelopes would.</summary>
    public async Task PublishAsync(string exchange, string contentType, byte[] body, CancellationToken cancellationToken)
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var properties = new BasicProperties { ContentType = contentType, Persistent = true };
        await channel.BasicPublishAsync(exchange, routingKey: string.Empty, mandatory: false, properties, body, cancellationToken);
    }

    /// <summary>Whether an exchange of that name exists on the broker.</summary>
    public async Task<bool> HasExchangeAsync(string exchange, CancellationToken cancellationToken) =>
        await OnFreshChannelAsync<object>(
            async channel =>
            {
                await channel.ExchangeDeclarePassiveAsync(exchange, cancellationToken);
                return exchange;
            },
            cancellationToken) is not null;

    /// <summary>
    /// A queue of the test's own bound to an exchange, to read what is published there as it lies on the wire; the
    /// broker names it and deletes it when the test's connection closes.
    /// </summary>
    public async Task<string> ListenToAsync(string exchange, CancellationToken cancellationToken)
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue.QueueName, exchange, routingKey: string.Empty, cancellationToken: cancellationToken);
        return queue.QueueName;
    }

    /// <summary>Deletes the endpoint's queue and exchange, and its <c>_error</c> and <c>_skipped</c> ones, on dispose.</summary>
    public void RemoveWhenDisposed(string endpoint) =>
        _endpointsToRemove.AddRange([endpoint, $"{endpoint}_error", $"{endpoint}_skipped"]);

    public async ValueTask DisposeAsync()
    {
        await using (var channel = await _connection.CreateChannelAsync())
        {
            foreach (var name in _endpointsToRemove)
            {
                await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
                await channel.ExchangeDeleteAsync(name, ifUnused: false);
            }
        }

        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }

    // A channel that hits a missing queue is closed by the broker, so every look gets a channel of its own.
    private async Task<T?> OnFreshChannelAsync<T>(Func<IChannel, Task<T?>> action, CancellationToken cancellationToken)
        where T : class
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return await action(channel);
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == NotFound)
        {
            return null;
        }
    }
}
