using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Tailor.Host.Tests;

/// <summary>
/// Every log message has an event id no other message uses, so an alert or a log query on an id finds one message.
/// Each service numbers in a range of its own (docs/architecture.md, "Conventions").
/// </summary>
public class LogEventIdTests
{
    [Fact]
    public void No_two_log_messages_in_Tailor_share_an_event_id()
    {
        var messages = TailorAssemblies.All
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (Method: $"{method.DeclaringType!.FullName}.{method.Name}", Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(message => message.Attribute is not null)
            .ToList();

        Assert.True(messages.Count >= 50, $"found only {messages.Count} log messages; the scan is not seeing the services");
        Assert.All(messages, message => Assert.True(message.Attribute!.EventId > 0, $"{message.Method} has no event id"));
        var shared = messages.GroupBy(message => message.Attribute!.EventId)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(message => message.Method))}")
            .ToList();
        Assert.True(shared.Count == 0, $"Event ids used by more than one message:\n{string.Join('\n', shared)}");
    }
}
