using Tailor.Contracts;

namespace Tailor.Storage.Tests;

public sealed class StoredEventTests
{
    private static readonly DeviceTimeZoneObserved Observed = new(Guid.NewGuid(), "12583", DateTimeOffset.UnixEpoch, "Europe/Paris");

    [Fact]
    public void A_user_event_is_filed_under_its_concrete_type_with_all_its_fields()
    {
        var stored = StoredEvent.Of("sendtime", Observed.EventId, Observed.UserId, Observed.OccurredAt, Observed);

        Assert.Equal(nameof(DeviceTimeZoneObserved), stored.Type);
        Assert.Contains("Europe/Paris", stored.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_event_passed_as_the_interface_is_refused_rather_than_filed_without_its_fields()
    {
        IUserEvent asInterface = Observed;

        var refused = Assert.Throws<ArgumentException>(() => StoredEvent.Of("sendtime", asInterface.EventId, asInterface.UserId, asInterface.OccurredAt, asInterface));

        Assert.Contains(nameof(IUserEvent), refused.Message, StringComparison.Ordinal);
    }
}
