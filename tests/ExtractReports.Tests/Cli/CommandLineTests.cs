using ExtractReports.Cli.Commands;

namespace ExtractReports.Tests.Cli;

/// <summary>Command-line parsing and exit codes alone.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("extract")]                                  // no inputs
    [InlineData("eval", "out")]                               // --truth is required
    [InlineData("frobnicate")]                                // no such command
    [InlineData("extract", "x", "--jobs", "many")]            // not a number
    [InlineData("review", "serve", "no-such-folder")]          // nothing to review
    [InlineData("review", "serve", "out", "--port", "x")]      // not a port
    public void A_malformed_command_line_is_a_usage_error(params string[] args) =>
        Assert.Equal(ExitCodes.UsageError, RootCommandFactory.Run(args));

    [Fact]
    public void Every_command_has_help()
    {
        var root = RootCommandFactory.Create();
        Assert.Equal(["extract", "eval", "train", "review", "inspect", "crawl", "merge"], root.Subcommands.Select(c => c.Name));
        Assert.All(root.Subcommands, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
        Assert.Equal(ExitCodes.Ok, RootCommandFactory.Run(["extract", "--help"]));
    }

    [Fact]
    public void Extract_options_parse_into_their_values()
    {
        var parse = RootCommandFactory.Create().Parse(["extract", "a.pdf", "b", "--out", "o", "--excel", "-j", "3", "--review-threshold", "0.8"]);
        Assert.Empty(parse.Errors);
        Assert.Equal(["a.pdf", "b"], parse.GetValue<string[]>("inputs")!);
        Assert.Equal("o", parse.GetValue<string>("--out"));
        Assert.True(parse.GetValue<bool>("--excel"));
        Assert.Equal(3, parse.GetValue<int>("--jobs"));
        Assert.Equal(0.8, parse.GetValue<double>("--review-threshold"));
    }
}
