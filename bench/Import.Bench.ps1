<#
.SYNOPSIS
    What Import-Module PinterestAds adds to a bare `pwsh -NoProfile` start.
.DESCRIPTION
    Starts pwsh with and without the import, alternating the two so both see the same machine
    state, and reports the medians and their difference. Also lists which heavy dependencies the
    import loaded: the module must not touch the network, the keyring or Redis at import.
#>
param([Parameter(Mandatory)] [string] $ModuleManifest, [int] $Runs = 9)

Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
$pwsh = Get-BenchPwshPath
$bare = @(); $withModule = @()
# One warm-up of each so file-system caches are equal.
Measure-ProcessMilliseconds $pwsh @('-NoProfile', '-NonInteractive', '-Command', 'exit') | Out-Null
Measure-ProcessMilliseconds $pwsh @('-NoProfile', '-NonInteractive', '-Command', "Import-Module '$ModuleManifest'; exit") | Out-Null
for ($i = 0; $i -lt $Runs; $i++) {
    $bare += Measure-ProcessMilliseconds $pwsh @('-NoProfile', '-NonInteractive', '-Command', 'exit')
    $withModule += Measure-ProcessMilliseconds $pwsh @('-NoProfile', '-NonInteractive', '-Command', "Import-Module '$ModuleManifest'; exit")
}

$loaded = & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -match 'Redis|Identity|Polly' -join ', '"
$bareMedian = Get-Median $bare
$moduleMedian = Get-Median $withModule
@"
## Import time

``pwsh -NoProfile`` start to exit, $Runs alternating runs each:

| | median |
|---|---|
| bare ``pwsh -NoProfile -Command exit`` | $([math]::Round($bareMedian)) ms |
| with ``Import-Module PinterestAds`` | $([math]::Round($moduleMedian)) ms |
| **added by the import** | **$([math]::Round($moduleMedian - $bareMedian)) ms** ($([math]::Round($moduleMedian / $bareMedian, 2))× the bare start) |

Redis, MSAL and Polly assemblies loaded by the import: $(if ($loaded) { $loaded } else { 'none' }) — they load on the first call that needs them.
"@
