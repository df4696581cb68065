using Tailor.Contracts;

namespace Tailor.Messaging.Tests;

/// <summary>The one check every consumer makes of a message's required text fields, such as its user.</summary>
public class InvalidMessageExceptionTests
{
    private static readonly Guid EventId = Guid.Parse("6d1f4c7e-1b2a-4f3c-9d8e-0a1b2c3d4e5f");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_message_without_a_user_is_refused_naming_the_field_and_the_event(string? userId)
    {
        var erased = new UserErased(EventId, userId!, DateTimeOffset.UnixEpoch);

        var refusal = Assert.Throws<InvalidMessageException>(() => InvalidMessageException.ThrowIfBlank(erased.UserId, erased.EventId));

        Assert.Equal($"Message {EventId}: it has no UserId.", refusal.Message);
        Assert.Equal("it has no UserId", InvalidMessageException.BlankProblem(erased.UserId));
    }

    [Fact]
    public void A_message_with_a_user_passes()
    {
        var erased = new UserErased(EventId, "user-1", DateTimeOffset.UnixEpoch);

        InvalidMessageException.ThrowIfBlank(erased.UserId, erased.EventId);

        Assert.Null(InvalidMessageException.BlankProblem(erased.UserId));
    }
}
