using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace PinterestAds.Loader
{
    /// <summary>
    /// Serves PinterestAds.Core, PinterestAds.Testing and every third-party assembly (MSAL, StackExchange.Redis,
    /// Polly, System.Text.Json, ...) from the module's dependencies/ folder, so that another module's copies and
    /// ours do not collide. On PowerShell 7 they load into a private AssemblyLoadContext named "PinterestAds"
    /// (<see cref="PrivateLoadContext"/>); on Windows PowerShell 5.1, which has no load contexts, they load with
    /// Assembly.LoadFrom: a locator, not isolation (an assembly of the same identity loaded earlier wins).
    /// </summary>
    /// <remarks>
    /// PowerShell imports this assembly first (the manifest's NestedModules) and calls <see cref="OnImport"/>;
    /// only then does it load PinterestAds.dll and scan its cmdlet types, whose base classes already need
    /// PinterestAds.Core. The runtime looks for Core on the cmdlet assembly's behalf, finds it nowhere and raises
    /// AppDomain.AssemblyResolve, answered here. From then on assemblies inside the private context resolve their
    /// own references through the context's Resolving event. Both events come after the runtime's own binding,
    /// so a shared-framework assembly (System.Memory, System.Text.Json, ...) binds to the runtime's copy whenever
    /// that satisfies the reference, which keeps one identity for BCL types; only a reference newer than the
    /// runtime's copy reaches us. Nothing is listed or read up front. Import the module by its manifest:
    /// PinterestAds.dll imported on its own has no loader in front of it and cannot find Core.
    /// </remarks>
    public sealed class ModuleLoader : IModuleAssemblyInitializer
    {
        private static readonly string ModuleRoot = Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location)!;

        private static readonly string DependencyFolder = Path.Combine(ModuleRoot, "dependencies");

        // PowerShell 7: the private context's LoadFromAssemblyPath. Windows PowerShell: none.
        private static readonly Func<string, Assembly>? LoadPrivately = PrivateLoadContext.Create("PinterestAds", ResolveForPrivateContext);

        // Simple name -> what we loaded, so that two requests racing for one file never load it twice.
        private static readonly Dictionary<string, Assembly> Loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

        private static bool s_subscribed;

        /// <summary>
        /// Subscribes once per process and never unsubscribes: objects made before Remove-Module (a context,
        /// a PinTestServer) may still need a dependency loaded lazily, and the handler answers only requests
        /// made by our own assemblies, so leaving it costs other code nothing.
        /// </summary>
        public void OnImport()
        {
            lock (Loaded)
            {
                if (!s_subscribed)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += ResolveForModule;
                    s_subscribed = true;
                }
            }
        }

        private static Assembly? ResolveForModule(object? sender, ResolveEventArgs args) =>
            IsOurs(args.RequestingAssembly) ? Load(new AssemblyName(args.Name)) : null;

        // Raised only for requests made inside the private context: all of them are ours.
        private static Assembly? ResolveForPrivateContext(object context, AssemblyName name) => Load(name);

        /// <summary>
        /// A request made by the cmdlet assembly or anything from dependencies/. Anyone else asking for, say,
        /// Microsoft.Identity.Client gets nothing from us. .NET always names the requester; .NET Framework does
        /// not always, and then the name alone decides (as in PSResourceGet).
        /// </summary>
        private static bool IsOurs(Assembly? requester)
        {
            if (requester == null)
            {
                return LoadPrivately == null;
            }

            // Dynamic assemblies have no Location, and those loaded from bytes an empty one, which
            // Path.GetDirectoryName rejects on .NET Framework.
            if (requester.IsDynamic || string.IsNullOrEmpty(requester.Location))
            {
                return false;
            }

            string? folder = Path.GetDirectoryName(requester.Location);
            return string.Equals(folder, ModuleRoot, StringComparison.OrdinalIgnoreCase)
                || string.Equals(folder, DependencyFolder, StringComparison.OrdinalIgnoreCase);
        }

        private static Assembly? Load(AssemblyName name)
        {
            string path = Path.Combine(DependencyFolder, name.Name + ".dll");
            lock (Loaded)
            {
                if (!Loaded.TryGetValue(name.Name!, out Assembly? assembly) && File.Exists(path))
                {
                    // Whatever version the file has: on .NET Framework, netstandard libraries reference older
                    // System.Memory and the like, and answering with ours is the binding redirect that
                    // powershell.exe.config cannot provide.
                    assembly = LoadPrivately != null ? LoadPrivately(path) : Assembly.LoadFrom(path);
                    Loaded[name.Name!] = assembly;
                }

                return assembly;
            }
        }
    }
}
