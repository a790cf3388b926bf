using System;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// A thin reflection wrapper over <c>System.Runtime.Loader.AssemblyLoadContext</c>. This assembly
    /// targets netstandard2.0, which has no AssemblyLoadContext API, so on PowerShell 7+ the private
    /// context is created and driven through reflection (the PSResourceGet pattern); on .NET Framework
    /// the type does not exist and <see cref="IsSupported"/> is false.
    /// </summary>
    internal sealed class DependencyLoadContext
    {
        private static readonly Type? AlcType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");

        // AssemblyLoadContext(string? name, bool isCollectible) exists from .NET Core 3.0 (PowerShell 7.0) on.
        private static readonly ConstructorInfo? NamedConstructor = AlcType?.GetConstructor(new[] { typeof(string), typeof(bool) });

        private readonly object _context;
        private readonly MethodInfo _loadFromAssemblyPath;

        private DependencyLoadContext(object context)
        {
            _context = context;
            _loadFromAssemblyPath = AlcType!.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
        }

        /// <summary>True on PowerShell 7+ (.NET Core 3.0 or later), where a named private context can be created.</summary>
        public static bool IsSupported => NamedConstructor != null;

        /// <summary>Creates a non-collectible context: assemblies of a binary module can never be unloaded anyway.</summary>
        public static DependencyLoadContext Create(string name)
        {
            if (NamedConstructor == null)
            {
                throw new PlatformNotSupportedException("AssemblyLoadContext(string, bool) is not available on this runtime.");
            }

            return new DependencyLoadContext(NamedConstructor.Invoke(new object[] { name, false }));
        }

        /// <summary>
        /// Subscribes <paramref name="handler"/> to <c>AssemblyLoadContext.Default.Resolving</c>. Its first parameter
        /// is typed <see cref="object"/>: delegate parameter contravariance lets it bind to
        /// <c>Func&lt;AssemblyLoadContext, AssemblyName, Assembly?&gt;</c> without naming the type.
        /// </summary>
        public static Delegate AddDefaultResolving(Func<object, AssemblyName, Assembly?> handler) =>
            AddHandler(DefaultContext(), "Resolving", handler.Method);

        public static void RemoveDefaultResolving(Delegate subscription) =>
            AlcType!.GetEvent("Resolving")!.RemoveEventHandler(DefaultContext(), subscription);

        /// <summary>Subscribes to this context's own Resolving event (raised for requests made by assemblies inside it).</summary>
        public void AddResolving(Func<object, AssemblyName, Assembly?> handler) => AddHandler(_context, "Resolving", handler.Method);

        /// <summary>
        /// Subscribes to this context's ResolvingUnmanagedDll event (.NET 5+; silently skipped on older runtimes),
        /// raised when a P/Invoke from an assembly in this context finds no library by the default probing.
        /// </summary>
        public void AddResolvingUnmanagedDll(Func<Assembly, string, IntPtr> handler)
        {
            if (AlcType!.GetEvent("ResolvingUnmanagedDll") != null)
            {
                AddHandler(_context, "ResolvingUnmanagedDll", handler.Method);
            }
        }

        public Assembly LoadFromAssemblyPath(string path)
        {
            try
            {
                return (Assembly)_loadFromAssemblyPath.Invoke(_context, new object[] { path })!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                // Surface the loader's own FileLoadException/BadImageFormatException, not the reflection wrapper.
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        /// <summary>Loads a native library through System.Runtime.InteropServices.NativeLibrary (.NET Core 3.0+).</summary>
        public static IntPtr LoadNativeLibrary(string path)
        {
            Type? nativeLibrary = typeof(object).Assembly.GetType("System.Runtime.InteropServices.NativeLibrary");
            MethodInfo? load = nativeLibrary?.GetMethod("Load", new[] { typeof(string) });
            return load == null ? IntPtr.Zero : (IntPtr)load.Invoke(null, new object[] { path })!;
        }

        private static object DefaultContext() => AlcType!.GetProperty("Default")!.GetValue(null)!;

        private static Delegate AddHandler(object target, string eventName, MethodInfo staticMethod)
        {
            if (!staticMethod.IsStatic)
            {
                throw new ArgumentException("Pass a static method: the delegate is rebuilt from its MethodInfo.", nameof(staticMethod));
            }

            EventInfo evt = AlcType!.GetEvent(eventName)!;
            Delegate subscription = Delegate.CreateDelegate(evt.EventHandlerType!, staticMethod);
            evt.AddEventHandler(target, subscription);
            return subscription;
        }
    }
}
