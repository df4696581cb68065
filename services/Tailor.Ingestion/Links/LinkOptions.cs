using System.ComponentModel.DataAnnotations;
using Tailor.Links;

namespace Tailor.Ingestion.Links;

/// <summary>How Ingestion serves the links in Tailor's emails, section <c>Tailor:Ingestion:Links</c>.</summary>
public sealed class LinkOptions : IValidatableObject
{
    public const string Section = "Tailor:Ingestion:Links";

    /// <summary>
    /// The shop's home page (absolute http or https): where a product link leads when its item has no <c>url</c>, is
    /// unknown, or the link is not one Tailor signed. The default only keeps an unconfigured demo running; set your own.
    /// </summary>
    [Required]
    public string FallbackUrl { get; set; } = "https://example.com/";

    /// <summary>
    /// The shop's name on the unsubscribe page. Not a setting of its own: it is read from
    /// <c>Tailor:ContentGeneration:BrandName</c> (<see cref="EmailBrand"/>), the name the emails carry, so the
    /// page always names the shop the reader heard from. A value under this section is overwritten.
    /// </summary>
    [Required]
    [StringLength(EmailBrand.MaxLength, MinimumLength = 1)]
    public string BrandName { get; set; } = EmailBrand.DefaultName;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(FallbackUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host) || FallbackUrl.Any(character => char.IsWhiteSpace(character) || char.IsControl(character)))
        {
            yield return new ValidationResult($"{nameof(FallbackUrl)} must be an absolute http(s) URL, the shop's home page.", [nameof(FallbackUrl)]);
        }

        if (BrandName.Any(char.IsControl))
        {
            yield return new ValidationResult($"{EmailBrand.ConfigurationKey} must not contain control characters.", [nameof(BrandName)]);
        }
    }
}
