using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tailor.Host.Hosting;

namespace Tailor.Host.Tests.Deployment;

/// <summary>
/// The deployment files agree with the code: the dashboard and alerts read metrics the services export, compose and
/// Kubernetes run every service with health checks, KEDA watches the queues the consumers really read, and the image
/// restores before it copies the source and runs as a non-root user.
/// </summary>
public partial class DeploymentFilesTests
{
    private const string Dashboard = "deploy/grafana/dashboards/tailor.json";
    private const string Alerts = "deploy/prometheus/alerts.yml";
    private const string Compose = "docker-compose.yml";
    private const string Dockerfile = "deploy/Dockerfile";
    private const string Kubernetes = "deploy/kubernetes";

    [Fact]
    public void The_metric_catalog_finds_the_instruments_the_code_and_MassTransit_define()
    {
        var known = MetricCatalog.Known(includePlanned: false);

        // One of each shape, so a catalog that found nothing (or named things wrongly) cannot pass the tests below.
        Assert.Contains("tailor_ingestion_messages_published_total", known);
        Assert.Contains("tailor_topic_training_duration_seconds_bucket", known);
        Assert.Contains("tailor_topic_model_coherence_ratio", known);
        Assert.Contains("tailor_embedding_sessions", known);
        Assert.Contains("tailor_embedding_text_cache_lookups_total", known);
        Assert.Contains("tailor_sendtime_prior_strength", known);
        Assert.Contains("messaging_masstransit_consume_ea_total", known);
        Assert.Contains("messaging_masstransit_consume_duration_milliseconds_bucket", known);
        Assert.Contains("tailor_recommendation_model_ndcg_ratio", known);
        Assert.Contains("tailor_profile_event_to_profile_duration_seconds_bucket", known);
    }

    [Fact]
    public void Every_metric_the_dashboard_queries_is_defined_by_the_code_or_listed_as_planned()
    {
        using var dashboard = DeployFiles.Json(Dashboard);
        var expressions = Panels(dashboard.RootElement)
            .SelectMany(panel => panel.TryGetProperty("targets", out var targets) ? targets.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(target => target.GetProperty("expr").GetString()!)
            .ToList();

        Assert.True(expressions.Count >= 20, $"only {expressions.Count} queries in the dashboard");
        AssertKnown(expressions, Dashboard);
    }

    [Fact]
    public void Every_dashboard_panel_has_a_title_a_query_and_a_place_of_its_own()
    {
        using var dashboard = DeployFiles.Json(Dashboard);
        var panels = Panels(dashboard.RootElement).Where(panel => panel.GetProperty("type").GetString() != "row").ToList();

        Assert.All(panels, panel =>
        {
            Assert.False(string.IsNullOrWhiteSpace(panel.GetProperty("title").GetString()));
            Assert.NotEmpty(panel.GetProperty("targets").EnumerateArray());
        });
        var places = panels.Select(panel => panel.GetProperty("gridPos")).Select(grid => (grid.GetProperty("x").GetInt32(), grid.GetProperty("y").GetInt32()));
        Assert.Equal(panels.Count, places.Distinct().Count());
        Assert.Equal(panels.Count, panels.Select(panel => panel.GetProperty("id").GetInt32()).Distinct().Count());
    }

    [Fact]
    public void Every_metric_the_alert_rules_query_is_defined_by_the_code_or_listed_as_planned()
    {
        var rules = DeployFiles.Yaml(Alerts).List("groups").Cast<Dictionary<object, object?>>()
            .SelectMany(group => group.List("rules").Cast<Dictionary<object, object?>>())
            .ToList();

        var names = rules.Select(rule => rule.Scalar("alert")).ToList();
        Assert.Contains("TailorConsumerFaults", names);
        Assert.Contains("TailorConsumerLagGrowing", names);
        Assert.Contains("TailorCampaignWithoutEmailReady", names);
        Assert.Contains("TailorTopicCoherenceDropped", names);
        Assert.Contains("TailorRecommenderQualityDropped", names);
        AssertKnown(rules.Select(rule => rule.Scalar("expr")!), Alerts);
    }

    [Fact]
    public void Every_compose_Tailor_service_has_a_health_check_and_waits_for_healthy_infrastructure()
    {
        var services = DeployFiles.Yaml(Compose).Map("services");
        var tailor = services
            .Where(service => service.Value is Dictionary<object, object?> map && map.TryGetValue("command", out var command)
                && command is List<object?> words && words.Contains("serve"))
            .ToDictionary(service => (string)service.Key, service => (Dictionary<object, object?>)service.Value!);

        Assert.Equal(ServiceTargets.Names.Order(), tailor.Values.Select(Target).Order());
        foreach (var (name, service) in tailor)
        {
            var test = string.Join(' ', service.Map("healthcheck").List("test"));
            Assert.Contains("/health", test, StringComparison.Ordinal);
            var dependsOn = service.Map("depends_on");
            foreach (var infrastructure in new[] { "rabbitmq", "mongodb", "redis" })
            {
                Assert.True(dependsOn.ContainsKey(infrastructure), $"{name} does not wait for {infrastructure}");
                Assert.Equal("service_healthy", dependsOn.Map(infrastructure).Scalar("condition"));
                Assert.True(services.Map(infrastructure).ContainsKey("healthcheck"), $"{infrastructure} has no health check");
            }

            Assert.Equal("http://otel-collector:4317", service.Map("environment").Scalar("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }

        foreach (var observability in new[] { "otel-collector", "jaeger", "prometheus", "grafana" })
        {
            Assert.True(services.ContainsKey(observability), $"compose has no {observability}");
        }
    }

    [Fact]
    public void The_compose_file_holds_no_secret_and_every_variable_it_requires_is_in_the_env_example()
    {
        var services = DeployFiles.Yaml(Compose).Map("services");
        var secretNames = SecretNamePattern();
        foreach (var (service, definition) in services)
        {
            if (definition is not Dictionary<object, object?> map || !map.TryGetValue("environment", out var environment)
                || environment is not Dictionary<object, object?> variables)
            {
                continue;
            }

            foreach (var (name, value) in variables)
            {
                if (secretNames.IsMatch((string)name))
                {
                    Assert.True(value is string text && text.StartsWith("${", StringComparison.Ordinal), $"{service}: {name} is written in the file");
                }
            }
        }

        var required = RequiredVariablePattern().Matches(DeployFiles.Text(Compose)).Select(match => match.Groups[1].Value).ToHashSet();
        var example = DeployFiles.Text("deploy/.env.example").Split('\n')
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.TrimStart().StartsWith('#'))
            .ToDictionary(line => line[..line.IndexOf('=', StringComparison.Ordinal)].Trim(), line => line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim());
        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.False(string.IsNullOrEmpty(example.GetValueOrDefault(name)), $"{name} has no value in deploy/.env.example"));
        Assert.Contains(".env", DeployFiles.Text(".gitignore").Split('\n').Select(line => line.Trim()));
    }

    [Fact]
    public void Every_service_has_a_Deployment_with_probes_and_resources_and_a_disruption_budget()
    {
        var documents = KubernetesDocuments();
        foreach (var target in ServiceTargets.Names)
        {
            var name = $"tailor-{target}";
            var deployment = Single(documents, "Deployment", name);
            var pod = deployment.At("spec", "template", "spec")!;
            var container = (Dictionary<object, object?>)pod.List("containers").Single()!;

            Assert.Equal(["serve", "--target", target], container.List("args").Cast<string>());
            Assert.Equal("/alive", container.At("livenessProbe", "httpGet")!.Scalar("path"));
            Assert.Equal("/health", container.At("readinessProbe", "httpGet")!.Scalar("path"));
            foreach (var bound in new[] { "requests", "limits" })
            {
                var resources = container.At("resources", bound);
                Assert.True(resources is not null && resources.ContainsKey("cpu") && resources.ContainsKey("memory"), $"{name} has no {bound}");
            }

            Assert.Equal("true", pod.At("securityContext")!.Scalar("runAsNonRoot"));
            var labels = deployment.At("spec", "selector", "matchLabels")!;
            var budget = Single(documents, "PodDisruptionBudget", name);
            Assert.Equal(labels, budget.At("spec", "selector", "matchLabels"));
        }
    }

    [Fact]
    public void Every_ScaledObject_watches_exactly_the_queues_its_consumers_read_by_one_pattern()
    {
        var documents = KubernetesDocuments();
        var queuesOf = ServiceTargets.Names.ToDictionary(target => target, target => ConsumerQueues.Of(target), StringComparer.Ordinal);
        foreach (var target in ServiceTargets.Names)
        {
            var name = $"tailor-{target}";
            var scaledObject = Single(documents, "ScaledObject", name);
            Assert.Equal(name, scaledObject.At("spec", "scaleTargetRef")!.Scalar("name"));

            var trigger = Assert.Single(scaledObject.At("spec")!.List("triggers").Cast<Dictionary<object, object?>>());
            Assert.Equal("rabbitmq", trigger.Scalar("type"));
            Assert.Equal("tailor-rabbitmq-management", trigger.Map("authenticationRef").Scalar("name"));
            var metadata = trigger.Map("metadata");
            // KEDA selects queues by pattern only over the management API, and sums them unless told otherwise.
            Assert.Equal(("http", "true", "max", "QueueLength"),
                (metadata.Scalar("protocol"), metadata.Scalar("useRegex"), metadata.Scalar("operation"), metadata.Scalar("mode")));
            // Anchored and built from literals, character classes and one group: the same in Go's RE2 as in .NET.
            var pattern = new Regex(metadata.Scalar("queueName")!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

            var consumed = queuesOf[target];
            Assert.NotEmpty(consumed);
            var watched = queuesOf.Values.SelectMany(queues => queues).Where(queue => pattern.IsMatch(queue)).Order().ToList();
            Assert.Equal(consumed.Order(), watched);
            foreach (var queue in consumed)
            {
                // A consumer added under the same prefix is watched with no change to the manifest...
                Assert.Matches(pattern, $"{queue}-added-later");
                // ...and faulted messages, which wait for a person, never scale the service out.
                Assert.DoesNotMatch(pattern, $"{queue}_error");
                Assert.DoesNotMatch(pattern, $"{queue}_skipped");
            }
        }
    }

    [Fact]
    public void KEDA_reads_the_management_uri_from_a_secret_of_its_own_that_the_template_names()
    {
        var documents = KubernetesDocuments();
        var reference = (Dictionary<object, object?>)Assert.Single(
            Single(documents, "TriggerAuthentication", "tailor-rabbitmq-management").At("spec")!.List("secretTargetRef"))!;
        Assert.Equal("host", reference.Scalar("parameter"));

        var secret = Single(documents, "Secret", reference.Scalar("name")!);
        Assert.NotEqual("tailor-secrets", reference.Scalar("name"));
        Assert.StartsWith("http://", secret.Map("stringData").Scalar(reference.Scalar("key")!), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_service_keeps_its_own_MongoDB_database_in_compose_and_on_Kubernetes()
    {
        const string database = "Tailor__MongoDb__Database";
        var compose = DeployFiles.Yaml(Compose);
        Assert.False(compose.Map("x-tailor-service").Map("environment").ContainsKey(database), "compose gives every service one database");
        var composeServices = compose.Map("services").Values.OfType<Dictionary<object, object?>>()
            .Where(service => service.TryGetValue("command", out var command) && command is List<object?> words && words.Contains("serve"))
            .ToDictionary(Target, service => service.Map("environment").Scalar(database));
        Assert.Equal(ServiceTargets.Names.Order(), composeServices.Keys.Order());
        Assert.All(composeServices, service => Assert.Equal($"tailor-{service.Key}", service.Value));

        var documents = KubernetesDocuments();
        Assert.False(Single(documents, "ConfigMap", "tailor-config").Map("data").ContainsKey(database), "the ConfigMap gives every service one database");
        foreach (var target in ServiceTargets.Names)
        {
            var container = (Dictionary<object, object?>)Single(documents, "Deployment", $"tailor-{target}").At("spec", "template", "spec")!.List("containers").Single()!;
            var variables = container.List("env").Cast<Dictionary<object, object?>>().ToDictionary(variable => variable.Scalar("name")!, variable => variable.Scalar("value"));
            Assert.Equal($"tailor-{target}", variables.GetValueOrDefault(database));
        }
    }

    [Fact]
    public void Every_ScaledObject_allows_several_replicas_and_its_budget_moves_one_pod_at_a_time()
    {
        var documents = KubernetesDocuments();
        foreach (var target in ServiceTargets.Names)
        {
            var name = $"tailor-{target}";
            var scaling = Single(documents, "ScaledObject", name).Map("spec");
            var least = int.Parse(scaling.Scalar("minReplicaCount")!, CultureInfo.InvariantCulture);
            var most = int.Parse(scaling.Scalar("maxReplicaCount")!, CultureInfo.InvariantCulture);
            Assert.True(least >= 1 && most > least, $"{name} scales from {least} to {most} replicas");

            // The Deployment starts where KEDA would keep it, so applying the manifests does not scale it down first.
            Assert.Equal(least.ToString(CultureInfo.InvariantCulture), Single(documents, "Deployment", name).Map("spec").Scalar("replicas"));
            Assert.Equal("1", Single(documents, "PodDisruptionBudget", name).Map("spec").Scalar("maxUnavailable"));
        }
    }

    [Fact]
    public void The_kustomization_applies_every_manifest_but_the_secret_template()
    {
        var kustomization = DeployFiles.Yaml($"{Kubernetes}/kustomization.yaml");
        var resources = kustomization.List("resources").Cast<string>().Order().ToList();
        var manifests = Directory.EnumerateFiles(DeployFiles.PathOf(Kubernetes), "*.yaml")
            .Select(path => Path.GetFileName(path))
            .Where(file => file is not "kustomization.yaml" and not "secret.example.yaml")
            .Order()
            .ToList();

        Assert.Equal(manifests, resources);
    }

    [Fact]
    public void The_Dockerfile_restores_from_the_project_files_before_copying_the_source()
    {
        var instructions = DockerInstructions();
        var restore = instructions.FindIndex(line => line.StartsWith("RUN", StringComparison.Ordinal) && line.Contains("dotnet restore", StringComparison.Ordinal));
        var copySource = instructions.FindIndex(line => line.StartsWith("COPY shared/ ", StringComparison.Ordinal));
        Assert.True(restore > 0 && copySource > restore, "the source is copied before the restore");
        Assert.Contains(instructions, line => line.Contains("dotnet publish", StringComparison.Ordinal) && line.Contains("--no-restore", StringComparison.Ordinal));

        var copiedFirst = string.Join('\n', instructions.Take(restore).Where(line => line.StartsWith("COPY", StringComparison.Ordinal)));
        var needed = ProjectClosure("services/Host/Tailor.Host.csproj").Append("Directory.Build.props").Append("Directory.Packages.props").Append("global.json");
        Assert.All(needed, file => Assert.Contains(file, copiedFirst, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_image_the_Dockerfile_builds_runs_as_a_non_root_user_and_the_GPU_one_on_CUDA()
    {
        var stages = new List<(string From, string Name, List<string> Lines)>();
        foreach (var line in DockerInstructions())
        {
            var from = FromPattern().Match(line);
            if (from.Success)
            {
                stages.Add((from.Groups["image"].Value, from.Groups["name"].Value, []));
            }
            else
            {
                stages[^1].Lines.Add(line);
            }
        }

        var images = stages.Where(stage => stage.Name != "build").ToList();
        Assert.Equal(["runtime-gpu", "runtime"], images.Select(stage => stage.Name));
        Assert.Equal("runtime", stages[^1].Name); // the default target is the last stage: the CPU image
        foreach (var (_, name, lines) in images)
        {
            var user = lines.LastOrDefault(line => line.StartsWith("USER ", StringComparison.Ordinal));
            Assert.NotNull(user);
            Assert.DoesNotMatch(@"^USER\s+(root|0)(:|\s|$)", user);
            Assert.Contains(lines, line => line.StartsWith("ENTRYPOINT", StringComparison.Ordinal));
            Assert.True(lines.Contains("COPY --from=build /app ./"), $"{name} does not take the published host");
        }

        Assert.StartsWith("nvidia/cuda:", images.Single(stage => stage.Name == "runtime-gpu").From, StringComparison.Ordinal);
    }

    private static void AssertKnown(IEnumerable<string> expressions, string file)
    {
        var known = MetricCatalog.Known();
        var queried = expressions.SelectMany(MetricCatalog.Queried).Distinct().ToList();
        Assert.NotEmpty(queried);
        var unknown = queried.Where(name => !known.Contains(name)).ToList();
        Assert.True(unknown.Count == 0, $"{file} queries metrics nothing defines: {string.Join(", ", unknown)}");
    }

    private static IEnumerable<JsonElement> Panels(JsonElement container)
    {
        foreach (var panel in container.GetProperty("panels").EnumerateArray())
        {
            yield return panel;
            if (panel.TryGetProperty("panels", out _))
            {
                foreach (var nested in Panels(panel))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string Target(Dictionary<object, object?> service)
    {
        var command = service.List("command").Cast<string>().ToList();
        return command[command.IndexOf("--target") + 1];
    }

    private static List<Dictionary<object, object?>> KubernetesDocuments() =>
        Directory.EnumerateFiles(DeployFiles.PathOf(Kubernetes), "*.yaml")
            .SelectMany(path => DeployFiles.YamlDocuments(Path.GetRelativePath(DeployFiles.Root, path)))
            .ToList();

    private static Dictionary<object, object?> Single(List<Dictionary<object, object?>> documents, string kind, string name)
    {
        var matches = documents.Where(document => document.Scalar("kind") == kind && document.Map("metadata").Scalar("name") == name).ToList();
        Assert.True(matches.Count == 1, $"{matches.Count} {kind} named {name}");
        return matches[0];
    }

    /// <summary>Instructions with line continuations joined and comments dropped.</summary>
    private static List<string> DockerInstructions()
    {
        var joined = DeployFiles.Text(Dockerfile).Replace("\\\n", " ", StringComparison.Ordinal);
        return joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
    }

    /// <summary>A project and every project it references, as paths from the repository root.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(DeployFiles.PathOf(current))!;
            foreach (var reference in XDocument.Load(DeployFiles.PathOf(current)).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(DeployFiles.Root, path).Replace('\\', '/'));
            }
        }

        return seen;
    }

    [GeneratedRegex("(PASSWORD|PASS|SECRET|TOKEN|KeyHash|ApiKey|__Key)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex(@"\$\{(\w+):\?")]
    private static partial Regex RequiredVariablePattern();

    [GeneratedRegex(@"^FROM\s+(?:--\S+\s+)*(?<image>\S+)(?:\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromPattern();
}
