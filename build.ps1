<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks the PinterestAds module.
.DESCRIPTION
    build  compiles the solution and lays out the importable module in out/PinterestAds
           (manifest, assemblies, format file, en-US MAML help generated from docs/).
    package
           builds, then packs out/PinterestAds into a gallery-ready out/PinterestAds.<version>.nupkg
           (what Publish-PSResource uploads; the README shows how to install it).
    test   builds and packages, then runs the xunit suites and the Pester suites and ends with the line
           "N passed, N failed" summing both.
    demo   builds, then runs examples/Demo.ps1 against the built-in fake Pinterest API.
    bench  builds, then runs the benchmarks in bench/ and rewrites docs/performance.md.
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'package', 'test', 'demo', 'bench')]
    [string] $Task = 'build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Runs only the Pester files whose names match, e.g. -PesterFilter Connect (local iteration).
    [string] $PesterFilter
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
if ([Console]::IsOutputRedirected) {
    # Logs (CI) get plain text from this process and every child pwsh it starts.
    $env:NO_COLOR = '1'
    $PSStyle.OutputRendering = 'PlainText'
}
. (Join-Path $PSScriptRoot 'tools/BuildTools.ps1')

switch ($Task) {
    'build' { Invoke-ModuleBuild -Configuration $Configuration | Out-Null }
    'package' { New-ModulePackage -ModuleManifest (Invoke-ModuleBuild -Configuration $Configuration) | Out-Null }
    'test' {
        $module = Invoke-ModuleBuild -Configuration $Configuration
        # The install test publishes and installs this package.
        New-ModulePackage -ModuleManifest $module | Out-Null
        Install-RedisServerIfMissing
        Install-ChromiumIfMissing
        $unit = Invoke-XunitSuites -Configuration $Configuration
        $pester = Invoke-PesterSuites -ModuleManifest $module -Filter $PesterFilter -Configuration $Configuration
        $passed = $unit.Passed + $pester.Passed
        $failed = $unit.Failed + $pester.Failed
        Write-Host "xunit: $($unit.Passed) passed, $($unit.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
        # The plain closing line CI reads.
        Write-Host "$passed passed, $failed failed"
        if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
    }
    'demo' {
        $module = Invoke-ModuleBuild -Configuration $Configuration
        Invoke-ChildPwsh -File (Join-Path $PSScriptRoot 'examples/Demo.ps1') -Arguments @('-ModuleManifest', $module)
    }
    'bench' {
        $module = Invoke-ModuleBuild -Configuration $Configuration
        Install-RedisServerIfMissing
        Invoke-ChildPwsh -File (Join-Path $PSScriptRoot 'bench/Invoke-Benchmarks.ps1') -Arguments @('-ModuleManifest', $module)
    }
}
