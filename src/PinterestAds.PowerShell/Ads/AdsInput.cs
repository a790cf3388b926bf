using System;
using System.Collections.Generic;
using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.Core.Errors;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;

namespace PinterestAds.PowerShell.Ads
{
    /// <summary>
    /// How an ads cmdlet reads its input, record by record. Our own campaigns, ad groups and ads bind
    /// to every same-named parameter (Name, Status, Budget…): piped into Set- they would resend every
    /// current value, piped into a child's New- they would lend it the parent's name. So from a piped
    /// entity only ids are taken, an id given on the command line wins, and its other fields count
    /// only when New- copies an entity of its own kind. Ids become <see cref="PinterestId"/>s here,
    /// where the user's text enters Core; an error names the parameter. Made at BeginProcessing,
    /// when only the command line (and the names of delay-bind script blocks) is bound.
    /// </summary>
    internal sealed class AdsInput
    {
        private readonly AdsCmdlet _cmdlet;
        private readonly AdsKind _kind;
        private readonly WriteKind? _write;
        private readonly HashSet<string> _commandLine;

        /// <param name="kind">What the cmdlet acts on.</param>
        /// <param name="write">What it writes; null for a read.</param>
        public AdsInput(AdsCmdlet cmdlet, AdsKind kind, WriteKind? write)
        {
            _cmdlet = cmdlet;
            _kind = kind;
            _write = write;
            _commandLine = new HashSet<string>(cmdlet.MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        }

        public PinterestId AdAccountId => PinterestId.Parse(nameof(AdsCmdlet.AdAccountId), _cmdlet.AdAccountId);

        /// <summary>The campaign, ad group or ad piped in this record (output of our Get-/New- cmdlets); null for other input.</summary>
        public AdsEntity? Entity => _cmdlet.InputObject?.BaseObject as AdsEntity;

        public bool OnCommandLine(string parameter) => _commandLine.Contains(parameter);

        /// <summary>What errors about this record point at: the piped object, else <paramref name="fallback"/>.</summary>
        public object? ErrorTarget(object? fallback)
        {
            var piped = _cmdlet.InputObject;
            if (piped is null)
            {
                return fallback;
            }

            return piped.BaseObject is PSCustomObject ? piped : piped.BaseObject;
        }

        /// <summary>
        /// The id at <paramref name="kind"/>: from the command line if given there, else from a piped
        /// entity (binding by property name would take a piped campaign's Id for an ad group's), else
        /// as bound from other pipeline input (e.g. CSV rows).
        /// </summary>
        public PinterestId Id(string parameter, string? bound, AdsKind kind) =>
            PinterestId.Parse(parameter, Entity is AdsEntity entity && !OnCommandLine(parameter) ? entity.IdOf(kind) : bound);

        public PinterestId[] Ids(string parameter, string[]? bound, AdsKind kind) =>
            Entity is AdsEntity entity && !OnCommandLine(parameter)
                ? (entity.IdOf(kind) is string id ? new[] { PinterestId.Parse(parameter, id) } : Array.Empty<PinterestId>())
                : PinterestId.ParseAll(parameter, bound);

        /// <summary>
        /// The id an update acts on: -Id, or a piped campaign, ad group or ad, which must be of the
        /// cmdlet's own kind (binding by property name would take any object's Id).
        /// </summary>
        public PinterestId UpdateId(string parameter, string bound)
        {
            if (Entity is AdsEntity entity && !OnCommandLine(parameter) && entity.Kind != _kind)
            {
                throw WrongKind(entity);
            }

            return Id(parameter, bound, _kind);
        }

        /// <summary>
        /// The fields that count for this record: <paramref name="bound"/>, or only those the command
        /// line gave (<paramref name="commandLine"/>, e.g. CampaignInput.CopyOf(fields, OnCommandLine))
        /// when the rest came from a piped entity. Taken per record, because a delay-bind script block
        /// (-Name { $_.Name + '!' }) is named at BeginProcessing but has its value only now.
        /// </summary>
        public TFields Fields<TFields>(TFields bound, TFields commandLine) =>
            Entity is not AdsEntity entity || (_write == WriteKind.Create && entity.Kind == _kind) ? bound : commandLine;

        private PinterestAdsException WrongKind(AdsEntity entity)
        {
            string command = _cmdlet.MyInvocation.MyCommand.Name;
            return new PinterestAdsException(
                "wrongInputKind",
                FailureKind.InvalidArgument,
                $"{command}: the input is {Article(entity.Kind)} ({entity.Id}), not {Article(_kind)}.",
                $"Pipe the output of Get-Pin{_kind} to {command}, or give -Id.");
        }

        private static string Article(AdsKind kind) => kind switch
        {
            AdsKind.Campaign => "a campaign",
            AdsKind.AdGroup => "an ad group",
            _ => "an ad",
        };
    }
}
