<#
.SYNOPSIS
    Creating 300 campaigns: New-PinCampaign fed by the pipeline (batched, 30 per request) against a
    hand-written Invoke-RestMethod loop that posts one campaign per call, on the same fake API in
    the same run.
.DESCRIPTION
    Starts the fake Pinterest API (Start-PinTestServer) on loopback and connects with an access
    token and a budget large enough never to wait. Each run creates -Count campaigns both ways,
    alternating which goes first; requests are counted from the fake API's request log. The
    figures are medians over -Runs runs, and the ratios (loop / pipeline) are what to read.
    Returns one object: Name, Command, Rows and Markdown (its section of docs/performance.md,
    which bench/Invoke-Benchmarks.ps1 writes).
.EXAMPLE
    ./bench/Campaigns.Bench.ps1 -ModuleManifest ./out/PinterestAds/PinterestAds.psd1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [int] $Count = 300,
    [int] $Runs = 5
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest -Force
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force

$sectionTitle = '## Creating campaigns: batched pipeline vs one request per campaign'

$bench = Start-BenchServer
$server, $token, $account, $context = $bench.Server, $bench.Token, $bench.AdAccountId, $bench.Context
try {
    $uri = "$($server.BaseUri)/ad_accounts/$account/campaigns"
    $headers = @{ Authorization = "Bearer $token" }

    $variants = [ordered]@{
        'New-PinCampaign, pipeline of rows' = {
            param($Tag)
            1..$Count | ForEach-Object { [pscustomobject]@{ Name = "$Tag $_"; ObjectiveType = 'AWARENESS'; DailySpendCap = 25.5 } } |
                New-PinCampaign -AdAccountId $account -Context $context | Out-Null
        }
        'Invoke-RestMethod, one campaign per call' = {
            param($Tag)
            foreach ($i in 1..$Count) {
                $body = ConvertTo-Json -AsArray -Compress @(@{ ad_account_id = $account; name = "$Tag $i"; objective_type = 'AWARENESS'; daily_spend_cap = 25500000 })
                $null = Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -ContentType 'application/json' -Body $body
            }
        }
    }

    function Measure-Variant([string] $Name, [int] $Run) {
        $before = $server.Requests.Count
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        & $variants[$Name] "run $Run $Name"
        $elapsed = $clock.Elapsed.TotalMilliseconds
        $requests = $server.Requests.Count - $before
        [pscustomobject]@{ Ms = $elapsed; Requests = $requests }
    }

    # Warm up both ways: JIT, connection pools.
    $savedCount = $Count
    $Count = 30
    foreach ($name in $variants.Keys) { $null = Measure-Variant $name 0 }
    $Count = $savedCount

    $samples = @{}
    foreach ($name in $variants.Keys) { $samples[$name] = [System.Collections.Generic.List[object]]::new() }
    foreach ($run in 1..$Runs) {
        $order = if ($run % 2) { @($variants.Keys) } else { @($variants.Keys)[($variants.Count - 1)..0] }
        foreach ($name in $order) { $samples[$name].Add((Measure-Variant $name $run)) }
    }
}
finally {
    Stop-BenchServer $bench
}

$rows = foreach ($name in $variants.Keys) {
    $ms = Get-Median ([double[]]($samples[$name] | ForEach-Object Ms))
    $requests = Get-Median ([double[]]($samples[$name] | ForEach-Object Requests))
    [pscustomobject]@{
        Variant            = $name
        Campaigns          = $Count
        MedianMs           = [Math]::Round($ms, 1)
        MsPerCampaign      = [Math]::Round($ms / $Count, 3)
        Requests           = [int]$requests
        RequestsPerCampaign = [Math]::Round($requests / $Count, 3)
        RunMs              = ($samples[$name] | ForEach-Object { [Math]::Round($_.Ms, 0) }) -join ', '
    }
}
$pipeline, $loop = $rows
$requestRatio = [Math]::Round($loop.Requests / $pipeline.Requests, 1)
$timeRatio = [Math]::Round($loop.MedianMs / $pipeline.MedianMs, 2)

$command = "./bench/Campaigns.Bench.ps1 -ModuleManifest <module> -Count $Count -Runs $Runs"
$markdown = @(
    $sectionTitle
    ''
    "Creating $Count campaigns on the fake API (loopback) through New-PinCampaign fed by the pipeline, which batches 30 per POST, and through a hand-written Invoke-RestMethod loop that posts one campaign per call. Requests are counted from the fake API's request log; times are medians of $Runs runs (variants interleaved, after a warm-up)."
    ''
    '| Variant | requests | requests per campaign | median (ms) | ms per campaign | run times (ms) |'
    '|---|---:|---:|---:|---:|---|'
    foreach ($row in $rows) { "| $($row.Variant) | $($row.Requests) | $($row.RequestsPerCampaign) | $($row.MedianMs) | $($row.MsPerCampaign) | $($row.RunMs) |" }
    ''
    "The loop sends **$($requestRatio)x** the requests and takes **$($timeRatio)x** the time of the pipeline. Against the real API the request count is what matters most: every request spends a permit of the hourly budget (1,000 by default) and a network round trip, so $Count campaigns cost $($pipeline.Requests) permits instead of $($loop.Requests)."
    ''
    "Command: ``$command``; PowerShell $($PSVersionTable.PSVersion), $([Environment]::ProcessorCount) cores."
) -join "`n"

[pscustomobject]@{
    Name         = "Creating $Count campaigns: pipeline vs Invoke-RestMethod loop"
    Command      = $command
    Rows         = $rows
    RequestRatio = $requestRatio
    TimeRatio    = $timeRatio
    Markdown     = $markdown
}
