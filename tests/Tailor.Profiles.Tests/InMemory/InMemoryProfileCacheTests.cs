using Tailor.Profiles.InMemory;

namespace Tailor.Profiles.Tests.InMemory;

public sealed class InMemoryProfileCacheTests : ProfileCacheContractTests
{
    protected override IProfileCache CreateCache() => new InMemoryProfileCache();
}
