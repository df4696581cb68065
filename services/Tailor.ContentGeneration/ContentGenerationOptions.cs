using System.ComponentModel.DataAnnotations;
using Tailor.ContentGeneration.Frequency;
using Tailor.Contracts;
using Tailor.Links;
using Tailor.OptionsValidation;

namespace Tailor.ContentGeneration;

/// <summary>Settings of the ContentGeneration service (section <c>Tailor:ContentGeneration</c>).</summary>
/// <remarks>The defaults point at <c>example.com</c> so an unconfigured demo runs; a real sender sets its own.</remarks>
public sealed class ContentGenerationOptions : IValidatableObject
{
    public const string Section = "Tailor:ContentGeneration";

    public const int MaxPostalAddressLength = 200;

    /// <summary>Who the email is from, as the reader knows the shop.</summary>
    /// <remarks>Ingestion's unsubscribe page shows the same setting (<see cref="EmailBrand"/>).</remarks>
    [Required]
    [StringLength(EmailBrand.MaxLength, MinimumLength = 1)]
    public string BrandName { get; set; } = EmailBrand.DefaultName;

    /// <summary>The sending address (From), shown as <see cref="BrandName"/>; also the domain of each Message-ID.</summary>
    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "shop@example.com";

    /// <summary>Where replies go, when not to <see cref="FromAddress"/>.</summary>
    [EmailAddress]
    public string? ReplyTo { get; set; }

    /// <summary>
    /// Base of the signed one-click unsubscribe link <c>{UnsubscribeBaseUrl}/u/{emailId}?s={signature}</c>, which
    /// Ingestion serves: point this host's DNS at Ingestion.
    /// </summary>
    [Required]
    public string UnsubscribeBaseUrl { get; set; } = "https://email.example.com";

    /// <summary>
    /// A mailbox someone processes (a person or a program that honours each request), offered in <c>List-Unsubscribe</c>
    /// as <c>mailto:{UnsubscribeMailbox}?subject=unsubscribe-{emailId}</c> next to the https link. Unset (the default),
    /// the header carries the https link alone: an address nobody reads would be a way to say stop that is never honoured.
    /// </summary>
    [EmailAddress]
    public string? UnsubscribeMailbox { get; set; }

    /// <summary>
    /// Base of every signed product link <c>{TrackingBaseUrl}/c/{emailId}/{itemId}?s={signature}</c>, which Ingestion
    /// serves (it records the click and redirects to the item's page): point this host's DNS at Ingestion.
    /// </summary>
    [Required]
    public string TrackingBaseUrl { get; set; } = "https://email.example.com";

    /// <summary>Most recommended items one email shows, best first.</summary>
    [Range(1, 20)]
    public int MaxItems { get; set; } = 4;

    /// <summary>The shop's one currency (ISO 4217): recommendations carry prices in it (GBP for the sample).</summary>
    [Required]
    public string CurrencyCode { get; set; } = "GBP";

    /// <summary>The culture prices are written in: where the symbol goes, the separators ("en-GB": £1,234.50; "de-DE": 1.234,50 €).</summary>
    [Required]
    public string PriceCulture { get; set; } = "en-GB";

    /// <summary>When set, written as the currency's symbol instead of the one <see cref="CurrencyCode"/> has in <see cref="PriceCulture"/>.</summary>
    [StringLength(5, MinimumLength = 1)]
    public string? CurrencySymbol { get; set; }

    /// <summary>
    /// The shop's postal address, printed in every email's footer under the reason the reader gets it. Commercial email
    /// to readers in the United States must carry the sender's valid physical postal address (CAN-SPAM), and many other
    /// countries' rules and mailbox providers expect one; unset, the footer has none, and ContentGeneration says so in
    /// a warning at start. One line, as it should read ("Tailor Shop Ltd, 1 High Street, London N1 1AA, United Kingdom").
    /// </summary>
    [StringLength(MaxPostalAddressLength, MinimumLength = 1)]
    [RegularExpression(@"^[^\r\n]*\S[^\r\n]*$", ErrorMessage = "PostalAddress must be one line of text.")]
    public string? PostalAddress { get; set; }

    /// <summary>When set, an image shown above the greeting (an absolute https URL), described by <see cref="BrandName"/> for readers who block images.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>How many <c>PersonalizeEmail</c> commands a campaign's fan-out publishes at once (in pages of <see cref="PersonalizeBatchLimit"/>).</summary>
    [Range(1, 10_000)]
    public int FanOutChunkSize { get; set; } = 500;

    /// <summary>
    /// Users per page of a campaign's fan-out (<c>PersonalizeEmails</c>), which the consumer handles as one batch: one
    /// duplicate check, one profile read, one ledger write, one subject-test update and one record for all of them. At
    /// most a quarter of what a subject test remembers (<see cref="Subjects.SubjectTest.RecentlyCountedLimit"/>), so
    /// copies of a page racing on two replicas still count once.
    /// </summary>
    [Range(1, Subjects.SubjectTest.RecentlyCountedLimit / 4)]
    public int PersonalizeBatchLimit { get; set; } = 100;

    /// <summary>
    /// Per campaign type (<see cref="CampaignTypes"/>), the most emails of that type one user gets in a rolling period.
    /// Configured keys are merged into these defaults, so setting one type leaves the others as they are.
    /// </summary>
    public Dictionary<string, FrequencyCapOptions> FrequencyCaps { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [CampaignTypes.Promotional] = new() { MaxEmails = 3 },
        [CampaignTypes.Newsletter] = new() { MaxEmails = 1 },
        [CampaignTypes.Transactional] = new() { Uncapped = true },
    };

    /// <summary>The type of a campaign that names none; a campaign of a type without a cap here is capped as this type.</summary>
    [Required]
    public string DefaultCampaignType { get; set; } = CampaignTypes.Promotional;

    /// <summary>How many capped sends in a row, with no human open or click since, make a user saturated.</summary>
    [Range(1, 1_000)]
    public int FatigueUnengagedSends { get; set; } = 5;

    /// <summary>How far back sends and engagement count towards the fatigue score.</summary>
    [TimeSpanRange("1.00:00:00", "366.00:00:00")]
    public TimeSpan FatigueLookback { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A saturated user's cap is the type's cap divided by this, rounded down, and at least 1 per period.</summary>
    [Range(1, 100)]
    public int SaturatedCapDivisor { get; set; } = 3;

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
        foreach (var (address, name) in new[] { (UnsubscribeMailbox ?? "", nameof(UnsubscribeMailbox)), (FromAddress, nameof(FromAddress)), (ReplyTo ?? "", nameof(ReplyTo)) })
        {
            if (address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or '?' or '&' or '"'))
            {
                yield return new ValidationResult($"{name} must be a bare address.", [name]);
            }
        }

        if (BrandName.Any(char.IsControl) || (CurrencySymbol ?? string.Empty).Any(char.IsControl))
        {
            yield return new ValidationResult("BrandName and CurrencySymbol must not contain control characters.", [nameof(BrandName), nameof(CurrencySymbol)]);
        }

        if (!Composition.PriceFormat.IsKnownCurrency(CurrencyCode))
        {
            yield return new ValidationResult($"{nameof(CurrencyCode)} '{CurrencyCode}' must be an ISO 4217 code such as GBP, EUR or USD.", [nameof(CurrencyCode)]);
        }

        if (!Composition.PriceFormat.IsKnownCulture(PriceCulture))
        {
            yield return new ValidationResult($"{nameof(PriceCulture)} '{PriceCulture}' must be a specific culture such as en-GB or de-DE.", [nameof(PriceCulture)]);
        }

        if (LogoUrl is not null && (!Uri.TryCreate(LogoUrl, UriKind.Absolute, out var logo) || logo.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"{nameof(LogoUrl)} must be an absolute https URL.", [nameof(LogoUrl)]);
        }

        foreach (var failure in ValidateFrequencyCaps())
        {
            yield return failure;
        }
    }

    // Nested values are not reached by data annotations, so each cap is checked here and named by its key.
    private IEnumerable<ValidationResult> ValidateFrequencyCaps()
    {
        foreach (var (type, cap) in FrequencyCaps)
        {
            var name = $"{nameof(FrequencyCaps)}:{type}";
            if (!CampaignTypes.IsWellFormed(type))
            {
                yield return new ValidationResult(
                    $"{name}: a campaign type is a lowercase token of letters, digits and '-', at most {CampaignTypes.MaxLength} characters.", [nameof(FrequencyCaps)]);
            }

            if (cap is null)
            {
                yield return new ValidationResult($"{name} has no settings.", [nameof(FrequencyCaps)]);
                continue;
            }

            if (!cap.Uncapped && cap.MaxEmails is < 1 or > 1_000)
            {
                yield return new ValidationResult($"{name}:{nameof(cap.MaxEmails)} must be between 1 and 1000 (or set {nameof(cap.Uncapped)}).", [nameof(FrequencyCaps)]);
            }

            if (cap.Period < TimeSpan.FromHours(1) || cap.Period > TimeSpan.FromDays(366))
            {
                yield return new ValidationResult($"{name}:{nameof(cap.Period)} must be between 1 hour and 366 days.", [nameof(FrequencyCaps)]);
            }
        }

        if (!FrequencyCaps.ContainsKey(DefaultCampaignType))
        {
            yield return new ValidationResult(
                $"{nameof(DefaultCampaignType)} '{DefaultCampaignType}' must be one of the {nameof(FrequencyCaps)} keys.", [nameof(DefaultCampaignType)]);
        }
    }
}
