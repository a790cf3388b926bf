using System;
using System.IO;
using System.Reflection;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework) has no load contexts and therefore NO isolation: an
    /// AppDomain.AssemblyResolve handler serves dependencies/ to requests made by our own assemblies
    /// (or by an unknown requester), with Assembly.LoadFrom. This is only a locator: if another module
    /// already loaded a different build of the same assembly version, or answers AssemblyResolve first,
    /// that copy wins. Strong-named assemblies of different versions (MSAL 4.61 next to 4.92) can
    /// coexist; same-version copies cannot.
    /// </summary>
    internal static class NetFrameworkAssemblyResolver
    {
        private static readonly object Gate = new object();
        private static bool s_registered;

        public static void Register()
        {
            lock (Gate)
            {
                // Import-Module -Force runs OnImport again in the same process: subscribe once.
                if (!s_registered)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                    s_registered = true;
                }
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                if (s_registered)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                    s_registered = false;
                }
            }
        }

        private static Assembly? Resolve(object sender, ResolveEventArgs args)
        {
            string? simpleName = new AssemblyName(args.Name).Name;
            if (simpleName == null || !IsOurs(args.RequestingAssembly) || !DependencyFolder.TryGetAssembly(simpleName, out string path))
            {
                return null;
            }

            // The file's version may differ from the reference (netstandard libraries on .NET Framework
            // reference older System.Memory etc.): answering with ours acts as the binding redirect
            // powershell.exe.config cannot provide.
            return DependencyFolder.LoadOnce(simpleName, path, Assembly.LoadFrom);
        }

        private static bool IsOurs(Assembly? requestingAssembly)
        {
            // .NET Framework does not always say who asked (null); then the name alone decides, as in PSResourceGet.
            if (requestingAssembly == null || requestingAssembly == DependencyFolder.Self)
            {
                return true;
            }

            if (requestingAssembly.IsDynamic || string.IsNullOrEmpty(requestingAssembly.Location))
            {
                return false;
            }

            return string.Equals(Path.GetDirectoryName(requestingAssembly.Location), DependencyFolder.FullPath, StringComparison.OrdinalIgnoreCase);
        }
    }
}
