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
# Each run gets its own request-budget and journal state, so runs never spend each other's
# budget (the fake's client id is the same every time); child processes inherit it.
$env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path ([System.IO.Path]::GetTempPath()) "pinterestads-tests-$([guid]::NewGuid().ToString('N'))"

$paths = Get-ChildItem $PSScriptRoot -Filter *.Tests.ps1 |
    Where-Object { -not $Filter -or $_.Name -like "*$Filter*" } |
    ForEach-Object FullName

$configuration = New-PesterConfiguration
$configuration.Run.Path = @($paths)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputPath = Join-Path (Split-Path $SummaryPath) 'pester-results.xml'
$result = Invoke-Pester -Configuration $configuration

# A container that failed to run (syntax error, BeforeAll threw) counts as a failure too.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed } | ConvertTo-Json | Set-Content $SummaryPath
