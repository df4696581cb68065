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
}
