# Shared by the Pester suites: where the built module is, how to run a child pwsh, how to play
# the browser of a sign-in, and where the Pinterest OpenAPI description is.

function Get-TestModulePath {
    if ($env:PINTERESTADS_MODULE_PATH) { return $env:PINTERESTADS_MODULE_PATH }
    Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'out/PinterestAds/PinterestAds.psd1'
}

function Get-TestPackagePath {
    # The .nupkg `./build.ps1 package` (and `test`) leaves in out/, beside the built module.
    $version = (Import-PowerShellDataFile (Get-TestModulePath)).ModuleVersion
    $path = Join-Path (Split-Path (Split-Path (Get-TestModulePath))) "PinterestAds.$version.nupkg"
    if (-not (Test-Path $path)) { throw "$path is missing: run ./build.ps1 package (./build.ps1 test packages too)." }
    $path
}

function Get-TestPwshPath {
    Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
}

function Get-RepoRoot {
    Split-Path (Split-Path $PSScriptRoot)
}

function Remove-Ansi {
    # pwsh writes terminal mode switches (ESC [?1h) even to redirected output, and a terminal ends
    # lines with CR LF; tests compare plain text.
    param([AllowNull()] [string] $Text)
    $Text -replace '\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r(?=\n)', ''
}

function Start-TestWatchdog {
    <#
    .SYNOPSIS
        Makes a process a test started end with the test run: tests/tools/watchdog.sh ends it once
        this process is gone (a run that was killed or crashed) or after -Seconds, whichever comes
        first. Unix only (it needs sh); elsewhere it does nothing.
    #>
    param([Parameter(Mandatory)] [System.Diagnostics.Process] $Child, [Parameter(Mandatory)] [int] $Seconds)
    if ($IsWindows) { return }
    $start = [System.Diagnostics.ProcessStartInfo]::new('sh')
    foreach ($argument in @((Join-Path $PSScriptRoot '../tools/watchdog.sh'), $PID, $Child.Id, $Seconds)) { $start.ArgumentList.Add([string]$argument) }
    $start.UseShellExecute = $false
    [System.Diagnostics.Process]::Start($start).Dispose()
}

function Start-TestPwsh {
    <#
    .SYNOPSIS
        Starts a script in a fresh, non-interactive pwsh with a dumb terminal and no console input.
        Its output is read in the background; with -Streaming it is left for Wait-TestPwshLine to
        read line by line. Finish with Wait-TestPwsh.
        -Terminal runs it as a person at a terminal does instead: interactive, in a pseudo-terminal
        (util-linux script; Linux and macOS), so the module may open a browser. An -Environment
        entry whose value is $null removes that variable (e.g. CI) from the child's environment.
    #>
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{}, [switch] $Streaming, [switch] $Terminal)
    # A script file, not -Command -: piped commands are read line by line, and a statement that
    # spans lines (try on one, catch on the next) would silently end the script.
    $scriptPath = Join-Path ([System.IO.Path]::GetTempPath()) "pinterestads-test-$([guid]::NewGuid().ToString('N')).ps1"
    Set-Content -Path $scriptPath -Value $Script -Encoding utf8NoBOM
    if ($Terminal) {
        # script -e passes the exit code on; its own typescript goes nowhere.
        $start = [System.Diagnostics.ProcessStartInfo]::new('script')
        foreach ($argument in @('-qec', "'$(Get-TestPwshPath)' -NoProfile -File '$scriptPath'", '/dev/null')) { $start.ArgumentList.Add($argument) }
    }
    else {
        $start = [System.Diagnostics.ProcessStartInfo]::new((Get-TestPwshPath))
        foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', $scriptPath)) { $start.ArgumentList.Add($argument) }
    }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $start.Environment['PINTERESTADS_MODULE_PATH'] = Get-TestModulePath
    $start.Environment['TERM'] = 'dumb'
    $start.Environment['NO_COLOR'] = '1'
    foreach ($key in $Environment.Keys) {
        if ($null -eq $Environment[$key]) { [void]$start.Environment.Remove($key) }
        else { $start.Environment[$key] = [string]$Environment[$key] }
    }
    try { $process = [System.Diagnostics.Process]::Start($start) }
    catch { Remove-Item $scriptPath -ErrorAction Ignore; throw }
    # Tests wait two minutes at most; a child left behind by an aborted run goes with it.
    Start-TestWatchdog -Child $process -Seconds 900
    $process.StandardInput.Close()
    [pscustomobject]@{
        Process    = $process
        ScriptPath = $scriptPath
        # Read while the child runs: a child blocked on a full pipe would never exit.
        Stdout     = if ($Streaming) { $null } else { $process.StandardOutput.ReadToEndAsync() }
        Stderr     = $process.StandardError.ReadToEndAsync()
        Seen       = [System.Text.StringBuilder]::new()
    }
}

function Wait-TestPwsh {
    # Waits for a child from Start-TestPwsh and returns its exit code and plain-text output.
    param([Parameter(Mandatory)] $Child, [int] $TimeoutSeconds = 120)
    try {
        if (-not $Child.Process.WaitForExit($TimeoutSeconds * 1000)) {
            $Child.Process.Kill($true)
            throw "Child pwsh did not finish within $TimeoutSeconds s. Output so far:`n$($Child.Seen)"
        }
        $Child.Process.WaitForExit()
    }
    finally {
        Remove-Item $Child.ScriptPath -ErrorAction Ignore
    }
    $rest = if ($Child.Stdout) { $Child.Stdout.Result } else { $Child.Process.StandardOutput.ReadToEnd() }
    $out = Remove-Ansi ($Child.Seen.ToString() + $rest)
    $err = Remove-Ansi $Child.Stderr.Result
    [pscustomobject]@{ ExitCode = $Child.Process.ExitCode; Output = $out; Error = $err; AllText = $out + "`n" + $err }
}

function Wait-TestPwshLine {
    # Reads a -Streaming child's output until a line matches; returns the match.
    param([Parameter(Mandatory)] $Child, [Parameter(Mandatory)] [string] $Pattern, [int] $TimeoutSeconds = 60)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        $read = $Child.Process.StandardOutput.ReadLineAsync()
        $left = $deadline - [DateTime]::UtcNow
        if ($left -lt [TimeSpan]::Zero -or -not $read.Wait($left)) { break }
        if ($null -eq $read.Result) { break }
        $line = Remove-Ansi $read.Result
        [void]$Child.Seen.AppendLine($line)
        if ($line -match $Pattern) { return $Matches[0] }
    }
    throw "The child never printed a line matching '$Pattern'. Output so far:`n$($Child.Seen)`n$($Child.Stderr.Result)"
}

function Invoke-TestPwsh {
    <#
    .SYNOPSIS
        Runs a script in a fresh, non-interactive pwsh (see Start-TestPwsh) and returns its exit
        code, output, error text and the combined text of all streams (for secret scans).
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [int] $TimeoutSeconds = 120,
        [switch] $Terminal
    )
    Wait-TestPwsh (Start-TestPwsh -Script $Script -Environment $Environment -Terminal:$Terminal) -TimeoutSeconds $TimeoutSeconds
}

# The connection variables a test decides itself: children inherit this process's environment.
$script:ConnectionVariables = 'PINTEREST_ADS_CLIENT_ID', 'PINTEREST_ADS_CLIENT_SECRET', 'PINTEREST_ADS_REFRESH_TOKEN', 'PINTEREST_ADS_ACCESS_TOKEN',
'PINTEREST_ADS_API_BASE_URI', 'PINTEREST_ADS_REDIS', 'PINTEREST_ADS_REQUESTS_PER_HOUR', 'PINTEREST_ADS_LIMIT_MAX_WAIT', 'PINTEREST_ADS_TOKEN_CACHE',
'PINTEREST_ADS_TIMEOUT'

function Clear-ConnectionVariables {
    # Unsets every PINTEREST_ADS_* connection variable and returns what they held, for Restore-ConnectionVariables.
    $saved = @{}
    foreach ($name in $script:ConnectionVariables) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    $saved
}

function Restore-ConnectionVariables {
    param([Parameter(Mandatory)] [hashtable] $Saved)
    foreach ($name in $Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
}

function Get-AuthorizeRedirect {
    # Plays the browser: opens an authorize address without following redirects and returns where
    # the fake's consent sends it (the redirect URI with a code or an error).
    param([Parameter(Mandatory)] [string] $Url)
    $handler = [System.Net.Http.HttpClientHandler]::new()
    $handler.AllowAutoRedirect = $false
    $http = [System.Net.Http.HttpClient]::new($handler)
    try {
        $response = $http.GetAsync($Url).GetAwaiter().GetResult()
        [int]$response.StatusCode | Should -Be 302 -Because 'the fake consents and redirects back with a code'
        $response.Headers.Location.ToString()
    }
    finally { $http.Dispose() }
}

function Get-ContractAssemblyPath {
    # The test-only request contract (tests/PinterestAds.Contract), built with the solution; build.ps1
    # names the configuration it built, else the Release output.
    if ($env:PINTERESTADS_CONTRACT_PATH) { return $env:PINTERESTADS_CONTRACT_PATH }
    Join-Path (Get-RepoRoot) 'tests/PinterestAds.Contract/bin/Release/net10.0/PinterestAds.Contract.dll'
}

function Get-TestPackageAssembly {
    <#
    .SYNOPSIS
        The path of a test-only NuGet assembly that tools/Dependencies.proj restores (at the version
        it pins), e.g. Get-TestPackageAssembly BigGustave; load it with Add-Type -Path.
    #>
    param([Parameter(Mandatory)] [string] $Name, [string] $Framework = 'netstandard2.0')
    $project = [xml](Get-Content -Raw (Join-Path (Get-RepoRoot) 'tools/Dependencies.proj'))
    $download = $project.Project.ItemGroup.PackageDownload | Where-Object Include -EQ $Name
    if (-not $download) { throw "tools/Dependencies.proj does not download $Name." }
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim() }
    $path = Join-Path $packages "$($Name.ToLowerInvariant())/$($download.Version.Trim('[]'))/lib/$Framework/$Name.dll"
    if (-not (Test-Path $path)) { throw "$path is missing: run dotnet restore tools/Dependencies.proj (build.ps1 test does)." }
    $path
}

function Find-SpecPath {
    <#
    .SYNOPSIS
        Pinterest's OpenAPI description ($env:PINTEREST_OPENAPI_SPEC, else
        <repo>/../shared/pinterest-api/openapi.json), or $null when it is missing: the tests that
        need it skip. Under CI=true a missing spec is an error, not a skip.
    #>
    $path = if ($env:PINTEREST_OPENAPI_SPEC) { $env:PINTEREST_OPENAPI_SPEC } else { Join-Path (Split-Path (Get-RepoRoot)) 'shared/pinterest-api/openapi.json' }
    if (Test-Path $path) { return $path }
    if ($env:CI -eq 'true') { throw "The Pinterest OpenAPI spec is required under CI=true but was not found at $path (set PINTEREST_OPENAPI_SPEC)." }
    $null
}

function Get-SpecContract {
    <#
    .SYNOPSIS
        The request validator for Pinterest's OpenAPI description (Find-SpecPath), or $null when
        it is missing. It lives in a load context of its own (pwsh
        ships an older JsonSchema.Net), so it is used through its members, and requests go to it as
        strings: the module's System.Text.Json is yet another copy, in the module's private context.
    #>
    $path = Find-SpecPath
    if (-not $path) { return $null }
    $assembly = Get-ContractAssemblyPath
    if (-not (Test-Path $assembly)) { throw "The request contract assembly is missing at $assembly; build the solution first (./build.ps1 build)." }
    Add-Type -Path $assembly
    [PinterestAds.Contract.IsolatedContract]::Load($path)
}

Export-ModuleMember -Function *
