using System.Reflection;
using Tailor.Contracts;

namespace Tailor.Messaging.Tests;

/// <summary>The Tailor.Contracts package must stay dependency-free, so any .NET team can reference it next to their own MassTransit.</summary>
public sealed class ContractsPackageTests
{
    [Fact]
    public void Contracts_reference_nothing_but_the_runtime()
    {
        var references = typeof(EmailReady).Assembly.GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name == "System" || name.StartsWith("System.", StringComparison.Ordinal), $"{name} is not part of the runtime"));
    }

    [Fact]
    public void Contracts_are_public_records_in_one_namespace()
    {
        var messages = typeof(EmailReady).Assembly.GetExportedTypes()
            .Where(type => type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null)
            .ToList();

        Assert.Contains(typeof(UserActivityTracked), messages);
        Assert.All(messages, type => Assert.Equal("Tailor.Contracts", type.Namespace));
    }

    [Fact]
    public void User_events_are_the_contracts_keyed_by_a_user_but_the_erasure()
    {
        var keyedByUser = typeof(IUserEvent).Assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .Where(type => type.GetProperty(nameof(IUserEvent.EventId))?.PropertyType == typeof(Guid)
                && type.GetProperty(nameof(IUserEvent.UserId))?.PropertyType == typeof(string)
                && type.GetProperty(nameof(IUserEvent.OccurredAt))?.PropertyType == typeof(DateTimeOffset))
            .ToList();

        Assert.Contains(typeof(UserActivityTracked), keyedByUser);
        Assert.All(
            keyedByUser.Where(type => type != typeof(UserErased)),
            type => Assert.True(typeof(IUserEvent).IsAssignableFrom(type), $"{type.Name} has a user, an id and a time but is not an {nameof(IUserEvent)}."));
        // Ingestion files an erasure without the user id, so it is never found as the user's data: it must not be recordable as a user event.
        Assert.False(typeof(IUserEvent).IsAssignableFrom(typeof(UserErased)));
    }
}
