# Small statistics and timing helpers shared by the benchmarks.

function Get-Median {
    param([Parameter(Mandatory)] [double[]] $Values)
    $sorted = $Values | Sort-Object
    $middle = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

function Get-Percentile {
    param([Parameter(Mandatory)] [double[]] $Values, [Parameter(Mandatory)] [double] $Percent)
    $sorted = $Values | Sort-Object
    $sorted[[math]::Min($sorted.Count - 1, [math]::Ceiling($Percent / 100 * $sorted.Count) - 1)]
}

function Measure-ChildProcess {
    # Wall time of one child process, start to exit, and the CPU time it used (user + system).
    # CPU time barely moves when other work competes for the cores, so it stays comparable on a
    # busy machine where wall time does not. It comes from the kernel's count for this process's
    # waited-for children (/proc/self/stat: cutime + cstime, in clock ticks of 10 ms); $null where
    # there is no /proc.
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList)
    $cpuBefore = Get-ChildCpuMilliseconds
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    & $FilePath @ArgumentList | Out-Null
    $wall = $clock.Elapsed.TotalMilliseconds
    $cpuAfter = Get-ChildCpuMilliseconds
    [pscustomobject]@{ Wall = $wall; Cpu = if ($null -ne $cpuBefore) { $cpuAfter - $cpuBefore } }
}

function Get-ChildCpuMilliseconds {
    if (-not (Test-Path /proc/self/stat)) { return $null }
    # Fields after the parenthesised command name; cutime and cstime are the 14th and 15th of them.
    $fields = ((Get-Content -Raw /proc/self/stat) -replace '^.*\) ', '') -split ' '
    ([long]$fields[13] + [long]$fields[14]) * 10
}

function Get-BenchPwshPath {
    Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
}

function Get-LoadAverage {
    # The one-minute load average (runnable tasks), where the OS tells it: how busy the cores were.
    if (Test-Path /proc/loadavg) { (Get-Content -Raw /proc/loadavg).Split(' ')[0] }
}

function Start-BenchServer {
    <#
    .SYNOPSIS
        Starts the fake Pinterest API with a fresh machine-local budget (so earlier runs this hour do
        not count) and connects to it with an access token and a budget no bench reaches. Returns
        Server, Token, AdAccountId, Context and SavedState; Stop-BenchServer undoes it.
    #>
    $saved = $env:PINTEREST_ADS_STATE_DIRECTORY
    $env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path ([System.IO.Path]::GetTempPath()) ('pinads-bench-' + [guid]::NewGuid().ToString('N'))
    $server = Start-PinTestServer
    $token = $server.IssueAccessToken()
    $context = Connect-PinterestAds -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -ClientId $server.ClientId `
        -ApiBaseUri $server.BaseUri.ToString() -RequestsPerHour 1000000 -PassThru -DoNotSetDefault
    [pscustomobject]@{ Server = $server; Token = $token; AdAccountId = $server.DefaultAdAccountId; Context = $context; SavedState = $saved }
}

function Stop-BenchServer {
    <# .SYNOPSIS Stops what Start-BenchServer started and puts the state folder back. #>
    param([Parameter(Mandatory)] $Bench)
    $Bench.Server | Stop-PinTestServer
    Remove-Item $env:PINTEREST_ADS_STATE_DIRECTORY -Recurse -Force -ErrorAction Ignore
    $env:PINTEREST_ADS_STATE_DIRECTORY = $Bench.SavedState
}
Export-ModuleMember -Function *
