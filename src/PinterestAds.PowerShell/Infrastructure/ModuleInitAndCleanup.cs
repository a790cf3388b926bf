using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Runs when PowerShell imports and removes the module. The module root holds only the cmdlet
    /// assembly (PinterestAds.dll); PinterestAds.Core, PinterestAds.Testing and every third-party
    /// dependency (MSAL, StackExchange.Redis, Polly, System.Text.Json, ...) live in dependencies/ and are
    /// served from there by <see cref="DependencyResolver"/>, so another module's copies (Az.Accounts,
    /// Microsoft.Graph) and ours do not collide.
    /// </summary>
    /// <remarks>
    /// PowerShell loads every public type of PinterestAds.dll (GetExportedTypes) BEFORE it calls
    /// <see cref="OnImport"/>, and loading the cmdlet types already needs PinterestAds.Core (generic base
    /// classes such as AdsCmdlet&lt;Campaign&gt;, enum-typed parameters). So the manifest's NestedModules runs
    /// PinterestAds.Init.ps1 first, which calls <see cref="OnImport"/> by reflection; PowerShell's own call
    /// afterwards is a no-op. Importing PinterestAds.dll directly (without the manifest) is not supported.
    /// Nothing in this file may use a type from PinterestAds.Core.
    /// </remarks>
    public sealed class ModuleInitAndCleanup : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>Hooks the resolver. Cheap on purpose: no file or network access at import.</summary>
        public void OnImport() => DependencyResolver.Register();

        /// <summary>Unhooks the default-context resolver. Assemblies already loaded stay loaded (they cannot be unloaded).</summary>
        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Unregister();
    }

    /// <summary>
    /// Resolution rules.
    /// PowerShell 7+ (.NET): PinterestAds.dll stays in the default load context; everything from
    /// dependencies/ loads into one private AssemblyLoadContext named "PinterestAds".
    /// <list type="number">
    /// <item>Default context, Resolving event: answers only for assemblies the cmdlet assembly itself
    /// references (PinterestAds.Core, PinterestAds.Testing, ...) that exist in dependencies/, and loads
    /// them into the private context. Another module asking for, say, Microsoft.Identity.Client gets
    /// nothing from us.</item>
    /// <item>Private context, Resolving event: answers for anything in dependencies/. Only assemblies inside
    /// the private context raise it, so every request is ours.</item>
    /// <item>Shared framework (trusted platform assemblies: System.Text.Json, System.Memory,
    /// Microsoft.Bcl.AsyncInterfaces, ...): the context overrides no Load, so the runtime binds these from
    /// the default context before any Resolving event whenever the runtime's copy satisfies the reference.
    /// That keeps one identity for BCL types (ReadOnlyMemory&lt;T&gt;, JsonElement) across the boundary. Only
    /// when the runtime's copy is older than what we reference (System.Text.Json 10 on PowerShell 7.4/.NET 8)
    /// does the bind fail over to rule 2 and our strictly newer copy load privately. Nothing is compared
    /// or preloaded up front, which keeps import cheap.</item>
    /// <item>Native libraries: dependencies/runtimes/&lt;rid&gt;/native, for P/Invokes from the private context.</item>
    /// </list>
    /// Windows PowerShell 5.1 (.NET Framework) has no load contexts and therefore NO isolation: an
    /// AppDomain.AssemblyResolve handler serves dependencies/ to requests made by our own assemblies
    /// (or by an unknown requester), with Assembly.LoadFrom. Whoever loads an assembly first wins there.
    /// </summary>
    internal static class DependencyResolver
    {
        /// <summary>The name of the private load context, visible through AssemblyLoadContext.GetLoadContext(asm).Name.</summary>
        public const string LoadContextName = "PinterestAds";

        private static readonly object Gate = new object();
        private static readonly Assembly Self = typeof(DependencyResolver).Assembly;
        private static readonly string DependencyFolder =
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Self.Location) ?? ".", "dependencies"));

        // Simple name -> what we loaded. Every load into the private context goes through here, so an
        // assembly is never loaded twice, whichever event asked for it first.
        private static readonly Dictionary<string, Assembly> Loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

        private static Delegate? s_defaultResolving;
        private static bool s_appDomainResolving;
        private static Dictionary<string, string>? s_files;
        private static HashSet<string>? s_selfReferences;
        private static DependencyLoadContext? s_context;

        public static void Register()
        {
            lock (Gate)
            {
                // Import-Module -Force runs OnImport again in the same process: subscribe once.
                if (DependencyLoadContext.IsSupported)
                {
                    s_defaultResolving ??= DependencyLoadContext.AddDefaultResolving(ResolveForDefaultContext);
                }
                else if (!s_appDomainResolving)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += ResolveForNetFramework;
                    s_appDomainResolving = true;
                }
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                // The private context keeps its own Resolving subscription: objects created before
                // Remove-Module (a PinTestServer, a context) may still need a dependency loaded lazily.
                if (s_defaultResolving != null)
                {
                    DependencyLoadContext.RemoveDefaultResolving(s_defaultResolving);
                    s_defaultResolving = null;
                }

                if (s_appDomainResolving)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= ResolveForNetFramework;
                    s_appDomainResolving = false;
                }
            }
        }

        // Rule 1. The first parameter is the AssemblyLoadContext (typed object: netstandard2.0 cannot name it).
        private static Assembly? ResolveForDefaultContext(object context, AssemblyName name)
        {
            string? simpleName = name.Name;
            if (simpleName == null || !SelfReferences().Contains(simpleName) || !TryGetDependency(simpleName, out string path))
            {
                return null;
            }

            return LoadPrivate(simpleName, path);
        }

        // Rule 2.
        private static Assembly? ResolveForPrivateContext(object context, AssemblyName name)
        {
            string? simpleName = name.Name;
            return simpleName != null && TryGetDependency(simpleName, out string path) ? LoadPrivate(simpleName, path) : null;
        }

        // Rule 4.
        private static IntPtr ResolveNativeLibrary(Assembly requestingAssembly, string libraryName)
        {
            string folder = Path.Combine(DependencyFolder, "runtimes", RuntimeIdentifier(), "native");
            if (!Directory.Exists(folder))
            {
                return IntPtr.Zero;
            }

            foreach (string fileName in NativeFileNames(libraryName))
            {
                string path = Path.Combine(folder, fileName);
                if (File.Exists(path))
                {
                    return DependencyLoadContext.LoadNativeLibrary(path);
                }
            }

            return IntPtr.Zero;
        }

        // Windows PowerShell 5.1. This is only a locator, not isolation: .NET Framework has one load
        // context per AppDomain, so if another module already loaded a different build of the same
        // assembly version, or answers AssemblyResolve first, that copy wins. Strong-named assemblies of
        // different versions (MSAL 4.61 next to 4.92) can coexist; same-version copies cannot.
        private static Assembly? ResolveForNetFramework(object sender, ResolveEventArgs args)
        {
            string? simpleName = new AssemblyName(args.Name).Name;
            if (simpleName == null || !IsOurs(args.RequestingAssembly) || !TryGetDependency(simpleName, out string path))
            {
                return null;
            }

            lock (Gate)
            {
                if (!Loaded.TryGetValue(simpleName, out Assembly? assembly))
                {
                    // The file's version may differ from the reference (netstandard libraries on .NET Framework
                    // reference older System.Memory etc.): answering with ours acts as the binding redirect
                    // powershell.exe.config cannot provide.
                    assembly = Assembly.LoadFrom(path);
                    Loaded[simpleName] = assembly;
                }

                return assembly;
            }
        }

        private static bool IsOurs(Assembly? requestingAssembly)
        {
            // .NET Framework does not always say who asked (null); then the name alone decides, as in PSResourceGet.
            if (requestingAssembly == null || requestingAssembly == Self)
            {
                return true;
            }

            if (requestingAssembly.IsDynamic || string.IsNullOrEmpty(requestingAssembly.Location))
            {
                return false;
            }

            return string.Equals(Path.GetDirectoryName(requestingAssembly.Location), DependencyFolder, StringComparison.OrdinalIgnoreCase);
        }

        private static Assembly LoadPrivate(string simpleName, string path)
        {
            lock (Gate)
            {
                if (Loaded.TryGetValue(simpleName, out Assembly? assembly))
                {
                    return assembly;
                }

                assembly = EnsureContext().LoadFromAssemblyPath(path);
                Loaded[simpleName] = assembly;
                return assembly;
            }
        }

        // Created on the first request for PinterestAds.Core: in practice during import, when PowerShell loads
        // the cmdlet types. Creating it is cheap (no files read, nothing compared up front). Caller holds Gate.
        private static DependencyLoadContext EnsureContext()
        {
            if (s_context != null)
            {
                return s_context;
            }

            var context = DependencyLoadContext.Create(LoadContextName);
            context.AddResolving(ResolveForPrivateContext);
            context.AddResolvingUnmanagedDll(ResolveNativeLibrary);
            s_context = context;
            return context;
        }

        private static bool TryGetDependency(string simpleName, out string path) => Files().TryGetValue(simpleName, out path);

        // One listing of dependencies/ (names only), on first use. Nothing outside that folder is searched.
        private static Dictionary<string, string> Files()
        {
            lock (Gate)
            {
                if (s_files == null)
                {
                    var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    if (Directory.Exists(DependencyFolder))
                    {
                        foreach (string path in Directory.EnumerateFiles(DependencyFolder, "*.dll", SearchOption.TopDirectoryOnly))
                        {
                            files[Path.GetFileNameWithoutExtension(path)] = path;
                        }
                    }

                    s_files = files;
                }

                return s_files;
            }
        }

        private static HashSet<string> SelfReferences()
        {
            lock (Gate)
            {
                if (s_selfReferences == null)
                {
                    var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (AssemblyName reference in Self.GetReferencedAssemblies())
                    {
                        if (reference.Name != null)
                        {
                            names.Add(reference.Name);
                        }
                    }

                    s_selfReferences = names;
                }

                return s_selfReferences;
            }
        }

        private static string RuntimeIdentifier()
        {
            string os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
                : "linux";
            string arch = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X86 => "x86",
                Architecture.Arm => "arm",
                Architecture.Arm64 => "arm64",
                _ => "x64",
            };
            return os + "-" + arch;
        }

        private static IEnumerable<string> NativeFileNames(string libraryName)
        {
            yield return libraryName;
            if (Path.HasExtension(libraryName))
            {
                yield break;
            }

            string extension = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ".dll"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? ".dylib"
                : ".so";
            yield return libraryName + extension;
            if (extension != ".dll" && !libraryName.StartsWith("lib", StringComparison.Ordinal))
            {
                yield return "lib" + libraryName + extension;
            }
        }
    }
}
