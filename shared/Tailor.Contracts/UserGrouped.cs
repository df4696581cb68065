namespace Tailor.Contracts;

/// <summary>
/// A user belongs to a group (an account, company or team) with these traits (Segment <c>group</c>). A user can be in
/// several groups; a later message for the same group updates its traits, field by field.
/// </summary>
/// <param name="GroupId">The platform's id of the group.</param>
/// <param name="Traits">The group's traits (name, industry, plan, employees ...), flattened like every message's fields.</param>
public record UserGrouped(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string GroupId,
    IReadOnlyDictionary<string, string> Traits) : IUserEvent;
