using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.Core.Errors;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Ads
{
    /// <summary>
    /// Writes one New-, Set-, Suspend-, Resume- or Remove- pipeline: each record is checked (nothing
    /// is sent for a bad one), confirmed (-WhatIf/-Confirm), and queued in one
    /// <see cref="AdsBatchWriter{T}"/> that sends up to 30 items per request per ad account, the
    /// rest when the pipeline ends. Outcomes are written in input order; an item Pinterest rejects
    /// becomes a non-terminating error about that input only. The cmdlet makes one at
    /// BeginProcessing, adds each record and completes it at EndProcessing.
    /// </summary>
    internal sealed class AdsWriter<T>
        where T : AdsEntity
    {
        private readonly AdsCmdlet _cmdlet;
        private readonly AdsResource<T> _resource = AdsResources.For<T>();
        private readonly AdsInput _input;
        private readonly WriteKind _kind;
        private readonly bool _wantResults;
        private readonly bool _force;
        private AdsBatchWriter<T>? _batches;

        /// <param name="wantResults">Whether written entities are output: always for New-, with -PassThru for the others.</param>
        /// <param name="force">Remove-'s -Force: archive without asking (but never past -WhatIf or an explicit -Confirm).</param>
        public AdsWriter(AdsCmdlet cmdlet, WriteKind kind, bool wantResults, bool force = false)
        {
            _cmdlet = cmdlet;
            _kind = kind;
            _wantResults = wantResults;
            _force = force;
            _input = new AdsInput(cmdlet, _resource.Kind, kind);
        }


        /// <summary>
        /// Checks, confirms and queues the current record, and writes the outcomes now due.
        /// </summary>
        /// <param name="fallbackTarget">What errors point at when nothing was piped in: the id, else the name or pin.</param>
        /// <param name="build">Builds the item from the record; throws an error naming the parameter.</param>
        /// <param name="action">What -WhatIf says is done; by default "Create", or "Update" and the fields sent.</param>
        public void Add(object? fallbackTarget, string? idempotencyKey, Func<AdsInput, JsonObject> build, string? action = null)
        {
            object? target = _input.ErrorTarget(fallbackTarget);
            WriteItem item;
            try
            {
                item = new WriteItem(_input.AdAccountId, build(_input), target, idempotencyKey);
            }
            catch (PinterestAdsException ex)
            {
                _cmdlet.WriteError(ErrorRecords.AboutInput(ex, target));
                return;
            }

            string? id = _kind == WriteKind.Create ? null : (string?)item.Body["id"];
            if (!Confirm(Subject(item, id), action ?? (_kind == WriteKind.Create ? "Create" : "Update " + Fields(item.Body))))
            {
                return;
            }

            var batches = _batches ??= new AdsBatchWriter<T>(_cmdlet.Core.Connection(_cmdlet.Context), _resource, _kind, _wantResults);
            _cmdlet.Core.Run(async (bridge, ct) => Emit(bridge, await batches.AddAsync(item, bridge, ct).ConfigureAwait(false)));
        }

        /// <summary>Queues an update that only sets the status of the entity at <paramref name="boundId"/> (or the piped one).</summary>
        /// <param name="idParameter">The cmdlet's id parameter, which errors name.</param>
        public void SetStatus(StatusChange change, string idParameter, string boundId, string? idempotencyKey) =>
            Add(boundId, idempotencyKey, input => _resource.StatusBody(input.AdAccountId, input.UpdateId(idParameter, boundId), change.Status), change.Action);

        /// <summary>Sends what is still waiting and writes the remaining outcomes (EndProcessing).</summary>
        public void Complete()
        {
            if (_batches is AdsBatchWriter<T> batches)
            {
                _cmdlet.Core.Run(async (bridge, ct) => Emit(bridge, await batches.CompleteAsync(bridge, ct).ConfigureAwait(false)));
            }
        }

        /// <summary>"campaign 'Spring sale' in ad account 549755885175" / "ad group 123 …".</summary>
        private string Subject(WriteItem item, string? id) =>
            $"{_resource.Noun} {(id != null ? id : "'" + ((string?)item.Body["name"] ?? (string?)item.Body["pin_id"]) + "'")} in ad account {item.AdAccountId}";

        /// <summary>The fields an update sends, for -WhatIf: "name, daily_spend_cap".</summary>
        private static string Fields(JsonObject body) =>
            string.Join(", ", body.Select(p => p.Key).Where(k => k != "id" && k != "ad_account_id"));

        /// <summary>ShouldProcess; with -Force, yes without asking unless -WhatIf or -Confirm was asked for.</summary>
        private bool Confirm(string target, string action)
        {
            if (_force && !WhatIfOrConfirmAsked())
            {
                _cmdlet.WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\" (-Force).");
                return true;
            }

            return _cmdlet.ShouldProcess(target, action);
        }

        private bool WhatIfOrConfirmAsked()
        {
            var bound = _cmdlet.MyInvocation.BoundParameters;
            bool whatIf = bound.TryGetValue(nameof(ShouldProcessParameters.WhatIf), out var given)
                ? given is SwitchParameter s && s.IsPresent
                : LanguagePrimitives.IsTrue(_cmdlet.GetVariableValue("WhatIfPreference"));
            return whatIf || (bound.TryGetValue(nameof(ShouldProcessParameters.Confirm), out var confirm) && confirm is SwitchParameter c && c.IsPresent);
        }

        private static void Emit(PipelineBridge bridge, IEnumerable<WriteOutcome<T>> outcomes)
        {
            foreach (var outcome in outcomes)
            {
                if (outcome.Error is PinterestAdsException error)
                {
                    bridge.Error(ErrorRecords.AboutInput(error, outcome.Target));
                }
                else if (outcome.Result is T entity)
                {
                    bridge.Output(AdsOutput.Wrap(entity));
                }
            }
        }
    }
}
