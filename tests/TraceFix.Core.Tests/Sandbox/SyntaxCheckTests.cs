namespace TraceFix.Core.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class SyntaxCheckTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task ValidCodeHasNoSyntaxError()
    {
        Assert.Null(await sandbox.Runner.CheckSyntaxAsync("def f(x):\n    return x + 1\n"));
    }

    [Fact]
    public async Task SyntaxErrorReportsLineMessageAndText()
    {
        var check = await sandbox.Runner.CheckSyntaxAsync("def f(x):\n    return x + 1\n\ndef g(:\n    pass\n");

        Assert.NotNull(check);
        Assert.Equal(4, check.Line);
        Assert.Contains("invalid syntax", check.Message);
        Assert.Equal("def g(:", check.Text?.TrimEnd());
    }

    [Fact]
    public async Task IndentationErrorIsASyntaxError()
    {
        var check = await sandbox.Runner.CheckSyntaxAsync("def f(x):\nreturn x\n");

        Assert.NotNull(check);
        Assert.Equal(2, check.Line);
        Assert.Contains("indented block", check.Message);
    }

    [Fact]
    public async Task TestRunOfBrokenCodeReportsTheSyntaxErrorAndFailsEveryTest()
    {
        const string code = "def binary_search(items, target):\n    low = 0\n    while low <\n        return -1\n";

        var report = await sandbox.RunAsync("binary_search_off_by_one", code);

        Assert.NotNull(report.SyntaxError);
        Assert.Equal(3, report.SyntaxError.Line);
        Assert.Equal(0, report.Passed);
        Assert.Equal(8, report.Total);
        Assert.Equal(3, report.ErrorLine);
        Assert.False(report.AllPassed);
    }
}
