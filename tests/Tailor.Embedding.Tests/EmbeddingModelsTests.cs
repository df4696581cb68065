using System.ComponentModel.DataAnnotations;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Embedding.Model;
using Tailor.Testing;

namespace Tailor.Embedding.Tests;

public sealed class EmbeddingModelsTests
{
    [Fact]
    public void Versions_are_those_of_the_packages_the_weights_come_from()
    {
        var packages = XDocument.Load(RepositoryFiles.Above("Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(package => (string)package.Attribute("Include")!, package => (string)package.Attribute("Version")!);

        foreach (var model in EmbeddingModels.All)
        {
            Assert.Equal(packages[Path.GetFileNameWithoutExtension(model.ContainerFile)], model.Version);
        }
    }

    [Theory]
    [InlineData("all-MiniLM-L6-v2", "all-MiniLM-L6-v2")]
    [InlineData("Snowflake-Arctic-Embed-XS", "snowflake-arctic-embed-xs")]
    public void Named_finds_a_model_whatever_the_case(string asked, string found) =>
        Assert.Equal(found, EmbeddingModels.Named(asked).Name);

    [Fact]
    public void Options_naming_an_unknown_model_fail_validation_with_the_choices()
    {
        var options = new EmbeddingOptions { Model = "bge-small-en" };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        var problem = Assert.Single(results).ErrorMessage;
        Assert.Contains("'bge-small-en' is not a model of this build", problem, StringComparison.Ordinal);
        Assert.Contains("snowflake-arctic-embed-xs", problem, StringComparison.Ordinal);
    }

    // The start's validation reads every property of the options: an unknown name must reach Validate, not a getter that throws.
    [Theory]
    [InlineData("bge-small-en")]
    [InlineData("")]
    public void An_unknown_model_stops_the_start_of_the_registered_service_naming_the_setting(string model)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Tailor:Embedding:Model"] = model;
        builder.AddEmbedding();
        using var host = builder.Build();

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value);

        Assert.Contains("Model", string.Join(' ', refused.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Made_needs_both_the_name_and_the_version()
    {
        var model = EmbeddingModels.MiniLm;

        Assert.True(model.Made(model.Name, model.Version));
        Assert.False(model.Made(model.Name, "1.0.0"));
        Assert.False(model.Made(EmbeddingModels.ArcticXsName, model.Version));
        Assert.False(model.Made(model.Name, null));
    }
}
