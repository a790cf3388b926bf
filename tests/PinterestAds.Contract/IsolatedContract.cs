using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;

namespace PinterestAds.Contract
{
    /// <summary>
    /// The contract for a host that already carries another JsonSchema.Net: pwsh 7.4 and later ship 7.x (for
    /// Test-Json) on their own probing path, where this assembly's 8.x cannot load beside it. A second copy of this
    /// assembly goes into a load context of its own, with the packages beside it; the contract returned lives there,
    /// and a caller such as PowerShell uses it through its members (its type is not the one this copy would name).
    /// </summary>
    public static class IsolatedContract
    {
        private static readonly Lazy<Assembly> Isolated = new Lazy<Assembly>(() =>
        {
            string self = typeof(IsolatedContract).Assembly.Location;
            return new ContractLoadContext(Path.GetDirectoryName(self)!).LoadFromAssemblyPath(self);
        });

        /// <summary>The isolated copy's <see cref="OpenApiContract.Load"/> (cached per spec path, like that one).</summary>
        public static object Load(string specPath)
        {
            MethodInfo load = Isolated.Value.GetType(typeof(OpenApiContract).FullName!, throwOnError: true)!.GetMethod(nameof(OpenApiContract.Load))!;
            try
            {
                return load.Invoke(null, new object[] { specPath })!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        /// <summary>Prefers the assemblies beside this one; the framework's come from the default context.</summary>
        private sealed class ContractLoadContext(string directory) : AssemblyLoadContext("PinterestAds.Contract")
        {
            protected override Assembly? Load(AssemblyName assemblyName)
            {
                string candidate = Path.Combine(directory, assemblyName.Name + ".dll");
                return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
            }
        }
    }
}
