using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Validation;

/// <summary>
/// Longest accepted values, as every service holds the bus's messages to them (<see cref="FieldLengths"/>,
/// <see cref="Identifiers.MaxLength"/>): named here for the fields of Ingestion's requests and webhooks.
/// </summary>
internal static class FieldLimits
{
    public const int Id = Identifiers.MaxLength;
    public const int Name = FieldLengths.Name;
    public const int Email = FieldLengths.Email;
    public const int Title = FieldLengths.Title;
    public const int Category = FieldLengths.Category;
    public const int Description = FieldLengths.Description;
    public const int Goal = FieldLengths.Goal;
    public const int Text = FieldLengths.Text;
    public const int Url = FieldLengths.Url;
}
