using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Errors;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>
    /// Base of every write: each pipeline item is checked (nothing is sent for a bad one), confirmed
    /// (-WhatIf/-Confirm), and queued in one batch writer that sends up to 30 items per request per
    /// ad account, flushing the rest when the pipeline ends. Outcomes come back in input order;
    /// an item Pinterest rejects becomes a non-terminating error about that input only.
    /// </summary>
    public abstract class AdsWriteCmdlet<T> : AdsCmdlet<T>
        where T : AdsEntity
    {
        private static readonly ConcurrentDictionary<Type, PropertyInfo[]> FieldParameters = new ConcurrentDictionary<Type, PropertyInfo[]>();
        private static readonly HashSet<string> IdParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "AdAccountId", "Id", "CampaignId", "AdGroupId", "InputObject" };

        private AdsBatchWriter<T>? _writer;

        /// <summary>
        /// Names this write for Pinterest (Idempotency-Key) and the journal: running the command again
        /// with the same key and input returns the first result instead of writing twice.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? IdempotencyKey { get; set; }

        private protected abstract WriteKind Kind { get; }

        /// <summary>Whether written entities are output: always for New-, with -PassThru for the others.</summary>
        private protected virtual bool WantResults =>
            Kind == WriteKind.Create || (MyInvocation.BoundParameters.TryGetValue("PassThru", out var passThru) && passThru is SwitchParameter given && given.IsPresent);

        /// <summary>Checks the input and builds the item to send; throws an error naming the parameter.</summary>
        private protected abstract JsonObject BuildBody();

        /// <summary>What -WhatIf and -Confirm say: the target and the action.</summary>
        private protected virtual (string Target, string Action) Describe(JsonObject body) => Kind == WriteKind.Create
            ? (Subject(body, null), "Create")
            : (Subject(body, (string?)body["id"]), "Update " + Fields(body));

        /// <summary>What errors about the item point at when nothing was piped in: the id, else the name or pin.</summary>
        private protected object? CommandLineTarget =>
            new[] { "Id", "Name", "PinId" }.Select(p => MyInvocation.BoundParameters.TryGetValue(p, out var value) ? value : null).FirstOrDefault(v => v != null);

        private protected virtual bool Confirm(string target, string action) => ShouldProcess(target, action);

        protected override void ProcessRecord()
        {
            object? target = ErrorTarget(CommandLineTarget);
            IgnoreFieldsOfTypedInput();
            WriteItem item;
            try
            {
                item = new WriteItem(AdAccountId, BuildBody(), target, IdempotencyKey);
            }
            catch (PinterestAdsException ex)
            {
                WriteError(ErrorRecords.AboutInput(ex, target));
                return;
            }

            var (what, action) = Describe(item.Body);
            if (!Confirm(what, action))
            {
                return;
            }

            var writer = _writer ??= new AdsBatchWriter<T>(Core.Connection(Context), Resource, Kind, WantResults);
            Core.Run(async (bridge, ct) => Emit(bridge, await writer.AddAsync(item, bridge, ct).ConfigureAwait(false)));
        }

        protected override void EndProcessing()
        {
            if (_writer is AdsBatchWriter<T> writer)
            {
                Core.Run(async (bridge, ct) => Emit(bridge, await writer.CompleteAsync(bridge, ct).ConfigureAwait(false)));
            }
        }

        /// <summary>
        /// The id an update acts on: from -Id, or from a piped campaign, ad group or ad, which must be
        /// of this cmdlet's kind (binding by property name would take any object's Id).
        /// </summary>
        private protected string UpdateTargetId(string boundId)
        {
            if (TypedInput is AdsEntity entity && !OnCommandLine("Id") && entity.Kind != Resource.Kind)
            {
                throw WrongKind(entity);
            }

            return IdFor("Id", boundId, Resource.Kind) ?? boundId;
        }

        /// <summary>"campaign 'Spring sale' in ad account 549755885175" / "ad group 123 …".</summary>
        private protected string Subject(JsonObject body, string? id) =>
            $"{Resource.Noun} {(id != null ? id : "'" + ((string?)body["name"] ?? (string?)body["pin_id"]) + "'")} in ad account {AdAccountId}";

        /// <summary>The fields an update sends, for -WhatIf: "name, daily_spend_cap".</summary>
        private protected static string Fields(JsonObject body) =>
            string.Join(", ", body.Select(p => p.Key).Where(k => k != "id" && k != "ad_account_id"));

        /// <summary>
        /// Properties of our own objects bind to same-named parameters (Name, Status, Budget…):
        /// piped into Set- they would resend every current value, piped into a child's New- they
        /// would lend it the parent's name. So from a piped campaign, ad group or ad only ids are
        /// taken, except when New- copies an object of its own kind.
        /// </summary>
        private void IgnoreFieldsOfTypedInput()
        {
            if (TypedInput is not AdsEntity entity || (Kind == WriteKind.Create && entity.Kind == Resource.Kind))
            {
                return;
            }

            var fields = FieldParameters.GetOrAdd(GetType(), type => type.GetProperties()
                .Where(p => !IdParameters.Contains(p.Name) && p.GetCustomAttributes<ParameterAttribute>().Any(a => a.ValueFromPipelineByPropertyName))
                .ToArray());
            foreach (var field in fields.Where(f => !OnCommandLine(f.Name)))
            {
                field.SetValue(this, null);
            }
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
