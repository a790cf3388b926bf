<#
.SYNOPSIS
    Runs the bench/*.Bench.ps1 benchmarks against the built module and writes docs/performance.md.
.DESCRIPTION
    Each benchmark script takes -ModuleManifest and returns its markdown section (a string that
    starts with "## ", or an object whose Markdown property holds it). Benchmarks compare against
    a baseline measured in the same run and report medians of several runs; nothing here is a
    pass/fail threshold. With -Filter only the matching benchmarks run and only their sections of
    docs/performance.md are replaced; the others are kept as they were.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Filter = '*'
)

$ErrorActionPreference = 'Stop'
$repo = Split-Path $PSScriptRoot -Parent
$path = Join-Path $repo 'docs/performance.md'

$sections = [ordered]@{}
foreach ($bench in Get-ChildItem $PSScriptRoot -Filter "$Filter.Bench.ps1" | Sort-Object Name) {
    Write-Host "Running $($bench.Name)…"
    $markdown = & $bench.FullName -ModuleManifest $ModuleManifest |
        ForEach-Object { if ($_ -is [string]) { $_ } elseif ($_.PSObject.Properties['Markdown']) { $_.Markdown } } |
        Select-Object -Last 1
    $sections[($markdown -split "`n", 2)[0].Trim()] = $markdown.Trim()
}

# Keep the sections of benchmarks that did not run this time, in their old order.
if ($Filter -ne '*' -and (Test-Path $path)) {
    $kept = [ordered]@{}
    foreach ($old in [regex]::Matches((Get-Content -Raw $path), '(?ms)^## .*?(?=^## |\z)')) {
        $title = ($old.Value -split "`n", 2)[0].Trim()
        $kept[$title] = if ($sections.Contains($title)) { $sections[$title] } else { $old.Value.Trim() }
    }
    foreach ($title in $sections.Keys) { if (-not $kept.Contains($title)) { $kept[$title] = $sections[$title] } }
    $sections = $kept
}

$cpu = (Get-Content /proc/cpuinfo -ErrorAction Ignore | Select-String '^model name' | Select-Object -First 1) -replace '^model name\s*:\s*', ''
$header = @"
# Performance

Produced by ``dotnet pwsh ./build.ps1 bench`` on $(Get-Date -Format 'yyyy-MM-dd') ($([Environment]::ProcessorCount) cores$(if ($cpu) { ", $cpu" }), PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version)).
Every figure is a median of several runs; each comparison's baseline was measured in the same
run, interleaved with the candidate, so the ratios are what to read — absolute times depend on
the machine. The benchmarks are in ``bench/``; none of them is a test.
"@
Set-Content -Path $path -Value ($header + "`n`n" + ($sections.Values -join "`n`n") + "`n") -Encoding utf8NoBOM
Write-Host "Wrote docs/performance.md"
