using System.Management.Automation;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Runs when PowerShell imports and removes the module. The module root holds only the cmdlet
    /// assembly (PinterestAds.dll); PinterestAds.Core, PinterestAds.Testing and every third-party
    /// dependency (MSAL, StackExchange.Redis, Polly, System.Text.Json, ...) live in dependencies/
    /// (<see cref="DependencyFolder"/>) and are served from there, so another module's copies
    /// (Az.Accounts, Microsoft.Graph) and ours do not collide: on PowerShell 7+ by
    /// <see cref="PrivateLoadContextResolver"/> (real isolation), on Windows PowerShell 5.1 by
    /// <see cref="NetFrameworkAssemblyResolver"/> (a locator only).
    /// </summary>
    /// <remarks>
    /// PowerShell loads every public type of PinterestAds.dll (GetExportedTypes) BEFORE it calls
    /// <see cref="OnImport"/>, and loading the cmdlet types already needs PinterestAds.Core (generic base
    /// classes such as AdsCmdlet&lt;Campaign&gt;, enum-typed parameters). So the manifest's NestedModules runs
    /// PinterestAds.Init.ps1 first, which calls <see cref="OnImport"/> by reflection; PowerShell's own call
    /// afterwards is a no-op. Importing PinterestAds.dll directly (without the manifest) is not supported.
    /// For the same reason nothing in the resolver classes may use a type from PinterestAds.Core.
    /// </remarks>
    public sealed class ModuleInitAndCleanup : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>Hooks the resolver. Cheap on purpose: no file or network access at import.</summary>
        public void OnImport()
        {
            if (DependencyLoadContext.IsSupported)
            {
                PrivateLoadContextResolver.Register();
            }
            else
            {
                NetFrameworkAssemblyResolver.Register();
            }
        }

        /// <summary>Unhooks the resolver. Assemblies already loaded stay loaded (they cannot be unloaded).</summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (DependencyLoadContext.IsSupported)
            {
                PrivateLoadContextResolver.Unregister();
            }
            else
            {
                NetFrameworkAssemblyResolver.Unregister();
            }
        }
    }
}
