using Tailor.Host.CommandLine;

namespace Tailor.Host.Tests;

public class HostArgumentsTests
{
    [Fact]
    public void Translate_target_becomes_the_configuration_key_and_other_arguments_pass()
    {
        var translated = HostArguments.Translate(["--target", "ingestion,topic", "--urls=http://127.0.0.1:5000", "--target=all"]);

        Assert.Equal(["--Tailor:Target=ingestion,topic", "--urls=http://127.0.0.1:5000", "--Tailor:Target=all"], translated);
    }

    [Fact]
    public void Translate_target_without_value_fails()
    {
        Assert.Throws<ArgumentException>(() => HostArguments.Translate(["--target"]));
    }
}
