<#
.SYNOPSIS
    The module's per-call overhead: Get-PinAdAccount -Id against a bare Invoke-RestMethod to the
    same fake endpoint with the same bearer token.
.DESCRIPTION
    Starts the fake Pinterest API (Start-PinTestServer) on loopback and connects with an access
    token. Each variant is timed two ways: one call at a time (every call timed on its own, as a
    user typing at the prompt makes it) and back to back (bursts of -Burst consecutive calls, as
    a runbook's loop makes them, divided by -Burst). A single call's timing carries PowerShell's
    cost of starting the timed statement and of waking threads that went idle; those are the same
    for every variant, so they pull all ratios towards 1, and bursts leave most of them out.
    Each run times -Calls calls per variant and mode, interleaving the variants run by run, after
    a warm-up long enough for the runtime to compile the hot paths fully (tiered JIT); the figures
    are medians over -Runs runs. The module's call
    includes everything a real call pays: the permit from the request budget (machine-local
    file by default; Redis too when redis-server is installed), the retry pipeline, the bearer
    token, JSON parsing into a typed object and the pipeline-thread marshalling.
    Writes one object per call variant, then the markdown section (a string starting with "## ")
    that bench/Invoke-Benchmarks.ps1 puts into docs/performance.md.
.EXAMPLE
    ./bench/Overhead.Bench.ps1 -ModuleManifest ./out/PinterestAds/PinterestAds.psd1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [int] $Calls = 200,
    [int] $Runs = 9,
    [int] $Burst = 10,
    [double] $WarmUpSeconds = 2,
    [switch] $SkipRedis
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest -Force
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
Import-Module (Join-Path $PSScriptRoot '../tests/pester/RedisServer.psm1') -Force

# Per-call median of $Count calls made $Burst at a time: each sample times one burst.
function Measure-Call([scriptblock] $Call, [int] $Count, [int] $Burst) {
    $times = [double[]]::new([Math]::Max(1, [int]($Count / $Burst)))
    for ($i = 0; $i -lt $times.Length; $i++) {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        & $Call $Burst
        $times[$i] = $clock.Elapsed.TotalMilliseconds / $Burst
    }
    Get-Median $times
}

$HttpAlone = 'HttpClient GET (the HTTP alone)'
$CmdletAlone = 'Get-PinterestAdsContext (a cmdlet call alone)'

# A fresh machine-local budget, so earlier runs in this hour do not count.
$savedState = $env:PINTEREST_ADS_STATE_DIRECTORY
$env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path ([System.IO.Path]::GetTempPath()) ('pinads-bench-' + [guid]::NewGuid().ToString('N'))
$server = Start-PinTestServer
$redis = $null
$http = $null
try {
    $token = $server.IssueAccessToken()
    $id = $server.DefaultAdAccountId
    $secure = ConvertTo-SecureString $token -AsPlainText -Force
    $connect = @{ AccessToken = $secure; ClientId = $server.ClientId; ApiBaseUri = $server.BaseUri.ToString(); RequestsPerHour = 1000000; PassThru = $true; DoNotSetDefault = $true }
    $local = Connect-PinterestAds @connect
    $uri = "$($server.BaseUri)/ad_accounts/$id"
    $headers = @{ Authorization = "Bearer $token" }

    $variants = [ordered]@{
        'Invoke-RestMethod (bare)'            = { param($n) for ($i = 0; $i -lt $n; $i++) { $null = Invoke-RestMethod -Uri $uri -Headers $headers } }
        'Get-PinAdAccount -Id (local budget)' = { param($n) for ($i = 0; $i -lt $n; $i++) { $null = Get-PinAdAccount -Id $id -Context $local } }
    }
    # The floor under any module call: the HTTP exchange alone (one HttpClient, as the module keeps)
    # and PowerShell's cost of calling a cmdlet of the module that does no work.
    $http = [System.Net.Http.HttpClient]::new()
    $http.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $token)
    $variants[$HttpAlone] = { param($n) for ($i = 0; $i -lt $n; $i++) { $null = $http.GetStringAsync($uri).GetAwaiter().GetResult() } }
    $variants[$CmdletAlone] = { param($n) for ($i = 0; $i -lt $n; $i++) { $null = Get-PinterestAdsContext } }
    if (-not $SkipRedis -and (Get-Command redis-server -CommandType Application -ErrorAction Ignore)) {
        $redis = Start-TestRedis
        $viaRedis = Connect-PinterestAds @connect -RedisConfiguration $redis.Configuration
        $variants['Get-PinAdAccount -Id (Redis budget)'] = { param($n) for ($i = 0; $i -lt $n; $i++) { $null = Get-PinAdAccount -Id $id -Context $viaRedis } }
    }

    $loadBefore = Get-LoadAverage
    # Warm up: connection pools, the Redis script cache, and time for the runtime's tiered JIT and
    # PowerShell's compiler to finish optimising the hot paths of every variant. Both go by time as
    # much as by calls: a few hundred calls leave much of each path in unoptimised code for seconds.
    foreach ($round in 1..2) {
        foreach ($call in $variants.Values) {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            while ($clock.Elapsed.TotalSeconds -lt $WarmUpSeconds) { & $call 100 }
        }
    }

    $modes = [ordered]@{ Single = 1; Burst = $Burst }
    $medians = @{}
    foreach ($name in $variants.Keys) { foreach ($mode in $modes.Keys) { $medians["$mode|$name"] = [System.Collections.Generic.List[double]]::new() } }
    foreach ($run in 1..$Runs) {
        $order = if ($run % 2) { @($variants.Keys) } else { @($variants.Keys)[($variants.Count - 1)..0] }
        foreach ($name in $order) {
            foreach ($mode in $modes.Keys) { $medians["$mode|$name"].Add((Measure-Call $variants[$name] $Calls $modes[$mode])) }
        }
    }
}
finally {
    $loadAfter = Get-LoadAverage
    $server | Stop-PinTestServer
    if ($http) { $http.Dispose() }
    if ($redis) { $redis | Stop-TestRedis }
    Remove-Item $env:PINTEREST_ADS_STATE_DIRECTORY -Recurse -Force -ErrorAction Ignore
    $env:PINTEREST_ADS_STATE_DIRECTORY = $savedState
}

function Get-Row([string] $Mode, [string] $Name) {
    $baseline = Get-Median $medians["$Mode|Invoke-RestMethod (bare)"].ToArray()
    $median = Get-Median $medians["$Mode|$Name"].ToArray()
    [pscustomobject]@{
        Mode       = $Mode
        Call       = $Name
        MedianMs   = [Math]::Round($median, 3)
        RunMedians = ($medians["$Mode|$Name"] | ForEach-Object { [Math]::Round($_, 3) }) -join ', '
        Ratio      = [Math]::Round($median / $baseline, 2)
    }
}

$rows = foreach ($mode in $modes.Keys) { foreach ($name in $variants.Keys) { Get-Row $mode $name } }
$rows
$row = @{}
foreach ($r in $rows) { $row["$($r.Mode)|$($r.Call)"] = $r }
$localName = 'Get-PinAdAccount -Id (local budget)'
$singleRow = $row["Single|$localName"]
$burstRow = $row["Burst|$localName"]
$floor = $row["Burst|$HttpAlone"].MedianMs + $row["Burst|$CmdletAlone"].MedianMs
function Get-Verdict($r) { if ($r.Ratio -le 0.5) { 'reached' } else { 'not reached' } }
@(
    '## Per-call overhead: Get-PinAdAccount vs Invoke-RestMethod'
    ''
    "``bench/Overhead.Bench.ps1 -ModuleManifest <module> -Calls $Calls -Runs $Runs -Burst $Burst``: the same GET /ad_accounts/{id} on the fake API"
    '(loopback), with the same bearer token. The module call includes the permit from the request budget, the retry'
    "pipeline, JSON into a typed object and the marshalling of output to the pipeline thread$(if ($loadBefore) { "; load average $loadBefore before and $loadAfter after, on $([Environment]::ProcessorCount) cores" })."
    "Each call is timed two ways: one at a time (each call timed on its own, as at the prompt) and back to back (bursts of $Burst"
    'consecutive calls, as in a runbook''s loop, divided by the burst).'
    ''
    '| Call | one at a time (ms) | vs Invoke-RestMethod | back to back (ms) | vs Invoke-RestMethod | back to back, medians of the runs (ms) |'
    '|---|---:|---:|---:|---:|---|'
    foreach ($name in $variants.Keys) {
        $one = $row["Single|$name"]; $many = $row["Burst|$name"]
        "| $name | $($one.MedianMs) | $($one.Ratio)x | $($many.MedianMs) | $($many.Ratio)x | $($many.RunMedians) |"
    }
    ''
    "**Goal (issue 11): at most 0.5x Invoke-RestMethod with the local budget. This run: $($burstRow.Ratio)x back to back — $(Get-Verdict $burstRow); $($singleRow.Ratio)x one at a time — $(Get-Verdict $singleRow).**"
    "Back to back, of the module call's $($burstRow.MedianMs) ms, $([Math]::Round($floor, 3)) ms are the floor under any call: the HTTP exchange alone and"
    "PowerShell's cost of calling a cmdlet. The module's own work (the budget permit, a file locked and appended to; the retry"
    "pipeline; the token; JSON into a typed object; the hand-over to the pipeline thread) is the remaining $([Math]::Round($burstRow.MedianMs - $floor, 3)) ms."
    'One at a time, every variant also carries what it costs PowerShell to start the timed statement and the runtime to wake'
    'threads that went idle between calls: the same for all variants, so it pulls every ratio towards 1x.'
    ''
    "Each figure is the median over $Runs runs of the per-run median of $Calls calls (timed singly, or in bursts of $Burst), after"
    "a warm-up of 2 × $WarmUpSeconds s of calls per variant; the variants are interleaved run by run."
) -join "`n"
