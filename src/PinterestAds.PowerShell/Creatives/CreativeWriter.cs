using System;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Media;
using PinterestAds.Core.Pins;
using PinterestAds.PowerShell.Cmdlets.Creatives;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Creatives
{
    /// <summary>
    /// Makes New-PinCreative's pins, record by record: the input is checked on the pipeline
    /// thread (its file paths are resolved against PowerShell's current location, and nothing is
    /// sent for input that fails), confirmed (-WhatIf/-Confirm), then made by Core, a video's
    /// upload shown as a progress bar. A failure is an error about that record only.
    /// </summary>
    internal sealed class CreativeWriter
    {
        private readonly NewPinCreativeCommand _cmdlet;

        public CreativeWriter(NewPinCreativeCommand cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <param name="target">What errors point at: the piped object, else the board.</param>
        public void Add(object? target)
        {
            var context = _cmdlet.Core.Connection(_cmdlet.Context);
            CreativeRequest request;
            PinterestId? adAccountId;
            try
            {
                request = CreativeRequests.Check(_cmdlet, (parameter, path) => FilePaths.One(_cmdlet, parameter, path));
                adAccountId = _cmdlet.AdAccount();
            }
            catch (PinterestAdsException ex)
            {
                _cmdlet.WriteError(ErrorRecords.AboutInput(ex, target));
                return;
            }

            string title = _cmdlet.Title is null ? string.Empty : $" '{_cmdlet.Title}'";
            if (!_cmdlet.ShouldProcess($"{request.Type} pin{title} on board {request.BoardId} ({request.PinShape})", "Create"))
            {
                return;
            }

            var wait = new MediaWait(untilProcessed: true, TimeSpan.FromSeconds(_cmdlet.TimeoutSeconds));
            string? key = _cmdlet.NextKey();
            _cmdlet.Core.RunForItem(target, async (bridge, ct) =>
            {
                var pin = await PinService.CreateAsync(context, request, adAccountId, key, _cmdlet.Made, wait, new UploadBars(bridge, activityId: 1), bridge, ct).ConfigureAwait(false);
                bridge.Output(CreativesOutput.Wrap(pin));
            });
        }
    }
}
