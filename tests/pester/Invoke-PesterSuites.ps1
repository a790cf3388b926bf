<#
.SYNOPSIS
    Runs the Pester suites against a built module and writes {Passed, Failed} to a JSON file.
    build.ps1 calls it in a child pwsh so the build's own process never loads the module.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string] $Filter
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
$env:PINTERESTADS_MODULE_PATH = $ModuleManifest
# Each test file gets its own request-budget and journal state, as if it ran on its own machine:
# the fake's client id and default ad account are the same in every file, and the whole suite
# sends more than one hour's budget (1000 requests) to that account. Child processes inherit it.
$stateRoot = Join-Path ([System.IO.Path]::GetTempPath()) "pinterestads-tests-$([guid]::NewGuid().ToString('N'))"
$resultsFolder = Join-Path (Split-Path $SummaryPath) 'pester-results'
$null = New-Item -ItemType Directory -Force -Path $resultsFolder

$paths = Get-ChildItem $PSScriptRoot -Filter *.Tests.ps1 |
    Where-Object { -not $Filter -or $_.Name -like "*$Filter*" } |
    ForEach-Object FullName

$passed = 0
$failed = 0
foreach ($path in $paths) {
    $name = [System.IO.Path]::GetFileNameWithoutExtension($path)
    $env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path $stateRoot $name
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $path
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputPath = Join-Path $resultsFolder "$name.xml"
    $result = Invoke-Pester -Configuration $configuration
    $passed += $result.PassedCount
    # A container that failed to run (syntax error, BeforeAll threw) counts as a failure too.
    $failed += $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
}

[pscustomobject]@{ Passed = $passed; Failed = $failed } | ConvertTo-Json | Set-Content $SummaryPath
