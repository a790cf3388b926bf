using System.Management.Automation;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Media;
using PinterestAds.Core.Uploads;
using PinterestAds.PowerShell.Creatives;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Creatives
{
    /// <summary>Uploads videos to Pinterest (register, stream to the upload host, wait for processing), several at once from the pipeline.</summary>
    [Cmdlet(VerbsCommunications.Send, "PinMedia", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VideoMedia))]
    public sealed class SendPinMediaCommand : ApiCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private MediaSender _sender = null!;

        /// <summary>Video files; wildcards are expanded.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>Video files, taken exactly as written (files piped from Get-ChildItem bind here).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        /// <summary>Return once the upload host has the file, without waiting for Pinterest to process it.</summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        /// <summary>How long to wait for Pinterest to process a video before it is an error (default 600).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSeconds { get; set; } = (int)MediaWait.DefaultTimeout.TotalSeconds;

        /// <summary>How many files are sent at once (default 4).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override void BeginProcessing() =>
            _sender = new MediaSender(this, Core, Core.Connection(Context), new MediaWait(!NoWait, System.TimeSpan.FromSeconds(TimeoutSeconds)), ThrottleLimit);

        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            string parameter = literal ? nameof(LiteralPath) : nameof(Path);
            foreach (string path in literal ? LiteralPath : Path)
            {
                try
                {
                    foreach (string full in FilePaths.Resolve(this, parameter, path, literal))
                    {
                        var file = UploadFile.Open(parameter, full);
                        if (ShouldProcess($"'{file.FullPath}' ({ByteSize.Format(file.Length)})", "Upload as a video to Pinterest"))
                        {
                            _sender.Add(file);
                        }
                    }
                }
                catch (PinterestAdsException ex)
                {
                    WriteError(ErrorRecords.From(ex, path));
                }
            }
        }

        protected override void EndProcessing() => _sender.Complete();
    }
}
