namespace Tailor.Testing;

/// <summary>
/// Where the real infrastructure for integration tests is. <c>test.sh</c> (and <c>.ci/run</c>) start RabbitMQ and
/// Redis and export these variables; a test that needs a server that is not there is skipped with that reason.
/// </summary>
public static class TestInfrastructure
{
    public const string RabbitMqVariable = "TAILOR_TEST_RABBITMQ";
    public const string RedisVariable = "TAILOR_TEST_REDIS";
    public const string MongoDbVariable = "MONGODB_URI";

    /// <summary>An AMQP URI such as <c>amqp://guest:guest@127.0.0.1:5672/</c>, or null.</summary>
    public static string? RabbitMq => Read(RabbitMqVariable);

    /// <summary>A StackExchange.Redis configuration string such as <c>127.0.0.1:6379</c>, or null.</summary>
    public static string? Redis => Read(RedisVariable);

    public static string? MongoDb => Read(MongoDbVariable);

    public static string RequireRabbitMq() =>
        RabbitMq ?? Skip($"RabbitMQ is not available: set {RabbitMqVariable} (test.sh starts one and sets it).");

    public static string RequireRedis() =>
        Redis ?? Skip($"Redis is not available: set {RedisVariable} (test.sh starts one and sets it).");

    private static string? Read(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static string Skip(string reason)
    {
        Xunit.Assert.Skip(reason);
        return string.Empty; // unreachable: Assert.Skip throws
    }
}
