namespace Tailor.Host.Tests.Deployment;

/// <summary>
/// The links in emails reach Ingestion, which serves <c>/c/</c> and <c>/u/</c>: in compose through its published port,
/// on Kubernetes through the Ingress; and the shop's name on the unsubscribe page is the one the emails carry.
/// </summary>
public sealed class EmailLinkRoutingTests
{
    [Fact]
    public void Compose_writes_links_that_point_at_ingestions_published_port()
    {
        var services = DeployFiles.Yaml("docker-compose.yml").Map("services");
        var published = services.Map("ingestion").List("ports").Cast<string>().Single().Split(':')[0];
        var contentGeneration = services.Map("contentgeneration").Map("environment");

        foreach (var setting in new[] { "Tailor__ContentGeneration__TrackingBaseUrl", "Tailor__ContentGeneration__UnsubscribeBaseUrl" })
        {
            Assert.EndsWith($":-http://localhost:{published}}}", contentGeneration.Scalar(setting), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_gives_ingestion_and_content_generation_one_brand_name()
    {
        var services = DeployFiles.Yaml("docker-compose.yml").Map("services");

        var brands = new[] { "ingestion", "contentgeneration" }.Select(name => services.Map(name).Map("environment").Scalar("Tailor__ContentGeneration__BrandName"));

        Assert.Single(brands.Distinct());
        Assert.NotNull(brands.First());
    }

    [Fact]
    public void Kubernetes_routes_the_link_host_to_the_ingestion_service_and_configures_every_pod_with_it()
    {
        var ingress = DeployFiles.YamlDocuments("deploy/kubernetes/ingress.yaml").Single(document => document.Scalar("kind") == "Ingress");
        var config = DeployFiles.Yaml("deploy/kubernetes/config.yaml").Map("data");
        var rule = (Dictionary<object, object?>)ingress.Map("spec").List("rules").Single()!;
        var paths = rule.Map("http").List("paths").Cast<Dictionary<object, object?>>().ToList();

        Assert.Equal(["/c", "/u"], paths.Select(path => path.Scalar("path")));
        Assert.All(paths, path => Assert.Equal(("Prefix", "tailor-ingestion"), (path.Scalar("pathType"), path.Map("backend").Map("service").Scalar("name"))));
        Assert.Equal($"https://{rule.Scalar("host")}", config.Scalar("Tailor__ContentGeneration__TrackingBaseUrl"));
        Assert.Equal($"https://{rule.Scalar("host")}", config.Scalar("Tailor__ContentGeneration__UnsubscribeBaseUrl"));
        Assert.NotNull(config.Scalar("Tailor__ContentGeneration__BrandName"));
    }
}
