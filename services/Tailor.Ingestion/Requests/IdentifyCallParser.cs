using System.Net.Mail;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates an <c>identify</c> call and picks out the traits Tailor understands, under their common spellings.</summary>
internal static class IdentifyCallParser
{
    public static IdentifyCall? Parse(ObjectReader call, ObjectReader? context)
    {
        var identity = CallIdentityParser.Parse(call, SegmentCallTypes.Identify);
        var traits = call.Object("traits");
        var email = traits?.String("email", FieldLimits.Email);
        if (email is not null && !IsEmailAddress(email))
        {
            traits!.Error("email", "Must be an email address.");
        }

        var firstName = traits?.String("firstName", FieldLimits.Name) ?? traits?.String("first_name", FieldLimits.Name);
        var country = traits?.String("country", FieldLimits.Name) ?? traits?.Object("address")?.String("country", FieldLimits.Name);

        // Segment libraries put the device's zone in context.timezone; an explicit trait wins.
        var timeZone = traits?.String("timezone", FieldLimits.Name) ?? context?.String("timezone", FieldLimits.Name);
        var emailConsent = traits?.Boolean("email_consent");
        var unsubscribed = traits?.Boolean("unsubscribed");
        if (identity is null)
        {
            return null;
        }

        return new IdentifyCall(
            identity, email, firstName, country, timeZone, emailConsent, unsubscribed, PropertyFlattener.Flatten(traits?.Element));
    }

    private static bool IsEmailAddress(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.DisplayName.Length == 0;
}
