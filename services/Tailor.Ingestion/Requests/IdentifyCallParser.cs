using System.Text.Json;
using Tailor.Ingestion.Validation;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates an <c>identify</c> call and picks out the traits Tailor understands, under their common spellings.</summary>
internal static class IdentifyCallParser
{
    public static IdentifyCall? Parse(ObjectReader call, CallContext callContext)
    {
        var identity = CallIdentityParser.Parse(call, SegmentCallTypes.Identify, callContext);
        
        // context was checked with the common fields; only its time zone is read here.
        var context = call.Value("context") is { ValueKind: JsonValueKind.Object } device ? ObjectReader.Of(device, call.PathOf("context"), call.Errors) : null;
        var traits = call.Object("traits");
        var email = traits?.String("email", FieldLimits.Email);
        if (email is not null && !EmailAddresses.IsAddress(email))
        {
            traits!.Error("email", EmailAddresses.Problem);
        }

        var firstName = traits?.PlainText("firstName", FieldLimits.Name) ?? traits?.PlainText("first_name", FieldLimits.Name);
        var country = traits?.PlainText("country", FieldLimits.Name) ?? traits?.Object("address")?.PlainText("country", FieldLimits.Name);

        // Segment libraries put the device's zone in context.timezone; an explicit trait wins.
        var timeZone = traits?.PlainText("timezone", FieldLimits.Name) ?? context?.PlainText("timezone", FieldLimits.Name);
        var emailConsent = traits?.Boolean("email_consent");
        var unsubscribed = traits?.Boolean("unsubscribed");
        var flatTraits = PropertyLimits.Flatten(traits, callContext);
        if (identity is not null && identity.UserId is null)
        {
            // Traits describe a user; an anonymous visitor's become theirs through alias or an identify naming both ids.
            call.Error("userId", "Is required on identify; link an anonymousId by sending both.");
            return null;
        }

        if (identity is null || flatTraits is null)
        {
            return null;
        }

        return new IdentifyCall(
            identity, email, firstName, country, timeZone, emailConsent, unsubscribed, flatTraits);
    }
}
