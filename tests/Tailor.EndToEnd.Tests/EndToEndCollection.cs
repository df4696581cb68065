namespace Tailor.EndToEnd.Tests;

/// <summary>Each end-to-end test runs whole Tailor processes; on a 2-core machine they take turns.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
