using System;
using System.Management.Automation;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Reports;
using PinterestAds.PowerShell.Infrastructure;
using PinterestAds.PowerShell.Reports;

namespace PinterestAds.PowerShell.Cmdlets.Reports
{
    /// <summary>
    /// Writes the analytics rows and experiment results piped to it as one self-contained HTML page:
    /// line charts over time, a totals table, and the experiments' intervals.
    /// </summary>
    [Cmdlet(VerbsData.Export, "PinReport", SupportsShouldProcess = true)]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class ExportPinReportCommand : PSCmdlet
    {
        private readonly ReportContent _content = new ReportContent();
        private string _path = null!;

        /// <summary>The HTML file to write; relative paths are from the current location.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>Analytics rows (Get-PinAnalytics) and experiment results (Get-PinExperimentResult).</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>The page's title and heading.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = "Pinterest Ads report";

        /// <summary>Refuses to replace an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Returns the file written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            _path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out var provider, out _);
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
            {
                ThrowTerminatingError(ErrorRecords.From(PinterestAdsException.InvalidArgument(nameof(Path), $"'{Path}' is on the {provider.Name} drive; a report is written to a file.", Path)));
            }
        }

        protected override void ProcessRecord()
        {
            if (InputObject is null)
            {
                return;
            }

            try
            {
                ReportInput.Add(_content, InputObject);
            }
            catch (PinterestAdsException ex)
            {
                WriteError(ErrorRecords.From(ex));
            }
        }

        protected override void EndProcessing()
        {
            if (_content.IsEmpty)
            {
                WriteWarning("Nothing was piped to Export-PinReport, so the report says there is nothing to report. Pipe Get-PinAnalytics or Get-PinExperimentResult to it.");
            }

            if (!ShouldProcess(_path, "Write the HTML report"))
            {
                return;
            }

            try
            {
                var file = ReportFile.Write(_path, _content, Title, DateTimeOffset.UtcNow, NoClobber);
                if (PassThru)
                {
                    WriteObject(file);
                }
            }
            catch (PinterestAdsException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex));
            }
        }
    }
}
