using System;
using System.Collections.Generic;
using System.Reflection;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
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
    /// <item>Native libraries: <see cref="NativeLibraryProbe"/>, for P/Invokes from the private context.</item>
    /// </list>
    /// </summary>
    internal static class PrivateLoadContextResolver
    {
        /// <summary>The name of the private load context, visible through AssemblyLoadContext.GetLoadContext(asm).Name.</summary>
        public const string LoadContextName = "PinterestAds";

        private static readonly object Gate = new object();

        // Created on the first request for PinterestAds.Core: in practice during import, when PowerShell loads
        // the cmdlet types. Creating it is cheap (no files read, nothing compared up front).
        private static readonly Lazy<DependencyLoadContext> Context = new Lazy<DependencyLoadContext>(CreateContext);

        private static readonly Lazy<HashSet<string>> SelfReferences = new Lazy<HashSet<string>>(ListSelfReferences);

        private static Delegate? s_defaultResolving;

        public static void Register()
        {
            lock (Gate)
            {
                // Import-Module -Force runs OnImport again in the same process: subscribe once.
                s_defaultResolving ??= DependencyLoadContext.AddDefaultResolving(ResolveForDefaultContext);
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
            }
        }

        // Rule 1. The first parameter is the AssemblyLoadContext (typed object: netstandard2.0 cannot name it).
        private static Assembly? ResolveForDefaultContext(object context, AssemblyName name)
        {
            string? simpleName = name.Name;
            return simpleName != null && SelfReferences.Value.Contains(simpleName) ? LoadPrivate(simpleName) : null;
        }

        // Rule 2.
        private static Assembly? ResolveForPrivateContext(object context, AssemblyName name)
        {
            string? simpleName = name.Name;
            return simpleName != null ? LoadPrivate(simpleName) : null;
        }

        private static Assembly? LoadPrivate(string simpleName) =>
            DependencyFolder.TryGetAssembly(simpleName, out string path)
                ? DependencyFolder.LoadOnce(simpleName, path, file => Context.Value.LoadFromAssemblyPath(file))
                : null;

        private static DependencyLoadContext CreateContext()
        {
            var context = DependencyLoadContext.Create(LoadContextName);
            context.AddResolving(ResolveForPrivateContext);
            context.AddResolvingUnmanagedDll(NativeLibraryProbe.Resolve);
            return context;
        }

        private static HashSet<string> ListSelfReferences()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (AssemblyName reference in DependencyFolder.Self.GetReferencedAssemblies())
            {
                if (reference.Name != null)
                {
                    names.Add(reference.Name);
                }
            }

            return names;
        }
    }
}
