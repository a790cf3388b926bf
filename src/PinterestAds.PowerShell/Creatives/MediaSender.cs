using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Media;
using PinterestAds.Core.Session;
using PinterestAds.Core.Uploads;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Creatives
{
    /// <summary>
    /// Sends the files of one Send-PinMedia pipeline: up to -ThrottleLimit at once, each with its
    /// own progress bar under an overall one, while the next records are read. Results are
    /// written in input order (a file's error, too, at its place), and everything is written on
    /// the pipeline thread, which waits (pumping the uploads' messages) whenever the limit is
    /// reached and at the end. The cmdlet makes one at BeginProcessing.
    /// </summary>
    internal sealed class MediaSender
    {
        private readonly PSCmdlet _cmdlet;
        private readonly CoreRunner _core;
        private readonly PinterestAdsContext _context;
        private readonly MediaWait _wait;
        private readonly int _throttleLimit;
        private readonly PipelineBridge _bridge;
        private readonly OverallBar _overall = new OverallBar();
        private readonly Queue<(UploadFile File, Task<VideoMedia> Upload)> _sending = new Queue<(UploadFile, Task<VideoMedia>)>();

        public MediaSender(PSCmdlet cmdlet, CoreRunner core, PinterestAdsContext context, MediaWait wait, int throttleLimit)
        {
            _cmdlet = cmdlet;
            _core = core;
            _context = context;
            _wait = wait;
            _throttleLimit = throttleLimit;
            _bridge = core.NewBridge();
        }

        /// <summary>Starts sending <paramref name="file"/>; waits first while -ThrottleLimit uploads are under way.</summary>
        public void Add(UploadFile file)
        {
            while (InFlight().Length >= _throttleLimit)
            {
                _core.Pump(_bridge, Task.WhenAny(InFlight()));
                WriteFinished();
            }

            var bars = new UploadBars(_bridge, _overall.Add(file), _overall);
            _sending.Enqueue((file, Task.Run(() => VideoSender.SendAsync(_context, file, _wait, bars, _bridge, _core.Stopping))));
            WriteFinished();
        }

        /// <summary>Waits for every upload and writes the rest of the results (EndProcessing).</summary>
        public void Complete()
        {
            while (_sending.Count > 0)
            {
                _core.Pump(_bridge, Settled(_sending.Peek().Upload));
                WriteFinished();
            }

            _cmdlet.WriteProgress(_overall.Finished());
        }

        private Task<VideoMedia>[] InFlight() => _sending.Select(s => s.Upload).Where(t => !t.IsCompleted).ToArray();

        /// <summary>Writes the results at the head of the queue that are in, stopping at the first still under way.</summary>
        private void WriteFinished()
        {
            while (_sending.Count > 0 && _sending.Peek().Upload.IsCompleted)
            {
                var (file, upload) = _sending.Dequeue();
                if (upload.Status == TaskStatus.RanToCompletion)
                {
                    _cmdlet.WriteObject(CreativesOutput.Wrap(upload.Result));
                    continue;
                }

                if (upload.IsCanceled)
                {
                    throw new PipelineStoppedException();
                }

                var record = ErrorRecords.From(upload.Exception!, file.FullPath);
                if (upload.Exception!.GetBaseException() is PinterestAdsException { Kind: FailureKind.NotConnected or FailureKind.Authentication })
                {
                    // No later file can go either: stop the others too.
                    _core.Stop();
                    _cmdlet.ThrowTerminatingError(record);
                }

                _cmdlet.WriteError(record);
            }
        }

        private static Task Settled(Task task) => task.ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
