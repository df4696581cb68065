using Tailor.Host.Hosting;
using Tailor.Host.Tests.Deployment;
using Tailor.Messaging;

namespace Tailor.Host.Tests;

/// <summary>The retry policy is set in one place: every service consumer's definition derives from the base that applies it.</summary>
public class ConsumerDefinitionTests
{
    [Fact]
    public void Every_service_consumer_gets_the_one_retry_policy_from_its_definitions_base()
    {
        var definitions = ServiceTargets.Names.SelectMany(ConsumerQueues.Definitions).ToList();

        Assert.True(definitions.Count >= 30, $"found only {definitions.Count} consumers; the registrations were not read");
        var without = definitions
            .Where(entry => !DerivesFrom(entry.Definition, typeof(TailorConsumerDefinition<>)))
            .Select(entry => $"{entry.Consumer.Name} ({entry.Definition.Name})")
            .ToList();
        Assert.True(without.Count == 0, $"Consumers whose definition does not derive from TailorConsumerDefinition<>: {string.Join(", ", without)}");
    }

    private static bool DerivesFrom(Type type, Type openGeneric)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == openGeneric)
            {
                return true;
            }
        }

        return false;
    }
}
