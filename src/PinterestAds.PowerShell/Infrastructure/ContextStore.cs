using System;
using System.Runtime.CompilerServices;
using System.Management.Automation.Runspaces;
using PinterestAds.Core.Session;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// The session default context, one per runspace: a runbook sharing a process with another
    /// (or a ForEach-Object -Parallel runspace) never silently picks up someone else's sign-in.
    /// </summary>
    internal static class ContextStore
    {
        private static readonly ConditionalWeakTable<Runspace, Holder> Contexts = new ConditionalWeakTable<Runspace, Holder>();

        public static PinterestAdsContext? Current
        {
            get => Runspace.DefaultRunspace is Runspace runspace && Contexts.TryGetValue(runspace, out var holder) ? holder.Context : null;
            set
            {
                var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace is current on this thread.");
                Contexts.GetValue(runspace, _ => new Holder()).Context = value;
            }
        }

        private sealed class Holder
        {
            public PinterestAdsContext? Context { get; set; }
        }
    }
}
