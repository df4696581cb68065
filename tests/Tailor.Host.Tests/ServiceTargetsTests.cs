using Tailor.Host.Hosting;

namespace Tailor.Host.Tests;

public class ServiceTargetsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("all")]
    [InlineData(" ALL ")]
    public void Parse_all_or_nothing_selects_every_service(string? target) =>
        Assert.Equal(ServiceTargets.Names.Order(), ServiceTargets.Parse(target).Order());

    [Fact]
    public void Parse_list_selects_those_services_once_accepting_dashes()
    {
        var targets = ServiceTargets.Parse("ingestion, content-generation,Ingestion");

        Assert.Equal(["ingestion", "contentgeneration"], targets);
    }

    [Fact]
    public void Parse_unknown_name_fails_naming_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceTargets.Parse("ingestion,mailer"));

        Assert.Contains("'mailer'", error.Message, StringComparison.Ordinal);
        Assert.Contains("recommendation", error.Message, StringComparison.Ordinal);
    }
}
