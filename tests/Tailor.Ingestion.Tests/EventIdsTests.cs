using Tailor.Ingestion.Mapping;

namespace Tailor.Ingestion.Tests;

public sealed class EventIdsTests
{
    [Fact]
    public void From_same_key_and_index_gives_the_same_version_5_id()
    {
        var first = EventIds.From("track:message:invoice-536365", 0);
        var again = EventIds.From("track:message:invoice-536365", 0);

        Assert.Equal(first, again);
        Assert.Equal(5, first.Version);
        Assert.Equal(0b10, first.Variant >> 2);
    }

    [Fact]
    public void From_other_index_or_key_gives_another_id()
    {
        var ids = new[]
        {
            EventIds.From("track:message:invoice-536365", 0),
            EventIds.From("track:message:invoice-536365", 1),
            EventIds.From("track:message:invoice-536366", 0),
            EventIds.From("identify:message:invoice-536365", 0),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
