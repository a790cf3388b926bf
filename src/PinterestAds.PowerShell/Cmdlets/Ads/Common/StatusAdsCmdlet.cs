using System.Management.Automation;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>
    /// Base of Suspend-, Resume- and Remove-: an update (PATCH of the collection) that only sets the
    /// status of the entity with the given id; the updated object is output with -PassThru.
    /// </summary>
    public abstract class StatusAdsCmdlet<T> : AdsWriteCmdlet<T>
        where T : AdsEntity
    {
        /// <summary>Returns the updated object.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>PAUSED, ACTIVE or ARCHIVED.</summary>
        private protected abstract string Status { get; }

        /// <summary>The verb -WhatIf shows, e.g. "Pause (status PAUSED)".</summary>
        private protected abstract string Action { get; }

        /// <summary>The -Id parameter as bound (declared by each cmdlet with its noun's alias).</summary>
        private protected abstract string BoundId { get; }

        private protected override WriteKind Kind => WriteKind.Update;

        private protected override JsonObject BuildBody() => Resource.StatusBody(AdAccountId, UpdateTargetId(BoundId), Status);

        private protected override (string Target, string Action) Describe(JsonObject body) => (Subject(body, (string?)body["id"]), Action);
    }
}
