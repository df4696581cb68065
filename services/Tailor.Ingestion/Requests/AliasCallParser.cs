using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates an <c>alias</c> call: both ids are required and must differ.</summary>
internal static class AliasCallParser
{
    public static AliasCall? Parse(ObjectReader call, CallContext context)
    {
        var identity = CallIdentityParser.Parse(call, SegmentCallTypes.Alias, context);
        var previousId = call.Id("previousId", required: true);
        if (identity is not null && identity.UserId is null)
        {
            call.Error("userId", "Is required: alias names the user the previous id becomes.");
            return null;
        }

        if (identity is null || previousId is null)
        {
            return null;
        }

        if (previousId == identity.UserId)
        {
            call.Error("previousId", "Must differ from userId.");
            return null;
        }

        return new AliasCall(identity, previousId);
    }
}
