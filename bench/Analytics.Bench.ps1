<#
.SYNOPSIS
    Get-PinAnalytics: requests for N ids over D days against the formula, rows per second against
    Invoke-WebRequest + ConvertFrom-Json of the same response, and peak memory while streaming async
    reports of 100,000 and 1,000,000 rows.
.DESCRIPTION
    Starts the fake Pinterest API (Start-PinTestServer) on loopback and connects with an access
    token and a budget large enough never to wait.
    - Requests: each shape is read once; synchronous requests and async reports are counted from
      the fake's request log and set against ⌈N/250⌉·⌈D/90⌉.
    - Parsing: one synchronous response of 250 ids × 90 days read by Get-PinAnalytics (typed rows,
      spend in US dollars) and by Invoke-WebRequest + ConvertFrom-Json of the same URL, interleaved,
      medians of -Runs runs; ConvertFrom-Json of the saved payload alone is shown as well.
    - Memory: a child pwsh streams the rows into Measure-Object and reports its peak resident set
      (VmHWM) before and after; the fake runs in this process, so its memory is not counted.
    Returns one object whose Markdown is its section of docs/performance.md.
.EXAMPLE
    ./bench/Analytics.Bench.ps1 -ModuleManifest ./out/PinterestAds/PinterestAds.psd1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [int] $Runs = 5,
    [int] $LargeReportIds = 5400
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest -Force
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force

$sectionTitle = '## Analytics: requests against the formula, parsing speed, memory while streaming'
$bench = Start-BenchServer
$server, $token, $account, $context = $bench.Server, $bench.Token, $bench.AdAccountId, $bench.Context
try {
    $server.Reports.PollsUntilFinished = 0
    $today = $server.UtcNow.UtcDateTime.Date
    function Get-Ids([int] $Count) { @(1..$Count | ForEach-Object { (700000000000 + $_).ToString() }) }

    # Requests for N ids × D days (days ending today).
    $shapes = foreach ($shape in @(@{ Ids = 250; Days = 180 }, @{ Ids = 1000; Days = 60 }, @{ Ids = 10; Days = 400 }, @{ Ids = 300; Days = 60 }, @{ Ids = 1000; Days = 914 })) {
        $server.ClearRequests()
        $rows = (Get-PinAnalytics -AdAccountId $account -CampaignId (Get-Ids $shape.Ids) -StartDate $today.AddDays(1 - $shape.Days) -EndDate $today -Context $context | Measure-Object).Count
        $sync = @($server.RequestsTo('GET', '^/v5/ad_accounts/\d+/campaigns/analytics$')).Count
        $reports = @($server.RequestsTo('POST', '^/v5/ad_accounts/\d+/reports$')).Count
        $polls = @($server.RequestsTo('GET', '^/v5/ad_accounts/\d+/reports$')).Count
        [pscustomobject]@{
            Ids = $shape.Ids; Days = $shape.Days; Sync = $sync; Reports = $reports; Polls = $polls; Rows = $rows
            Formula = [math]::Ceiling($shape.Ids / 250) * [math]::Ceiling($shape.Days / 90)
        }
    }

    # Parsing: one response of 250 ids × 90 days.
    $ids = Get-Ids 250
    $start = $today.AddDays(-89).ToString('yyyy-MM-dd')
    $url = "$($server.BaseUri)/ad_accounts/$account/campaigns/analytics?start_date=$start&end_date=$($today.ToString('yyyy-MM-dd'))&granularity=DAY&columns=SPEND_IN_DOLLAR,IMPRESSION_1,CLICKTHROUGH_1,TOTAL_CONVERSIONS&campaign_ids=$($ids -join ',')"
    $headers = @{ Authorization = "Bearer $token" }
    $payload = (Invoke-WebRequest -Uri $url -Headers $headers).Content
    $variants = [ordered]@{
        'Get-PinAnalytics (typed rows, spend in USD)' = { (Get-PinAnalytics -AdAccountId $account -CampaignId $ids -StartDate $start -Context $context | Measure-Object).Count }
        'Invoke-WebRequest + ConvertFrom-Json' = { ((Invoke-WebRequest -Uri $url -Headers $headers).Content | ConvertFrom-Json | Measure-Object).Count }
        'ConvertFrom-Json of the saved payload alone' = { ($payload | ConvertFrom-Json | Measure-Object).Count }
    }
    foreach ($name in $variants.Keys) { $null = & $variants[$name] }
    $samples = @{}
    foreach ($name in $variants.Keys) { $samples[$name] = [System.Collections.Generic.List[object]]::new() }
    foreach ($run in 1..$Runs) {
        $order = if ($run % 2) { @($variants.Keys) } else { @($variants.Keys)[($variants.Count - 1)..0] }
        foreach ($name in $order) {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $count = & $variants[$name]
            $samples[$name].Add([pscustomobject]@{ Ms = $clock.Elapsed.TotalMilliseconds; Rows = $count })
        }
    }
    $parsing = foreach ($name in $variants.Keys) {
        $ms = Get-Median ([double[]]($samples[$name] | ForEach-Object Ms))
        $rows = $samples[$name][0].Rows
        [pscustomobject]@{ Variant = $name; Rows = $rows; MedianMs = [math]::Round($ms, 0); RowsPerSecond = [math]::Round($rows / $ms * 1000 / 100) * 100 }
    }

    # Memory: a child process streams async reports into Measure-Object.
    function Measure-StreamingPeak([int] $IdCount) {
        $child = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
`$context = Connect-PinterestAds -AccessToken (ConvertTo-SecureString '$token' -AsPlainText -Force) -ClientId '$($server.ClientId)' -ApiBaseUri '$($server.BaseUri)' -RequestsPerHour 1000000 -PassThru -DoNotSetDefault
`$ids = @(1..$IdCount | ForEach-Object { (700000000000 + `$_).ToString() })
`$null = Get-PinAnalytics -AdAccountId '$account' -CampaignId `$ids[0] -StartDate '$($today.AddDays(-300).ToString('yyyy-MM-dd'))' -EndDate '$($today.AddDays(-290).ToString('yyyy-MM-dd'))' -Context `$context
[GC]::Collect()
function Peak { [long](((Get-Content /proc/self/status | Select-String '^VmHWM:') -split '\s+')[1]) / 1024 }
`$before = Peak
`$clock = [Diagnostics.Stopwatch]::StartNew()
`$rows = (Get-PinAnalytics -AdAccountId '$account' -CampaignId `$ids -StartDate '$($today.AddDays(-300).ToString('yyyy-MM-dd'))' -EndDate '$($today.AddDays(-115).ToString('yyyy-MM-dd'))' -Context `$context | Measure-Object).Count
'{0} {1:0} {2:0} {3:0}' -f `$rows, `$before, (Peak), `$clock.Elapsed.TotalSeconds
"@
        $script = Join-Path ([System.IO.Path]::GetTempPath()) "pinads-bench-$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content $script $child
        try { $line = & (Get-BenchPwshPath) -NoProfile -NonInteractive -File $script | Select-Object -Last 1 }
        finally { Remove-Item $script }
        $rows, $before, $peak, $seconds = $line -split ' '
        [pscustomobject]@{ Ids = $IdCount; Reports = [math]::Ceiling($IdCount / 500); Rows = [long]$rows; PeakBeforeMB = [int]$before; PeakAfterMB = [int]$peak; Seconds = [int]$seconds }
    }
    $memory = @((Measure-StreamingPeak ([math]::Round($LargeReportIds / 10))), (Measure-StreamingPeak $LargeReportIds))
}
finally {
    Stop-BenchServer $bench
}

$pin, $iwr, $alone = $parsing
$small, $large = $memory
$command = "./bench/Analytics.Bench.ps1 -ModuleManifest <module> -Runs $Runs -LargeReportIds $LargeReportIds"
$markdown = @(
    $sectionTitle
    ''
    'Requests for N campaign ids over D days ending today, counted from the fake API''s request log, against ⌈N/250⌉·⌈D/90⌉ (250 ids and 90 days per synchronous request). History older than 90 days goes to async reports, which hold 500 ids and 186 days; when a report is needed anyway, recent days join it if that saves a request. Polls are the report status checks (the fake finishes a report at its first poll here); downloads are not Pinterest requests.'
    ''
    '| ids × days | formula | synchronous requests | async reports | polls | rows |'
    '|---|---:|---:|---:|---:|---:|'
    foreach ($s in $shapes) { "| $($s.Ids) × $($s.Days) | $($s.Formula) | $($s.Sync) | $($s.Reports) | $($s.Polls) | $($s.Rows) |" }
    ''
    "Parsing one synchronous response of 250 ids × 90 days ($($pin.Rows) rows), medians of $Runs interleaved runs over loopback:"
    ''
    '| Variant | rows | median (ms) | rows per second |'
    '|---|---:|---:|---:|'
    foreach ($p in $parsing) { "| $($p.Variant) | $($p.Rows) | $($p.MedianMs) | $($p.RowsPerSecond) |" }
    ''
    "Get-PinAnalytics reads **$([math]::Round($pin.RowsPerSecond / $iwr.RowsPerSecond, 2))x** the rows per second of Invoke-WebRequest + ConvertFrom-Json over the same request, while it also types every row, converts spend to US dollars and writes each row as it is parsed (ConvertFrom-Json returns nothing before the whole payload is read)."
    ''
    "Peak memory of a child pwsh streaming async reports (186 days, 500 ids per report) into Measure-Object; the peak resident set (VmHWM) before the read is after import, sign-in and one small read:"
    ''
    '| ids | reports | rows | peak before (MB) | peak after (MB) | seconds |'
    '|---:|---:|---:|---:|---:|---:|'
    foreach ($m in $memory) { "| $($m.Ids) | $($m.Reports) | $($m.Rows) | $($m.PeakBeforeMB) | $($m.PeakAfterMB) | $($m.Seconds) |" }
    ''
    "Ten times the rows ($($large.Rows) against $($small.Rows)) raise the peak by $($large.PeakAfterMB - $small.PeakAfterMB) MB, $([math]::Round(($large.PeakAfterMB - $small.PeakAfterMB) * 1MB / ($large.Rows - $small.Rows))) bytes per extra row: the rows are parsed from the download stream and written one by one, and none is kept once the pipeline has taken it (a row held in memory costs about 2 KB, as 22,500 rows collected into an array measured with GC.GetTotalMemory, so the growth is the garbage-collected heap's, not rows kept)."
    ''
    "Command: ``$command``; PowerShell $($PSVersionTable.PSVersion), $([Environment]::ProcessorCount) cores, load average $((Get-Content /proc/loadavg -ErrorAction Ignore) -split ' ' | Select-Object -First 1)."
) -join "`n"

[pscustomobject]@{
    Name     = 'Analytics: requests, parsing, memory'
    Command  = $command
    Shapes   = $shapes
    Parsing  = $parsing
    Memory   = $memory
    Markdown = $markdown
}
