<#
.SYNOPSIS
    What Import-Module PinterestAds adds to a bare `pwsh -NoProfile` start, and where it goes.
.DESCRIPTION
    Starts pwsh bare and with each import, alternating the variants so that all see the same
    machine state, and reports the medians of wall and CPU time and their difference from the
    bare start. Reference imports split the figure: an empty manifest (what PowerShell's own module
    import costs any module), the loader alone (a first binary module) and PinterestAds without its
    format files (what FormatsToProcess adds). The references are made in a temp folder from the
    built module; the module itself is not changed.
    Counts the methods the runtime JIT-compiles with and without the import, and how many are the
    module's own (what ReadyToRun images of our assemblies could save at import). Also lists which
    heavy dependencies the import loaded: the module must not touch the network, the keyring or
    Redis at import.
    Then repeats the start-to-exit runs on a copy of this PowerShell whose own assemblies are
    precompiled with crossgen2 (restored from NuGet), as PowerShell's release packages ship them:
    a PowerShell installed as a dotnet tool compiles them at run time, which is most of what an
    import costs there. -SkipReadyToRun leaves that part out.
#>
param([Parameter(Mandatory)] [string] $ModuleManifest, [int] $Runs = 9, [switch] $SkipReadyToRun)

Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
$pwsh = Get-BenchPwshPath

function Get-JitCompiledMethods([string] $Pwsh, [string] $Command, [string] $LogPath) {
    # The runtime's own JIT log (.NET 7+): one line per compilation; distinct methods, tier-ups counted
    # once. Background work (telemetry, tiering) varies from start to start: the run with the median count.
    $runs = foreach ($run in 1..3) {
        $env:DOTNET_JitStdOutFile = "$LogPath.$run"
        $env:DOTNET_JitDisasmSummary = '1'
        # The runtime sometimes aborts at exit with this log on ("free(): invalid pointer", exit code
        # 134) after the log is complete; its message would only clutter the bench's output.
        try { & $Pwsh -NoProfile -NonInteractive -Command $Command 2>$null | Out-Null }
        finally { Remove-Item Env:DOTNET_JitStdOutFile, Env:DOTNET_JitDisasmSummary }
        , @(Get-Content "$LogPath.$run" | ForEach-Object { ($_ -replace '^\s*\d+: JIT compiled ', '') -replace ' \[.*$', '' } | Sort-Object -Unique)
    }
    $runs | Sort-Object Count | Select-Object -Index 1
}

function Test-ReadyToRun([string] $Path) {
    $stream = [System.IO.File]::OpenRead($Path)
    try { [System.Reflection.PortableExecutable.PEReader]::new($stream).PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0 }
    finally { $stream.Dispose() }
}
function Measure-Starts([string] $Pwsh, [System.Collections.IDictionary] $Variants, [int] $Runs) {
    $times = [ordered]@{}
    foreach ($name in $Variants.Keys) {
        $times[$name] = [System.Collections.Generic.List[object]]::new()
        # One warm-up of each so file-system caches are equal.
        Measure-ChildProcess $Pwsh @('-NoProfile', '-NonInteractive', '-Command', $Variants[$name]) | Out-Null
    }
    for ($i = 0; $i -lt $Runs; $i++) {
        foreach ($name in $Variants.Keys) {
            $times[$name].Add((Measure-ChildProcess $Pwsh @('-NoProfile', '-NonInteractive', '-Command', $Variants[$name])))
        }
    }
    $times
}

function New-ReadyToRunPowerShell([string] $Destination) {
    # A copy of $PSHOME with PowerShell's own assemblies compiled ahead of time for this runtime.
    $runtime = [Environment]::Version.ToString()
    $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $restore = New-Item -ItemType Directory -Path (Join-Path $Destination 'crossgen')
    Set-Content (Join-Path $restore 'crossgen.csproj') @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net$($runtime.Split('.')[0]).0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Microsoft.NETCore.App.Crossgen2.$rid" Version="[$runtime]" /></ItemGroup>
</Project>
"@
    dotnet restore $restore | Out-Null
    if ($LASTEXITCODE) { throw "Could not restore Microsoft.NETCore.App.Crossgen2.$rid $runtime." }
    $packages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $crossgen = Join-Path $packages "microsoft.netcore.app.crossgen2.$rid/$runtime/tools/crossgen2"
    $copy = Join-Path $Destination 'pwsh'
    Copy-Item $PSHOME -Destination $copy -Recurse
    $framework = [System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
    $own = Get-ChildItem $copy -Filter *.dll | Where-Object { $_.Name -match '^(System\.Management\.Automation|Microsoft\.PowerShell\..*|pwsh)\.dll$' -and -not (Test-ReadyToRun $_.FullName) }
    foreach ($assembly in $own) {
        $compiled = "$($assembly.FullName).r2r"
        & $crossgen $assembly.FullName -o $compiled -r $framework -r "$copy/" --targetos ($rid -replace '-.*$') --targetarch ($rid -replace '^.*-') -O | Out-Null
        if ($LASTEXITCODE) { throw "crossgen2 failed on $($assembly.Name)." }
        Move-Item $compiled $assembly.FullName -Force
    }
    Join-Path $copy ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
}

$scratch = Join-Path ([System.IO.Path]::GetTempPath()) "pinterestads-import-bench-$([guid]::NewGuid().ToString('N'))"
try {
    $empty = New-Item -ItemType Directory -Path (Join-Path $scratch 'Empty')
    Set-Content -Path (Join-Path $empty 'Empty.psd1') -Value "@{ ModuleVersion = '1.0.0'; GUID = '$([guid]::NewGuid())' }"
    $withoutFormats = Join-Path $scratch 'PinterestAds'
    Copy-Item (Split-Path $ModuleManifest) -Destination $withoutFormats -Recurse
    $manifestCopy = Join-Path $withoutFormats (Split-Path $ModuleManifest -Leaf)
    (Get-Content -Raw $manifestCopy) -replace '(?m)^(\s*FormatsToProcess\s*=\s*).*$', '$1@()' | Set-Content $manifestCopy

    # The loader alone as the root module: what PowerShell's import of a first binary module costs,
    # before any cmdlet of ours is scanned.
    $loaderOnly = Join-Path $scratch 'LoaderOnly'
    Copy-Item $withoutFormats -Destination $loaderOnly -Recurse
    $loaderManifest = Join-Path $loaderOnly (Split-Path $ModuleManifest -Leaf)
    (Get-Content -Raw $loaderManifest) -replace "(?m)^(\s*RootModule\s*=\s*)'[^']*'", '$1''PinterestAds.Loader.dll''' -replace '(?m)^(\s*NestedModules\s*=\s*).*$', '$1@()' -replace '(?ms)^(\s*CmdletsToExport\s*=\s*)@\(.*?\n\s*\)', '$1@()' | Set-Content $loaderManifest

    $variants = [ordered]@{
        'bare `pwsh -NoProfile -Command exit`'                   = 'exit'
        '`Import-Module` of an empty manifest'                   = "Import-Module '$(Join-Path $empty 'Empty.psd1')'; exit"
        '`Import-Module PinterestAds` without formats'           = "Import-Module '$manifestCopy'; exit"
        '`Import-Module PinterestAds`'                           = "Import-Module '$ModuleManifest'; exit"
    }
    $loadBefore = Get-LoadAverage
    $times = Measure-Starts $pwsh $variants $Runs
    $r2rTimes = $null
    $r2rProblem = $null
    if (-not $SkipReadyToRun) {
        try { $r2rTimes = Measure-Starts (New-ReadyToRunPowerShell (Join-Path $scratch 'r2r')) $variants $Runs }
        catch { $r2rProblem = $_.Exception.Message }
    }
    # Import-Module alone, timed inside the process: the start of pwsh is not in it, so far less noise.
    $inProcess = [ordered]@{
        '`Import-Module` of an empty manifest'                = Join-Path $empty 'Empty.psd1'
        'the loader alone (a first binary module, no cmdlets)' = $loaderManifest
        '`Import-Module PinterestAds` without formats'         = $manifestCopy
        '`Import-Module PinterestAds`'                         = $ModuleManifest
    }
    $importTimes = [ordered]@{}
    foreach ($name in $inProcess.Keys) { $importTimes[$name] = [System.Collections.Generic.List[object]]::new() }
    for ($i = 0; $i -lt $Runs; $i++) {
        foreach ($name in $inProcess.Keys) {
            $timed = "`$p = [Diagnostics.Process]::GetCurrentProcess(); `$cpu = `$p.TotalProcessorTime; `$clock = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$($inProcess[$name])'; `$wall = `$clock.Elapsed.TotalMilliseconds; `$p.Refresh(); '{0} {1}' -f `$wall, (`$p.TotalProcessorTime - `$cpu).TotalMilliseconds"
            $wallMs, $cpuMs = (& $pwsh -NoProfile -NonInteractive -Command $timed).Split(' ')
            $importTimes[$name].Add([pscustomobject]@{ Wall = [double]$wallMs; Cpu = [double]$cpuMs })
        }
    }
    $loadAfter = Get-LoadAverage
    $loaded = & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -match 'Redis|Identity|Polly' -join ', '"
    $jitBare = Get-JitCompiledMethods $pwsh 'exit' (Join-Path $scratch 'jit-bare.txt')
    $jitEmpty = Get-JitCompiledMethods $pwsh $variants[1] (Join-Path $scratch 'jit-empty.txt')
    $jitModule = Get-JitCompiledMethods $pwsh "Import-Module '$ModuleManifest'; exit" (Join-Path $scratch 'jit-module.txt')
}
finally {
    Remove-Item $scratch -Recurse -Force -ErrorAction Ignore
}

function Format-Added([double] $Value, [double] $Baseline) {
    $difference = [math]::Round($Value - $Baseline)
    if ($difference -ge 0) { "+$difference ms" } else { "$difference ms" }
}

function Get-StartSummary([System.Collections.IDictionary] $Times) {
    # Medians per variant, and each variant's table row against the first (the bare start).
    $wall = [ordered]@{}; $cpu = [ordered]@{}
    foreach ($name in $Times.Keys) {
        $wall[$name] = Get-Median $Times[$name].Wall
        $cpu[$name] = if ($null -ne $Times[$name][0].Cpu) { Get-Median $Times[$name].Cpu }
    }
    $bare = @($Times.Keys)[0]
    $rows = foreach ($name in $Times.Keys) {
        $wallAdded = if ($name -ne $bare) { Format-Added $wall[$name] $wall[$bare] }
        $cpuCells = if ($null -ne $cpu[$name]) { "$([math]::Round($cpu[$name])) ms | $(if ($name -ne $bare) { Format-Added $cpu[$name] $cpu[$bare] })" } else { 'n/a | n/a' }
        "| $name | $([math]::Round($wall[$name])) ms | $wallAdded | $cpuCells |"
    }
    [pscustomobject]@{ Wall = $wall; Cpu = $cpu; Bare = $bare; Rows = $rows -join "`n" }
}

function Get-Verdict([double] $AddedMs) { if ($AddedMs -le 60) { 'reached' } else { 'not reached' } }

$module = '`Import-Module PinterestAds`'
$starts = Get-StartSummary $times
$added = $starts.Wall[$module] - $starts.Wall[$starts.Bare]
$cpuAdded = if ($null -ne $starts.Cpu[$module]) { " and **$(Format-Added $starts.Cpu[$module] $starts.Cpu[$starts.Bare]) of CPU time** (user + system, which other load on the machine barely moves)" }

$previous = $null
$importSteps = [System.Collections.Generic.List[string]]::new()
$importRows = foreach ($name in $importTimes.Keys) {
    $importCpu = Get-Median $importTimes[$name].Cpu
    if ($null -ne $previous) { $importSteps.Add((Format-Added $importCpu $previous)) }
    "| $name | $([math]::Round((Get-Median $importTimes[$name].Wall))) ms | $([math]::Round($importCpu)) ms | $(if ($null -ne $previous) { Format-Added $importCpu $previous }) |"
    $previous = $importCpu
}
$importCpu0 = Get-Median $importTimes[0].Cpu

$r2rSection = if ($r2rProblem) {
    "`nThe runs on a precompiled copy of this PowerShell could not be made: $r2rProblem`n"
}
elseif ($r2rTimes) {
    $r2r = Get-StartSummary $r2rTimes
    $r2rAdded = $r2r.Wall[$module] - $r2r.Wall[$r2r.Bare]
    @"

The same runs on a copy of this PowerShell whose own assemblies (System.Management.Automation, Microsoft.PowerShell.*,
pwsh) were compiled ahead of time with crossgen2, as PowerShell's release packages ship them:

| | wall, median | added | CPU, median | added |
|---|---:|---:|---:|---:|
$($r2r.Rows)

On a precompiled PowerShell **the import adds $(Format-Added $r2r.Wall[$module] $r2r.Wall[$r2r.Bare]) of wall time: the goal is $(Get-Verdict $r2rAdded) there.**

"@
}

@"
## Import time

``pwsh -NoProfile`` start to exit, $Runs alternating runs of each variant (``bench/Import.Bench.ps1 -ModuleManifest <module> -Runs $Runs$(if ($SkipReadyToRun) { ' -SkipReadyToRun' })``)$(if ($loadBefore) { ", with a load average of $loadBefore before and $loadAfter after on $([Environment]::ProcessorCount) cores" }):

| | wall, median | added | CPU, median | added |
|---|---:|---:|---:|---:|
$($starts.Rows)

**The import adds $(Format-Added $starts.Wall[$module] $starts.Wall[$starts.Bare]) of wall time** ($([math]::Round($starts.Wall[$module] / $starts.Wall[$starts.Bare], 2))× the bare start)$cpuAdded. The empty
manifest is what PowerShell's own module import costs any module; the variant without formats shows what the
two format files add (the same for one view as for thirteen: PowerShell rebuilds its whole format table for any
format file). Loading the views later instead, when the first command of the module runs (Update-FormatData from
inside the module), costs that command more than it saves the import, so they stay in FormatsToProcess.
At import PowerShell reads the manifest, imports the loader (``src/PinterestAds.Loader``, a nested binary module
that runs no script) and the cmdlet assembly, whose cmdlet types bring PinterestAds.Core into the private load
context, and reads the format files; nothing outside the module's own files is read.

**Goal (issue 11): at most +60 ms added to the bare start. This run, on this machine's PowerShell (a dotnet tool):
$(Format-Added $starts.Wall[$module] $starts.Wall[$starts.Bare]) of wall time$(if ($null -ne $starts.Cpu[$module]) { ", $(Format-Added $starts.Cpu[$module] $starts.Cpu[$starts.Bare]) of CPU time" }) — $(Get-Verdict $added).**
What the import costs is mostly PowerShell's own: inside the process, importing an empty manifest takes
$([math]::Round($importCpu0)) ms of CPU, and a first binary module (the loader, which runs one subscription) $($importSteps[0]) more;
the cmdlet assembly with PinterestAds.Core adds $($importSteps[1]) and the two format files $($importSteps[2]).
$r2rSection
Import-Module alone, timed inside each process ($Runs alternating runs; medians), which leaves the start of pwsh and
most of the machine's noise out:

| | wall, median | CPU, median | CPU added to the row above |
|---|---:|---:|---:|
$($importRows -join "`n")

Methods JIT-compiled (distinct, from the runtime's JIT log): $($jitBare.Count) for the bare start, +$($jitEmpty.Count - $jitBare.Count) with the empty
manifest, +$($jitModule.Count - $jitBare.Count) with PinterestAds, of which $(@($jitModule -like 'PinterestAds.*').Count) are the module's own. PowerShell's System.Management.Automation.dll
here is $(if (Test-ReadyToRun (Join-Path $PSHOME 'System.Management.Automation.dll')) { 'a ReadyToRun image' } else { 'not a ReadyToRun image' }), so most of the import is PowerShell compiling its own module code; ReadyToRun
images of the module's assemblies could save only the compilations that are the module's own.

Redis, MSAL and Polly assemblies loaded by the import: $(if ($loaded) { $loaded } else { 'none' }) — they load on the first call that needs them.
"@
