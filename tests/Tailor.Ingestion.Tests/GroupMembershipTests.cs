using Tailor.Contracts;
using Tailor.Ingestion.Contacts;

namespace Tailor.Ingestion.Tests;

/// <summary>The bounds on what group calls can grow a contact record to.</summary>
public sealed class GroupMembershipTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_user_past_the_most_groups_loses_the_group_updated_least_recently()
    {
        var contact = ContactRecord.Empty;
        for (var index = 0; index < ContactRecord.MaxGroups; index++)
        {
            contact = contact.With(Grouped($"group-{index}", Start.AddMinutes(index), ("name", $"Group {index}")), maxGroupTraits: 300);
        }

        // group-0 is refreshed, so group-1 is now the one sent least recently.
        contact = contact.With(Grouped("group-0", Start.AddDays(1), ("plan", "gold")), maxGroupTraits: 300);
        contact = contact.With(Grouped("newcomer", Start.AddDays(2), ("name", "Newcomer")), maxGroupTraits: 300);

        var ids = contact.Groups!.Select(group => group.GroupId).ToList();
        Assert.Equal(ContactRecord.MaxGroups, ids.Count);
        Assert.DoesNotContain("group-1", ids);
        Assert.Contains("group-0", ids);
        Assert.Equal("newcomer", ids[^1]);
        Assert.Equal(ContactRecord.MaxGroups, contact.ToSlice(suppressed: false).GroupIds!.Count);
    }

    [Fact]
    public void A_group_whose_traits_would_outgrow_the_limit_keeps_the_newest_calls_traits_alone()
    {
        var membership = GroupMembership.From(Grouped("acme", Start, ("name", "Acme"), ("plan", "basic")));

        var merged = membership.With(Grouped("acme", Start.AddDays(1), ("plan", "gold")), maxTraits: 2);
        var outgrown = merged.With(Grouped("acme", Start.AddDays(2), ("employees", "12")), maxTraits: 2);
        var olderOutgrowing = merged.With(Grouped("acme", Start.AddHours(1), ("industry", "Anvils")), maxTraits: 2);

        Assert.Equal(new Dictionary<string, string> { ["name"] = "Acme", ["plan"] = "gold" }, merged.Traits);
        Assert.Equal(new Dictionary<string, string> { ["employees"] = "12" }, outgrown.Traits);
        Assert.Equal(Start.AddDays(2), outgrown.At);
        Assert.Same(merged, olderOutgrowing);
    }

    private static UserGrouped Grouped(string groupId, DateTimeOffset at, params (string Name, string Value)[] traits) =>
        new(Guid.NewGuid(), "12583", at, groupId, traits.ToDictionary(trait => trait.Name, trait => trait.Value));
}
