using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tailor.Profiles.Diagnostics;
using Tailor.Profiles.InMemory;

namespace Tailor.Profiles.Tests.Diagnostics;

/// <summary>The wrapper every host puts around its cache keeps the contract, batched reads included.</summary>
public sealed class InstrumentedProfileCacheTests : ProfileCacheContractTests, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    protected override IProfileCache CreateCache() =>
        new InstrumentedProfileCache(
            new InMemoryProfileCache(), "memory", new ProfileMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), new FakeTimeProvider());
}
