using System.Text.RegularExpressions;
using Tailor.Host.CommandLine;
using Tailor.Host.Evaluation;

namespace Tailor.Host.Tests.CommandLine;

/// <summary>`tailor help` names every option the commands accept, so a new option cannot go unmentioned there.</summary>
public sealed partial class TailorCliUsageTests
{
    [Theory]
    [InlineData(EvalRecommendOptions.Usage)]
    [InlineData(SendTimeEvalCommand.Usage)]
    public void Help_names_every_option_of_the_eval_commands(string commandUsage)
    {
        var options = Option().Matches(commandUsage).Select(match => match.Value).Distinct().ToList();

        Assert.NotEmpty(options);
        Assert.All(options, option => Assert.Contains(option, TailorCli.Usage, StringComparison.Ordinal));
    }

    [GeneratedRegex("--[a-z-]+")]
    private static partial Regex Option();
}
