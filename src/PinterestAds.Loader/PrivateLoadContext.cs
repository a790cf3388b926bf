using System;
using System.Reflection;

namespace PinterestAds.Loader
{
    /// <summary>
    /// Creates the private AssemblyLoadContext through reflection. The loader targets netstandard2.0 so that one
    /// file serves both editions, and netstandard2.0 cannot name AssemblyLoadContext, which exists only on .NET
    /// (PowerShell 7). Three reflective steps, taken once: the constructor, the Resolving subscription and a
    /// delegate to LoadFromAssemblyPath.
    /// </summary>
    internal static class PrivateLoadContext
    {
        /// <summary>
        /// A new non-collectible context (a binary module never unloads) whose Resolving event calls
        /// <paramref name="resolving"/>; returns its LoadFromAssemblyPath, or null on .NET Framework.
        /// </summary>
        /// <param name="resolving">A static method. Its first parameter is the context, typed object: delegate
        /// contravariance binds it to Func&lt;AssemblyLoadContext, AssemblyName, Assembly?&gt;.</param>
        public static Func<string, Assembly>? Create(string name, Func<object, AssemblyName, Assembly?> resolving)
        {
            Type? contextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
            if (contextType == null)
            {
                return null;
            }

            object context = Activator.CreateInstance(contextType, name, false)!;
            EventInfo resolvingEvent = contextType.GetEvent("Resolving")!;
            resolvingEvent.AddEventHandler(context, Delegate.CreateDelegate(resolvingEvent.EventHandlerType!, resolving.Method));
            return (Func<string, Assembly>)Delegate.CreateDelegate(typeof(Func<string, Assembly>), context, "LoadFromAssemblyPath");
        }
    }
}
