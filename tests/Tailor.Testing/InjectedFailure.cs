namespace Tailor.Testing;

/// <summary>The failure a store wrapper injects once: transient, the kind a consumer's retry is there for.</summary>
public sealed class InjectedFailure(string store) : IOException($"The {store} is busy (a failure injected once by the test).");
