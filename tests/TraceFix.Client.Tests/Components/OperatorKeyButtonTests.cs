using Bunit;
using TraceFix.Client.Components;
using TraceFix.Client.Services;
using TraceFix.Client.Tests.Support;

namespace TraceFix.Client.Tests.Components;

public sealed class OperatorKeyButtonTests : DashboardContext
{
    [Fact]
    public void Save_StoresTheKeyInLocalStorage_AndForgetRemovesIt()
    {
        JSInterop.Setup<string?>("localStorage.getItem", OperatorKeyStore.StorageKey).SetResult(null);
        var cut = Render<OperatorKeyButton>();

        cut.Find("#opkey-toggle").Click();
        Assert.Equal("No key stored.", cut.Find("#opkey-status").TextContent);
        cut.Find("#opkey-input").Input("  typed-key  ");
        cut.Find("#opkey-save").Click();

        var saved = Assert.Single(JSInterop.Invocations["localStorage.setItem"]);
        Assert.Equal([OperatorKeyStore.StorageKey, "typed-key"], saved.Arguments);
        Assert.Empty(cut.FindAll(".opkey-panel"));
        Assert.Contains("opkey-set", cut.Find("#opkey-toggle").ClassList);

        cut.Find("#opkey-toggle").Click();
        Assert.Equal("A key is stored.", cut.Find("#opkey-status").TextContent);
        Assert.Empty(cut.Find("#opkey-input").GetAttribute("value") ?? "");
        cut.Find("#opkey-forget").Click();

        Assert.Single(JSInterop.Invocations["localStorage.removeItem"]);
        Assert.Equal("No key stored.", cut.Find("#opkey-status").TextContent);
        Assert.DoesNotContain("opkey-set", cut.Find("#opkey-toggle").ClassList);
    }
}
