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
        
        var traits = call.Object("traits");
        var emailConsent = traits?.Boolean("email_consent");
        var unsubscribed = traits?.Boolean("unsubscribed");

        // A withdrawal is a stop, which is never refused for the contact details beside it (as on the bus and in the
        // webhooks): those that break the rules are left out, and the details already known stay as they are.
        var withdrawing = unsubscribed == true || emailConsent == false;
        var leftOut = withdrawing ? new ValidationErrors() : call.Errors;
        var details = traits?.ReportingTo(leftOut);

        // context was checked with the common fields; only its time zone is read here.
        var context = call.Value("context") is { ValueKind: JsonValueKind.Object } device ? ObjectReader.Of(device, call.PathOf("context"), leftOut) : null;
        var email = details?.String("email", FieldLimits.Email);
        if (email is not null && !EmailAddresses.IsAddress(email))
        {
            details!.Error("email", EmailAddresses.Problem);
            email = null;
        }

        var firstName = details?.PlainText("firstName", FieldLimits.Name) ?? details?.PlainText("first_name", FieldLimits.Name);
        var country = details?.PlainText("country", FieldLimits.Name) ?? details?.Object("address")?.PlainText("country", FieldLimits.Name);

        // Segment libraries put the device's zone in context.timezone; an explicit trait wins.
        var timeZone = details?.PlainText("timezone", FieldLimits.Name) ?? context?.PlainText("timezone", FieldLimits.Name);
        var flatTraits = PropertyLimits.Flatten(details, callContext) ?? (withdrawing && traits is not null ? new Dictionary<string, string>() : null);
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
            identity, email, firstName, country, timeZone, emailConsent, unsubscribed, flatTraits, withdrawing ? leftOut.Lines() : []);
    }
}
