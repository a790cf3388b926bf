# The steps build.ps1 strings together. Each function does one job and returns what the next needs.

$script:RepoRoot = Split-Path $PSScriptRoot -Parent
$script:OutDir = Join-Path $script:RepoRoot 'out'
$script:ModuleDir = Join-Path $script:OutDir 'PinterestAds'

function Get-PwshPath {
    # The pwsh that runs this build (the dotnet local tool); children use the same one.
    Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
}

function Invoke-ChildPwsh {
    param([Parameter(Mandatory)] [string] $File, [string[]] $Arguments = @())
    & (Get-PwshPath) -NoProfile -NonInteractive -File $File @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "$File failed with exit code $LASTEXITCODE." }
}

function Invoke-Dotnet {
    # A simple function on purpose: an advanced one would take dotnet's -v for -Verbose.
    & dotnet @args | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    # Directory.Build.props is the one version source.
    $props = [xml](Get-Content -Raw (Join-Path $script:RepoRoot 'Directory.Build.props'))
    $props.Project.PropertyGroup.ModuleVersion | Where-Object { $_ } | Select-Object -First 1
}

function Get-ReleaseNotes {
    # The CHANGELOG.md section of this version: what the gallery shows as the release notes.
    param([Parameter(Mandatory)] [string] $Version)
    $changelog = Get-Content -Raw (Join-Path $script:RepoRoot 'CHANGELOG.md')
    $section = [regex]::Match($changelog, '(?ms)^## ' + [regex]::Escape($Version) + '\s*$(.*?)(?=^## |\z)')
    if (-not $section.Success) { throw "CHANGELOG.md has no '## $Version' section: add the release notes of this version." }
    $section.Groups[1].Value.Trim()
}

function Invoke-ModuleBuild {
    param([string] $Configuration = 'Release')

    Invoke-Dotnet build (Join-Path $script:RepoRoot 'PinterestAds.sln') -c $Configuration --nologo -v quiet '-clp:ErrorsOnly'

    if (Test-Path $script:ModuleDir) { Remove-Item $script:ModuleDir -Recurse -Force }
    New-Item -ItemType Directory -Path $script:ModuleDir | Out-Null

    # The loader and the cmdlet assembly sit at the root, in the default load context. PinterestAds.Core,
    # PinterestAds.Testing and every third-party assembly go to dependencies/, from where
    # src/PinterestAds.Loader serves them (into the private "PinterestAds" load context on PowerShell 7).
    # PowerShell's own assemblies stay out.
    $src = Join-Path $script:RepoRoot 'src'
    $bin = Join-Path $src "PinterestAds.PowerShell/bin/$Configuration/netstandard2.0"
    $dependencies = New-Item -ItemType Directory -Path (Join-Path $script:ModuleDir 'dependencies')
    Copy-Item (Join-Path $src "PinterestAds.Loader/bin/$Configuration/netstandard2.0/PinterestAds.Loader.dll") -Destination $script:ModuleDir
    Copy-Item (Join-Path $bin 'PinterestAds.dll') -Destination $script:ModuleDir
    Get-ChildItem $bin -Filter *.dll |
        Where-Object Name -NotIn @('PinterestAds.dll', 'System.Management.Automation.dll') |
        Copy-Item -Destination $dependencies
    # No dependency ships native libraries today, so the loader resolves managed assemblies only.
    if (Test-Path (Join-Path $bin 'runtimes')) {
        throw "A dependency now ships native assets ($bin/runtimes): copy them and resolve them in src/PinterestAds.Loader (ResolvingUnmanagedDll)."
    }

    Copy-Item (Join-Path $src 'PinterestAds.PowerShell/Formats/*.Format.ps1xml') $script:ModuleDir
    $manifest = Join-Path $script:ModuleDir 'PinterestAds.psd1'
    $version = Get-ModuleVersion
    # ReleaseNotes sits in a single-quoted string: double its quotes.
    (Get-Content -Raw (Join-Path $script:RepoRoot 'PinterestAds.psd1')).
        Replace('{{ModuleVersion}}', $version).
        Replace('{{ReleaseNotes}}', (Get-ReleaseNotes $version).Replace("'", "''")) |
        Set-Content -Path $manifest -Encoding utf8NoBOM

    Invoke-ChildPwsh -File (Join-Path $script:RepoRoot 'tools/HelpGen/Build-MamlHelp.ps1') -Arguments @(
        '-ModuleManifest', $manifest, '-DocsPath', (Join-Path $script:RepoRoot 'docs'), '-OutputPath', (Join-Path $script:ModuleDir 'en-US'))

    Write-Host "Built $manifest"
    $manifest
}

function New-ModulePackage {
    # The gallery-ready .nupkg of the built module, made by PSResourceGet (in-box in PowerShell 7.4+)
    # exactly as Publish-PSResource would make it: manifest metadata in the nuspec, every module file.
    param([Parameter(Mandatory)] [string] $ModuleManifest)
    Get-ChildItem $script:OutDir -Filter 'PinterestAds.*.nupkg' | Remove-Item
    $package = Compress-PSResource -Path (Split-Path $ModuleManifest) -DestinationPath $script:OutDir -PassThru
    Write-Host "Packaged $($package.FullName)"
    $package.FullName
}

function Install-AptPackageIfMissing {
    # A program the tests start for real: installed from apt (as root, non-interactive) when it is
    # missing, otherwise a clear error that says how to install it.
    param(
        [Parameter(Mandatory)] [string] $Command,
        [Parameter(Mandatory)] [string] $Package,
        # What needs it, e.g. 'the limiter tests (they start their own on loopback)'.
        [Parameter(Mandatory)] [string] $NeededBy,
        # How to install it by hand, per platform.
        [Parameter(Mandatory)] [string] $HowTo
    )
    if (Get-Command $Command -CommandType Application -ErrorAction Ignore) { return }
    $isRoot = -not $IsWindows -and ((& id -u) -eq '0')
    if ($isRoot -and (Get-Command apt-get -ErrorAction Ignore)) {
        Write-Host "$Command is missing; installing $Package from apt for $NeededBy."
        $env:DEBIAN_FRONTEND = 'noninteractive'
        & apt-get update -qq | Out-Null
        & apt-get install -y -qq $Package | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "apt-get install $Package failed." }
        return
    }
    throw "$Command is required by $NeededBy. Install it ($HowTo) and run the tests again."
}

function Install-RedisServerIfMissing {
    Install-AptPackageIfMissing -Command redis-server -Package redis-server -NeededBy 'the limiter tests (they start their own on loopback)' `
        -HowTo 'Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis'
}

function Install-ChromiumIfMissing {
    # The browser sign-in test drives Debian's chromium headless through a shell script and a
    # pseudo-terminal, and the report test renders Export-PinReport's page in it, so they run on
    # Linux only (elsewhere Pester shows them skipped).
    if (-not $IsLinux) { return }
    Install-AptPackageIfMissing -Command chromium -Package chromium -NeededBy 'the browser sign-in and report tests (tests/pester/BrowserSignIn.Tests.ps1, Report.Tests.ps1)' `
        -HowTo 'Debian: sudo apt-get install chromium'
}

function Invoke-XunitSuites {
    param([string] $Configuration = 'Release')

    $results = Join-Path $script:OutDir 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $passed = 0; $failed = 0
    foreach ($project in Get-ChildItem (Join-Path $script:RepoRoot 'tests') -Recurse -Filter *.Tests.csproj) {
        & dotnet test $project.FullName -c $Configuration --no-build --nologo --logger "trx;LogFileName=$($project.BaseName).trx" --results-directory $results | Out-Host
        $trx = [xml](Get-Content -Raw (Join-Path $results "$($project.BaseName).trx"))
        $counters = $trx.TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Get-PesterManifest {
    Invoke-Dotnet restore (Join-Path $script:RepoRoot 'tools/Dependencies.proj') --nologo -v quiet
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) { throw "Pester was restored but $manifest is missing." }
    $manifest
}

function Invoke-PesterSuites {
    param([Parameter(Mandatory)] [string] $ModuleManifest, [string] $Filter, [string] $Configuration = 'Release')

    # The suites check requests with the test-only contract assembly of the same build (TestHelpers.psm1).
    $env:PINTERESTADS_CONTRACT_PATH = Join-Path $script:RepoRoot "tests/PinterestAds.Contract/bin/$Configuration/net10.0/PinterestAds.Contract.dll"

    $summary = Join-Path $script:OutDir 'pester-summary.json'
    $runner = Join-Path $script:RepoRoot 'tests/pester/Invoke-PesterSuites.ps1'
    $arguments = @('-PesterManifest', (Get-PesterManifest), '-ModuleManifest', $ModuleManifest, '-SummaryPath', $summary)
    if ($Filter) { $arguments += @('-Filter', $Filter) }
    # A failing test is reported through the summary, not the exit code.
    & (Get-PwshPath) -NoProfile -NonInteractive -File $runner @arguments | Out-Host
    if (-not (Test-Path $summary)) { return [pscustomobject]@{ Passed = 0; Failed = 1 } }
    Get-Content -Raw $summary | ConvertFrom-Json
}
