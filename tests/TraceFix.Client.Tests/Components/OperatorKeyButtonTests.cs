using Bunit;
using TraceFix.Client.Components;
using TraceFix.Client.Services;
using TraceFix.Client.Tests.Support;

namespace TraceFix.Client.Tests.Components;

public sealed class OperatorKeyButtonTests : DashboardContext
{
    [Fact]
    public void Save_KeepsTheKeyForThisTab_AndNeverWritesItToLocalStorage()
    {
        var module = JSInterop.SetupModule(OperatorKeyStore.ModulePath);
        module.Setup<OperatorKeyStore.StoredKey?>("load").SetResult(null);
        module.Setup<bool>("save", _ => true).SetResult(false);
        var cut = Render<OperatorKeyButton>();

        cut.Find("#opkey-toggle").Click();
        Assert.Equal("No key stored.", cut.Find("#opkey-status").TextContent);
        cut.Find("#opkey-input").Input("  typed-key  ");
        cut.Find("#opkey-save").Click();

        var saved = Assert.Single(module.Invocations["save"]);
        Assert.Equal(["typed-key", false], saved.Arguments);
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier.StartsWith("localStorage", StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".opkey-panel"));
        Assert.Contains("opkey-set", cut.Find("#opkey-toggle").ClassList);

        cut.Find("#opkey-toggle").Click();
        Assert.Equal("A key is held for this tab.", cut.Find("#opkey-status").TextContent);
        Assert.Empty(cut.Find("#opkey-input").GetAttribute("value") ?? "");
        cut.Find("#opkey-forget").Click();

        Assert.Single(module.Invocations["forget"]);
        Assert.Equal("No key stored.", cut.Find("#opkey-status").TextContent);
        Assert.DoesNotContain("opkey-set", cut.Find("#opkey-toggle").ClassList);
    }

    [Fact]
    public void Remember_AsksForTheSealedCopy_AndSaysWhenTheBrowserCannotSeal()
    {
        var module = JSInterop.SetupModule(OperatorKeyStore.ModulePath);
        module.Setup<OperatorKeyStore.StoredKey?>("load").SetResult(null);
        module.Setup<bool>("save", _ => true).SetResult(false);
        var cut = Render<OperatorKeyButton>();

        cut.Find("#opkey-toggle").Click();
        cut.Find("#opkey-input").Input("typed-key");
        cut.Find("#opkey-remember").Change(true);
        cut.Find("#opkey-save").Click();

        Assert.Equal(["typed-key", true], Assert.Single(module.Invocations["save"]).Arguments);
        Assert.Contains("cannot seal", cut.Find("#opkey-status").TextContent);
    }

    [Fact]
    public void RememberedKey_IsLoadedAndShownAsRemembered()
    {
        var module = JSInterop.SetupModule(OperatorKeyStore.ModulePath);
        module.Setup<OperatorKeyStore.StoredKey?>("load").SetResult(new OperatorKeyStore.StoredKey("k", true));
        var cut = Render<OperatorKeyButton>();

        cut.Find("#opkey-toggle").Click();

        Assert.Equal("A key is remembered on this device.", cut.Find("#opkey-status").TextContent);
    }
}
