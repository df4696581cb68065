using System.ComponentModel.DataAnnotations;

namespace Tailor.ContentGeneration;

/// <summary>Settings of the ContentGeneration service (section <c>Tailor:ContentGeneration</c>).</summary>
/// <remarks>The defaults point at <c>example.com</c> so an unconfigured demo runs; a real sender sets its own.</remarks>
public sealed class ContentGenerationOptions : IValidatableObject
{
    public const string Section = "Tailor:ContentGeneration";

    /// <summary>Who the email is from, as the reader knows the shop.</summary>
    [Required]
    [StringLength(40, MinimumLength = 1)]
    public string BrandName { get; set; } = "Tailor Shop";

    /// <summary>Base of the one-click unsubscribe link <c>{UnsubscribeBaseUrl}/u/{emailId}</c>.</summary>
    [Required]
    public string UnsubscribeBaseUrl { get; set; } = "https://email.example.com";

    /// <summary>Mailbox of the <c>mailto:</c> unsubscribe address (subject <c>unsubscribe-{emailId}</c>).</summary>
    [Required]
    [EmailAddress]
    public string UnsubscribeMailbox { get; set; } = "unsubscribe@example.com";

    /// <summary>Base of every product link <c>{TrackingBaseUrl}/c/{emailId}/{itemId}</c>, so clicks come back as engagement.</summary>
    [Required]
    public string TrackingBaseUrl { get; set; } = "https://email.example.com";

    /// <summary>Most recommended items one email shows, best first.</summary>
    [Range(1, 20)]
    public int MaxItems { get; set; } = 4;

    /// <summary>Written before every price; recommendations carry prices in the shop's one currency (GBP for the sample).</summary>
    [Required]
    [StringLength(5, MinimumLength = 1)]
    public string CurrencySymbol { get; set; } = "£";

    /// <summary>How many <c>PersonalizeEmail</c> commands a campaign publishes at once.</summary>
    [Range(1, 10_000)]
    public int FanOutChunkSize { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (value, name) in new[] { (UnsubscribeBaseUrl, nameof(UnsubscribeBaseUrl)), (TrackingBaseUrl, nameof(TrackingBaseUrl)) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                yield return new ValidationResult($"{name} must be an absolute http(s) URL without query or fragment.", [name]);
            }
        }

        // The mailbox and the brand go into headers and copy as they are: characters that could end a header or
        // the List-Unsubscribe entry are refused here rather than escaped later.
        if (UnsubscribeMailbox.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or '?' or '&'))
        {
            yield return new ValidationResult($"{nameof(UnsubscribeMailbox)} must be a bare address.", [nameof(UnsubscribeMailbox)]);
        }

        if (BrandName.Any(char.IsControl) || CurrencySymbol.Any(char.IsControl))
        {
            yield return new ValidationResult("BrandName and CurrencySymbol must not contain control characters.", [nameof(BrandName), nameof(CurrencySymbol)]);
        }
    }
}
