using System;
using System.Collections.Generic;
using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Idempotency;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Creatives.Parameters
{
    /// <summary>
    /// What New-PinBoard and New-PinCreative share: the ad account to create as, each record's
    /// Idempotency-Key (-IdempotencyKey, numbered per record), and the ids this pipeline made, so
    /// a lost create is never matched to one of them.
    /// </summary>
    public abstract class NewCreativesCmdlet : ApiCmdlet
    {
        private readonly RecordKeys _keys = new RecordKeys();

        /// <summary>Create as the owner of this ad account (Business Access); a pin passes it on to New-PinAd.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        /// <summary>Names this write for Pinterest (Idempotency-Key) and the journal: a re-run with the same key returns what the first run made.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? IdempotencyKey { get; set; }

        /// <summary>Ids of what this pipeline made.</summary>
        internal ISet<string> Made { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The current record's Idempotency-Key; null when none was given.</summary>
        internal string? NextKey() => _keys.For(IdempotencyKey);

        /// <summary>-AdAccountId as an id; an error naming the parameter when it is not one.</summary>
        internal PinterestId? AdAccount() => AdAccountId is null ? null : PinterestId.Parse(nameof(AdAccountId), AdAccountId);
    }
}
