using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates a <c>group</c> call: a user id, a group id (held to the same rules) and the group's traits.</summary>
internal static class GroupCallParser
{
    public static GroupCall? Parse(ObjectReader call, CallContext context)
    {
        var identity = CallIdentityParser.Parse(call, SegmentCallTypes.Group, context);
        var groupId = call.Id("groupId", required: true);
        var traits = PropertyLimits.Flatten(call.Object("traits"), context);
        if (identity is not null && identity.UserId is null)
        {
            // Memberships are kept with the user, as identify's traits are; an anonymous visitor has no record to keep them in.
            call.Error("userId", "Is required on group: a membership belongs to a user.");
            return null;
        }

        return identity is null || groupId is null || traits is null ? null : new GroupCall(identity, groupId, traits);
    }
}
