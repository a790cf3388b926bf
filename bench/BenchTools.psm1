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

function Measure-ProcessMilliseconds {
    # Wall time of one child process, start to exit.
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList)
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    & $FilePath @ArgumentList | Out-Null
    $clock.Elapsed.TotalMilliseconds
}

function Get-BenchPwshPath {
    Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
}

Export-ModuleMember -Function *
