using Tailor.Contracts;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Contacts;

/// <summary>A group (account) the user belongs to, with the group's traits as of <paramref name="At"/>, the newest call's time.</summary>
internal sealed record GroupMembership(string GroupId, IReadOnlyDictionary<string, string> Traits, DateTimeOffset At)
{
    public static GroupMembership From(UserGrouped grouped) => new(grouped.GroupId, grouped.Traits, grouped.OccurredAt);

    /// <summary>
    /// Merges a later call for the same group as Segment does: each trait it sends wins when it is newer and fills a gap
    /// when it is older; traits it leaves out are kept. A group whose traits would grow past
    /// <paramref name="maxTraits"/> fields keeps the newer call's traits alone.
    /// </summary>
    public GroupMembership With(UserGrouped grouped, int maxTraits)
    {
        var newer = grouped.OccurredAt >= At;
        // A trait is the same trait in any case, as every service reads the traits (FieldNames).
        var merged = FieldNames.Copy(Traits);
        foreach (var (name, value) in grouped.Traits)
        {
            if (newer || !merged.ContainsKey(name))
            {
                FieldNames.Set(merged, name, value);
            }
        }

        if (merged.Count > maxTraits)
        {
            return newer ? From(grouped) : this;
        }

        return new GroupMembership(GroupId, merged, newer ? grouped.OccurredAt : At);
    }
}
