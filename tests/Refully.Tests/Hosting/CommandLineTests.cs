using System.Net;
using Refully.Companion.Hosting;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Hosting;

[Collection(ConsoleCollection.Name)]
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    public void LoopbackAddressesAreAccepted(string url)
    {
        var act = () => CompanionConfiguration.EnsureLoopback(url);

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData("http://0.0.0.0:5000")]
    [InlineData("http://*:5000")]
    [InlineData("http://+:5000")]
    [InlineData("http://192.168.1.10:5000")]
    [InlineData("https://127.0.0.1:5000")]
    public void OtherAddressesAreRefusedWithAnExplanation(string url)
    {
        var act = () => CompanionConfiguration.EnsureLoopback(url);

        act.Should().Throw<InvalidOperationException>().WithMessage("*127.0.0.1*");
    }

    [Fact]
    public void DbOptionChoosesTheDataFile()
    {
        var options = CommandLine.LoadOptions(["--db", "/tmp/some/where.db"]);

        options.ResolveDbPath().Should().Be("/tmp/some/where.db");
    }

    [Fact]
    public void TheDefaultDataFileIsInTheUsersDataFolder()
    {
        var path = new CompanionOptions().ResolveDbPath();

        path.Should().EndWith(Path.Combine("Refully", "refully.db"));
        Path.IsPathRooted(path).Should().BeTrue();
    }

    [Fact]
    public async Task TheTokenCommandPrintsATokenTheServiceAccepts()
    {
        var db = Path.Combine(Path.GetTempPath(), $"refully-cli-{Guid.NewGuid():N}.db");
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        int exit;
        bool ran;
        try
        {
            ran = CommandLine.TryRunCommand(["token", "--db", db], out exit);
        }
        finally
        {
            Console.SetOut(original);
        }
        var token = output.ToString().Trim();

        ran.Should().BeTrue();
        exit.Should().Be(0);
        token.Should().StartWith("rfy_");
        using var factory = new CompanionFactory(new() { ["Companion:DbPath"] = db });
        var response = await factory.Client(token).GetAsync("/api/status");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("--lsit")]
    [InlineData("revoke")]
    public void TheTokenCommandRefusesWhatItDoesNotKnowAndIssuesNoToken(string argument)
    {
        var db = Path.Combine(Path.GetTempPath(), $"refully-cli-{Guid.NewGuid():N}.db");
        var output = new StringWriter();
        var errors = new StringWriter();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(errors);
        int exit;
        try
        {
            CommandLine.TryRunCommand(["token", argument, "--db", db], out exit);
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }

        exit.Should().Be(2);
        output.ToString().Should().BeEmpty();
        errors.ToString().Should().Contain($"'{argument}'").And.Contain("--list");
        File.Exists(db).Should().BeFalse("nothing was opened, so nothing was issued");
    }

    [Fact]
    public void ArgumentsThatAreNotCommandsGoToTheWebHost()
    {
        CommandLine.TryRunCommand(["--urls", "http://127.0.0.1:1234"], out _).Should().BeFalse();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console output";
}
