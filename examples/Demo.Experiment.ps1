<#
.SYNOPSIS
    Demo section: a three-variant creative experiment, its results as a table, and a report file.
.DESCRIPTION
    Run by the main demo after it has connected (Connect-PinterestAds makes the session default
    context). Makes a campaign and, with New-PinExperiment, one ad group and one ad per variant (the
    control ACTIVE, the treatments PAUSED); the runner then turns the treatments on. Against the
    built-in fake, -TestServer plays a week of delivery in which one variant clearly draws more
    clicks. Get-PinExperimentResult reads all variants in one analytics request and shows which
    variant won, with intervals and a text bar per variant; Export-PinReport writes the ad groups'
    daily analytics and the experiment's intervals into one HTML file that opens offline.
.PARAMETER AdAccountId
    The ad account to use; defaults to the first one the connection found.
.PARAMETER TestServer
    The fake Pinterest API (Start-PinTestServer) to play a week of delivery on; without it the
    results are what Pinterest reports.
.PARAMETER ReportPath
    Where the HTML report goes; defaults to the temporary folder.
.EXAMPLE
    ./examples/Demo.Experiment.ps1 -AdAccountId $server.DefaultAdAccountId -TestServer $server
#>
param(
    [string] $AdAccountId = (Get-PinterestAdsContext).AdAccountIds[0],
    [object] $TestServer,
    [string] $ReportPath = (Join-Path ([System.IO.Path]::GetTempPath()) 'PinterestAds-demo-experiment.html')
)

Write-Host "`n== A creative experiment in ad account $AdAccountId ==" -ForegroundColor Cyan

$campaign = New-PinCampaign -AdAccountId $AdAccountId -Name 'Demo hero image test' -ObjectiveType CONSIDERATION
$variants = @(
    @{ Name = 'Studio shot'; PinId = '1016239833598937' }
    @{ Name = 'Lifestyle'; PinId = '1016239833598938' }
    @{ Name = 'Flat lay'; PinId = '1016239833598939' }
)
$experiment = New-PinExperiment -AdAccountId $AdAccountId -CampaignId $campaign.Id -Name 'Demo hero image' -Variant $variants `
    -BillableEvent CLICKTHROUGH -Budget 20 -Bid 0.85
Write-Host 'Each variant is an ad group with one ad; the control runs, the treatments wait:'
$experiment.Variants | Format-Table | Out-Host

Write-Host 'The runner turns the treatments on:' -ForegroundColor Cyan
$experiment.Variants | Where-Object { -not $_.IsControl } | Set-PinExperimentVariant -Status ACTIVE -PassThru | Format-Table | Out-Host

$start = [datetime]::UtcNow.Date.AddDays(-6)
if ($TestServer) {
    # A week in which 'Lifestyle' draws about a quarter more clicks per impression than the control.
    $perDay = @{ 'Studio shot' = 86, 30; 'Lifestyle' = 109, 33; 'Flat lay' = 88, 31 }
    foreach ($day in 0..6) {
        foreach ($variant in $experiment.Variants) {
            $clicks, $spend = $perDay[$variant.Variant]
            $TestServer.Analytics.SetDailyMetrics($variant.AdGroupId, $start.AddDays($day), $spend, 7200 + 40 * $day, $clicks + $day, [long](($clicks + $day) / 20))
        }
    }
}

Write-Host "Results since $($start.ToString('yyyy-MM-dd')) (one analytics request for all variants):" -ForegroundColor Cyan
$results = Get-PinExperimentResult -AdAccountId $AdAccountId -Experiment 'Demo hero image' -StartDate $start
$results | Out-String -Width 120 | Write-Host

# The variants' ad groups piped in give the rows their names.
$daily = $campaign | Get-PinAdGroup | Get-PinAnalytics -StartDate $start
$report = @($daily) + @($results) | Export-PinReport -Path $ReportPath -Title 'Demo hero image' -PassThru
Write-Host "The report (daily charts per variant and the experiment's intervals, self-contained): $($report.FullName)"
