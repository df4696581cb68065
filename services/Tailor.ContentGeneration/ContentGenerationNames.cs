namespace Tailor.ContentGeneration;

/// <summary>Where ContentGeneration keeps what it owns, and how it signs its emails.</summary>
public static class ContentGenerationNames
{
    /// <summary>The service's own event stream: every message it consumed, recorded first (idempotency).</summary>
    public const string Stream = "contentgeneration";

    /// <summary>Campaigns as requested, keyed by campaign id, with how far their fan-out got.</summary>
    public const string CampaignsCollection = "contentgeneration.campaigns";

    /// <summary>Each user's recent sends and last human engagement, keyed by user id: what frequency caps count.</summary>
    public const string SendLedgerCollection = "contentgeneration.send-ledger";

    /// <summary>The <c>EmailReady.Generator</c> of emails written by <see cref="Composition.TemplateComposer"/>.</summary>
    public const string TemplateGenerator = "template-composer/1";

    /// <summary>The <c>EmailReady.Generator</c> of emails whose copy a language model wrote (the model is in <c>ModelVersion</c>).</summary>
    public const string LanguageModelGenerator = "language-model/1";

    /// <summary>Subject tests (variants, results, winner), keyed by campaign and copy.</summary>
    public const string SubjectTestsCollection = "contentgeneration.subject-tests";

    /// <summary>The control groups' email: the bestsellers under a fixed subject (see <see cref="Control.ControlEmailComposer"/>).</summary>
    public const string ControlGenerator = "control-bestsellers/1";

    /// <summary>The bestseller list control groups are shown (<see cref="Control.BestsellerList"/>), one document.</summary>
    public const string BestsellersCollection = "contentgeneration.bestsellers";

    /// <summary>ContentGeneration's catalog copy (<see cref="Training.Catalog.CatalogEntry"/> by item id): the titles, prices and availability emails show.</summary>
    public const string CatalogCollection = "contentgeneration.catalog";

    /// <summary>Which subject variant each email carried and whether its open and click were counted, keyed by email id.</summary>
    public const string EmailSubjectsCollection = "contentgeneration.email-subjects";
}
