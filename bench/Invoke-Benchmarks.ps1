<#
.SYNOPSIS
    Runs every bench/*.Bench.ps1 against the built module and rewrites docs/performance.md.
.DESCRIPTION
    Each benchmark script takes -ModuleManifest and returns one markdown section (a string that
    starts with "## "). Benchmarks compare against a baseline measured in the same run and
    report medians of several runs; nothing here is a pass/fail threshold.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Filter = '*'
)

$ErrorActionPreference = 'Stop'
$repo = Split-Path $PSScriptRoot -Parent
$sections = foreach ($bench in Get-ChildItem $PSScriptRoot -Filter "$Filter.Bench.ps1" | Sort-Object Name) {
    Write-Host "Running $($bench.Name)…"
    # A benchmark returns its section as a string, or objects of which one carries .Markdown.
    & $bench.FullName -ModuleManifest $ModuleManifest |
        ForEach-Object { if ($_ -is [string]) { $_ } elseif ($_.PSObject.Properties['Markdown']) { $_.Markdown } } |
        Select-Object -Last 1
}

$cpu = (Get-Content /proc/cpuinfo -ErrorAction Ignore | Select-String '^model name' | Select-Object -First 1) -replace '^model name\s*:\s*', ''
$header = @"
# Performance

Produced by ``dotnet pwsh ./build.ps1 bench`` on $(Get-Date -Format 'yyyy-MM-dd') ($([Environment]::ProcessorCount) cores$(if ($cpu) { ", $cpu" }), PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version)).
Every figure is a median of several runs; each comparison's baseline was measured in the same
run, interleaved with the candidate, so the ratios are what to read — absolute times depend on
the machine. The benchmarks are in ``bench/``; none of them is a test.

"@
Set-Content -Path (Join-Path $repo 'docs/performance.md') -Value ($header + ($sections -join "`n`n") + "`n") -Encoding utf8NoBOM
Write-Host "Wrote docs/performance.md"
