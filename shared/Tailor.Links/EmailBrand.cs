namespace Tailor.Links;

/// <summary>
/// The shop's name as its readers know it. It is ContentGeneration's setting (<c>Tailor:ContentGeneration:BrandName</c>):
/// the From name and the copy of every email. Ingestion's unsubscribe page reads the same key rather than a setting of
/// its own, so the page can never name a different shop from the email the reader came from; in a deployment with one
/// process per service, give both the same environment (docker-compose.yml and the Kubernetes ConfigMap do).
/// </summary>
public static class EmailBrand
{
    public const string ConfigurationKey = "Tailor:ContentGeneration:BrandName";
    public const string DefaultName = "Tailor Shop";
    public const int MaxLength = 40;
}
