using Tailor.Contracts;
using Tailor.Profiles;

namespace Tailor.Ingestion.Contacts;

/// <summary>
/// What Ingestion knows about reaching one user. Traits and consent keep their own "as of" times, so a late,
/// older message never undoes a newer one: an old identify cannot overwrite an unsubscribe that came after it.
/// </summary>
/// <param name="EmailConsent">Null until the user or an email provider said anything about consent.</param>
/// <param name="Groups">The groups (accounts) the user belongs to, in the order they were first sent; null when none.</param>
internal sealed record ContactRecord(
    string? Email,
    string? FirstName,
    string? Country,
    string? TimeZone,
    DateTimeOffset? TraitsAt,
    bool? EmailConsent,
    DateTimeOffset? ConsentAt,
    IReadOnlyList<GroupMembership>? Groups = null)
{
    /// <summary>
    /// The most groups one user is kept in; past it the membership sent least recently is dropped, so a sender
    /// that invents group ids cannot grow a record (and the profile slice read for every email) without bound.
    /// </summary>
    public const int MaxGroups = 100;

    public static ContactRecord Empty { get; } = new(null, null, null, null, null, null, null);

    /// <summary>Merges an identify: the traits it sends win when it is newer and fill gaps when it is older.</summary>
    public ContactRecord With(UserIdentified identified)
    {
        var newer = TraitsAt is null || identified.OccurredAt >= TraitsAt;
        var merged = this with
        {
            Email = Pick(identified.Email, Email, newer),
            FirstName = Pick(identified.FirstName, FirstName, newer),
            Country = Pick(identified.Country, Country, newer),
            TimeZone = Pick(identified.TimeZone, TimeZone, newer),
            TraitsAt = newer ? identified.OccurredAt : TraitsAt,
        };

        // An identify that says nothing about consent keeps the consent we know.
        return identified.EmailConsent is { } consent ? merged.WithConsent(consent, identified.OccurredAt) : merged;
    }

    /// <summary>Adds the user to the group, or updates the group's traits (see <see cref="GroupMembership.With"/>).</summary>
    public ContactRecord With(UserGrouped grouped, int maxGroupTraits)
    {
        List<GroupMembership> groups = [.. Groups ?? []];
        var index = groups.FindIndex(group => group.GroupId == grouped.GroupId);
        if (index >= 0)
        {
            groups[index] = groups[index].With(grouped, maxGroupTraits);
        }
        else
        {
            groups.Add(GroupMembership.From(grouped));
        }

        if (groups.Count > MaxGroups)
        {
            groups.Remove(groups.MinBy(group => group.At)!);
        }

        return this with { Groups = groups };
    }

    public ContactRecord WithConsent(bool consent, DateTimeOffset at) =>
        ConsentAt is null || at >= ConsentAt ? this with { EmailConsent = consent, ConsentAt = at } : this;

    /// <summary>The profile slice; unknown consent is no consent.</summary>
    /// <param name="suppressed">Whether the address is on the suppression list (see <see cref="SuppressionList"/>).</param>
    public ContactSlice ToSlice(bool suppressed) =>
        new(
            Email,
            FirstName,
            Country,
            TimeZone,
            EmailConsent ?? false,
            Latest(Latest(TraitsAt, ConsentAt), Groups?.Max(group => (DateTimeOffset?)group.At)) ?? DateTimeOffset.MinValue,
            suppressed,
            Groups is { Count: > 0 } groups ? [.. groups.Select(group => group.GroupId)] : null);

    private static string? Pick(string? incoming, string? known, bool incomingIsNewer) =>
        incoming is null ? known : incomingIsNewer || known is null ? incoming : known;

    private static DateTimeOffset? Latest(DateTimeOffset? first, DateTimeOffset? second) => (first, second) switch
    {
        ({ } a, { } b) => a > b ? a : b,
        ({ } a, null) => a,
        (null, { } b) => b,
        _ => null,
    };
}
