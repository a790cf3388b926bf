using System;
using System.Collections.Generic;
using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Errors;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>
    /// Base of the campaign, ad group and ad cmdlets: the ad account, the pipeline input, and how
    /// ids are taken from our own objects when they are piped in.
    /// </summary>
    public abstract class AdsCmdlet<T> : ApiCmdlet
        where T : AdsEntity
    {
        private HashSet<string> _commandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The ad account that owns the campaigns, ad groups or ads.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string AdAccountId { get; set; } = null!;

        /// <summary>The object from the pipeline: errors about it name it as their target.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        private protected AdsResource<T> Resource => AdsResources.For<T>();

        /// <summary>A campaign, ad group or ad piped in (output of our Get-/New- cmdlets); null for other input.</summary>
        private protected AdsEntity? TypedInput => InputObject?.BaseObject as AdsEntity;

        protected override void BeginProcessing()
        {
            // Only command-line parameters are bound here; anything else later came from the pipeline.
            _commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            base.BeginProcessing();
        }

        private protected bool OnCommandLine(string parameter) => _commandLine.Contains(parameter);

        /// <summary>
        /// The id at <paramref name="kind"/>: from the command line if given there, else from a piped
        /// campaign/ad group/ad (binding by property name would take a piped campaign's Id for an ad
        /// group's), else as bound from other pipeline input (e.g. CSV rows).
        /// </summary>
        private protected string? IdFor(string parameter, string? bound, AdsKind kind) =>
            TypedInput is AdsEntity entity && !OnCommandLine(parameter) ? entity.IdOf(kind) : bound;

        private protected string[] IdsFor(string parameter, string[]? bound, AdsKind kind) =>
            TypedInput is AdsEntity entity && !OnCommandLine(parameter)
                ? (entity.IdOf(kind) is string id ? new[] { id } : Array.Empty<string>())
                : bound ?? Array.Empty<string>();

        /// <summary>What errors about the current item point at: the piped object, else <paramref name="fallback"/>.</summary>
        private protected object? ErrorTarget(object? fallback)
        {
            if (InputObject is null)
            {
                return fallback;
            }

            return InputObject.BaseObject is PSCustomObject ? InputObject : InputObject.BaseObject;
        }

        /// <summary>Refuses a piped campaign, ad group or ad of another kind than the cmdlet acts on.</summary>
        private protected PinterestAdsException WrongKind(AdsEntity entity) =>
            new PinterestAdsException(
                "wrongInputKind",
                FailureKind.InvalidArgument,
                $"{MyInvocation.MyCommand.Name}: the input is {Article(entity.Kind)} ({entity.Id}), not {Article(Resource.Kind)}.",
                $"Pipe the output of Get-Pin{Resource.Kind} to {MyInvocation.MyCommand.Name}, or give -Id.");

        private static string Article(AdsKind kind) => kind switch
        {
            AdsKind.Campaign => "a campaign",
            AdsKind.AdGroup => "an ad group",
            _ => "an ad",
        };
    }
}
