<#
.SYNOPSIS
    The module's per-call overhead: Get-PinAdAccount -Id against a bare Invoke-RestMethod to the
    same fake endpoint with the same bearer token.
.DESCRIPTION
    Starts the fake Pinterest API (Start-PinTestServer) on loopback and connects with an access
    token. Every call is timed on its own; each run times -Calls calls per variant, interleaving
    the variants run by run, and the figures are medians over -Runs runs. The module's call
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
    [switch] $SkipRedis
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest -Force
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
Import-Module (Join-Path $PSScriptRoot '../tests/pester/RedisServer.psm1') -Force

function Measure-Call([scriptblock] $Call, [int] $Count) {
    $times = [double[]]::new($Count)
    for ($i = 0; $i -lt $Count; $i++) {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $null = & $Call
        $times[$i] = $clock.Elapsed.TotalMilliseconds
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
        'Invoke-RestMethod (bare)'         = { Invoke-RestMethod -Uri $uri -Headers $headers }
        'Get-PinAdAccount -Id (local budget)' = { Get-PinAdAccount -Id $id -Context $local }
    }
    # The floor under any module call: the HTTP exchange alone (one HttpClient, as the module keeps)
    # and PowerShell's cost of calling a cmdlet of the module that does no work.
    $http = [System.Net.Http.HttpClient]::new()
    $http.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $token)
    $variants[$HttpAlone] = { $http.GetStringAsync($uri).GetAwaiter().GetResult() }
    $variants[$CmdletAlone] = { Get-PinterestAdsContext }
    if (-not $SkipRedis -and (Get-Command redis-server -CommandType Application -ErrorAction Ignore)) {
        $redis = Start-TestRedis
        $viaRedis = Connect-PinterestAds @connect -RedisConfiguration $redis.Configuration
        $variants['Get-PinAdAccount -Id (Redis budget)'] = { Get-PinAdAccount -Id $id -Context $viaRedis }
    }

    $loadBefore = Get-LoadAverage
    # Warm up: JIT, connection pools, the Redis script cache.
    foreach ($call in $variants.Values) { $null = Measure-Call $call 30 }

    $medians = @{}
    foreach ($name in $variants.Keys) { $medians[$name] = [System.Collections.Generic.List[double]]::new() }
    foreach ($run in 1..$Runs) {
        $order = if ($run % 2) { @($variants.Keys) } else { @($variants.Keys)[($variants.Count - 1)..0] }
        foreach ($name in $order) { $medians[$name].Add((Measure-Call $variants[$name] $Calls)) }
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

$baseline = Get-Median $medians['Invoke-RestMethod (bare)'].ToArray()
$rows = foreach ($name in $variants.Keys) {
    $median = Get-Median $medians[$name].ToArray()
    [pscustomobject]@{
        Call        = $name
        MedianMs    = [Math]::Round($median, 3)
        RunMedians  = ($medians[$name] | ForEach-Object { [Math]::Round($_, 3) }) -join ', '
        Ratio       = [Math]::Round($median / $baseline, 2)
        OverheadMs  = [Math]::Round($median - $baseline, 3)
    }
}

$rows
@(
    '## Per-call overhead: Get-PinAdAccount vs Invoke-RestMethod'
    ''
    "``bench/Overhead.Bench.ps1 -ModuleManifest <module> -Calls $Calls -Runs $Runs``: the same GET /ad_accounts/{id} on the fake API"
    '(loopback), with the same bearer token. The module call includes the permit from the request budget, the retry'
    "pipeline, JSON into a typed object and the marshalling of output to the pipeline thread$(if ($loadBefore) { "; load average $loadBefore before and $loadAfter after, on $([Environment]::ProcessorCount) cores" })."
    ''
    '| Call | median (ms) | vs Invoke-RestMethod | difference (ms) | medians of the runs (ms) |'
    '|---|---:|---:|---:|---|'
    foreach ($row in $rows) { "| $($row.Call) | $($row.MedianMs) | $($row.Ratio)x | $($row.OverheadMs) | $($row.RunMedians) |" }
    ''
    $local = $rows | Where-Object Call -EQ 'Get-PinAdAccount -Id (local budget)'
    $floor = ($rows | Where-Object Call -EQ $HttpAlone).MedianMs + ($rows | Where-Object Call -EQ $CmdletAlone).MedianMs
    "**Goal (issue 11): at most 0.5x Invoke-RestMethod with the local budget. This run: $($local.Ratio)x — $(if ($local.Ratio -le 0.5) { 'reached' } else { 'not reached' }).**"
    "Of the module call's $($local.MedianMs) ms, $([Math]::Round($floor, 3)) ms are the floor under any call: the HTTP exchange alone and PowerShell's"
    "cost of calling a cmdlet. The module's own work (the budget permit, a file locked and appended to; the retry pipeline;"
    "the token; JSON into a typed object; the hand-over to the pipeline thread) is the remaining $([Math]::Round($local.MedianMs - $floor, 3)) ms."
    ''
    "Each figure is the median over $Runs runs of the per-run median of $Calls individually timed calls; the variants are"
    'interleaved run by run.'
    $(if (@($rows | Where-Object { $_.Ratio -gt 1 }).Count -eq 0) {
            'Invoke-RestMethod pays more per call (web-cmdlet setup, a response parsed into PSObjects) than the module''s shared HttpClient, so the module comes out below the bare call: its budget, retries and typing cost less than that difference.'
        } else {
            "The module adds at most $((($rows | Measure-Object OverheadMs -Maximum).Maximum)) ms per call over the bare call."
        })
) -join "`n"
