using System.Collections.Generic;
using System.Management.Automation;
using PinterestAds.Core.Boards;
using PinterestAds.Core.Media;
using PinterestAds.Core.Pins;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Cmdlets.Creatives.Parameters;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Creatives;

namespace PinterestAds.PowerShell.Cmdlets.Creatives
{
    /// <summary>Creates pins to promote: images, videos, carousels, and Idea Pins mapped onto what API v5 can create.</summary>
    [Cmdlet(VerbsCommon.New, "PinCreative", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Creative))]
    public sealed class NewPinCreativeCommand : NewCreativesCmdlet, ICreativeFields
    {
        private CreativeWriter _writer = null!;
        private bool _descriptionOnCommandLine;

        /// <summary>Image, Video, Carousel or IdeaPin.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public PinType Type { get; set; }

        /// <summary>The board the pin goes on.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BoardIdCompleter))]
        public string BoardId { get; set; } = null!;

        /// <summary>At most 100 characters.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? Title { get; set; }

        /// <summary>At most 800 characters.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? Description { get; set; }

        /// <summary>Where a click on the pin leads: an http or https URL of at most 2,048 characters.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? Link { get; set; }

        /// <summary>Text for screen readers, at most 500 characters.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? AltText { get; set; }

        /// <summary>Image: its http or https address.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? ImageUrl { get; set; }

        /// <summary>Image: a JPEG or PNG file, sent inline.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? ImagePath { get; set; }

        /// <summary>Video: an uploaded video (Send-PinMedia) that Pinterest has processed.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(MediaIdCompleter))]
        public string? MediaId { get; set; }

        /// <summary>Video: a video file, uploaded first and waited for.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? VideoPath { get; set; }

        /// <summary>Video cover: an image address.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? CoverImageUrl { get; set; }

        /// <summary>Video cover: a JPEG or PNG file.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? CoverImagePath { get; set; }

        /// <summary>Video cover: the frame this many seconds into the video.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [Alias("CoverImageKeyFrameTime")]
        public int? CoverKeyFrameTime { get; set; }

        /// <summary>Carousel: 2 to 5 slides, hashtables with ImageUrl or ImagePath, and Title, Description, Link.</summary>
        [Parameter]
        [PlainData]
        public object[]? Slide { get; set; }

        /// <summary>Idea Pin: pages, hashtables with ImageUrl, ImagePath, VideoPath or MediaId, and Title, Description, Link.</summary>
        [Parameter]
        [PlainData]
        public object[]? Page { get; set; }

        /// <summary>How long to wait for Pinterest to process a video from -VideoPath (default 600).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSeconds { get; set; } = (int)MediaWait.DefaultTimeout.TotalSeconds;

        /// <summary>The object from the pipeline: errors about it name it as their target.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>A piped board supplies -BoardId only: its description is the board's, not the pin's.</summary>
        string? ICreativeFields.Description => InputObject?.BaseObject is Board && !_descriptionOnCommandLine ? null : Description;

        IReadOnlyList<object?>? ICreativeFields.Slide => Slide;

        IReadOnlyList<object?>? ICreativeFields.Page => Page;

        protected override void BeginProcessing()
        {
            // Only the command line (and the names of delay-bind script blocks) is bound now.
            _descriptionOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Description));
            _writer = new CreativeWriter(this);
        }

        protected override void ProcessRecord() =>
            _writer.Add(InputObject is PSObject piped ? (piped.BaseObject is PSCustomObject ? piped : piped.BaseObject) : BoardId);
    }
}
