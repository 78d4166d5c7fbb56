using Bunit;
using TraceFix.Client.Services;

namespace TraceFix.Client.Tests.Support;

/// <summary>The browser side of <see cref="OperatorKeyStore"/> (wwwroot/js/keystore.js) as bUnit's JS interop sees it.</summary>
internal static class KeyStorage
{
    public static BunitJSModuleInterop HoldingKey(this BunitJSInterop js, string? key)
    {
        var module = js.SetupModule(OperatorKeyStore.ModulePath);
        module.Setup<OperatorKeyStore.StoredKey?>("load").SetResult(key is null ? null : new OperatorKeyStore.StoredKey(key, false));
        module.SetupVoid("forget").SetVoidResult();
        return module;
    }
}
