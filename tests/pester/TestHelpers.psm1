# Shared by the Pester suites: where the built module is, how to start a child pwsh, and
# assertions about the fake server's request log.

function Get-TestModulePath {
    if ($env:PINTERESTADS_MODULE_PATH) { return $env:PINTERESTADS_MODULE_PATH }
    Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'out/PinterestAds/PinterestAds.psd1'
}

function Get-TestPwshPath {
    Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
}

function Get-RepoRoot {
    Split-Path (Split-Path $PSScriptRoot)
}

function Invoke-TestPwsh {
    <#
    .SYNOPSIS
        Runs a script block in a fresh, non-interactive pwsh and returns its output lines plus
        the combined text of all streams (for secret scans).
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [int] $TimeoutSeconds = 120
    )
    # A script file, not -Command -: piped commands are read line by line, and a statement that
    # spans lines (try on one, catch on the next) would silently end the script.
    $scriptPath = Join-Path ([System.IO.Path]::GetTempPath()) "pinterestads-test-$([guid]::NewGuid().ToString('N')).ps1"
    Set-Content -Path $scriptPath -Value $Script -Encoding utf8NoBOM
    $start = [System.Diagnostics.ProcessStartInfo]::new((Get-TestPwshPath))
    foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', $scriptPath)) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $start.Environment['PINTERESTADS_MODULE_PATH'] = Get-TestModulePath
    foreach ($key in $Environment.Keys) { $start.Environment[$key] = [string]$Environment[$key] }
    try {
        $process = [System.Diagnostics.Process]::Start($start)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            $process.Kill($true)
            throw "Child pwsh did not finish within $TimeoutSeconds s."
        }
        $process.WaitForExit()
    }
    finally {
        Remove-Item $scriptPath -ErrorAction Ignore
    }
    [pscustomobject]@{
        ExitCode = $process.ExitCode
        Output   = $stdout.Result
        Error    = $stderr.Result
        AllText  = $stdout.Result + "`n" + $stderr.Result
    }
}

function Get-RequestsTo {
    param([Parameter(Mandatory)] $Server, [string] $Method, [string] $PathPattern)
    @($Server.Requests | Where-Object {
            (-not $Method -or $_.Method -eq $Method) -and (-not $PathPattern -or $_.Path -match $PathPattern)
        })
}

function Get-SpecContract {
    <#
    .SYNOPSIS
        The request validator for Pinterest's OpenAPI description ($env:PINTEREST_OPENAPI_SPEC,
        else <repo>/../shared/pinterest-api/openapi.json), or $null when it is missing. Under
        CI=true a missing spec is an error, not a skip.
    #>
    param([Parameter(Mandatory)] $Server)
    $path = if ($env:PINTEREST_OPENAPI_SPEC) { $env:PINTEREST_OPENAPI_SPEC } else { Join-Path (Split-Path (Get-RepoRoot)) 'shared/pinterest-api/openapi.json' }
    # Through the server's assembly: the module loads it in its own load context, where a type
    # literal would not find it.
    $type = $Server.GetType().Assembly.GetType('PinterestAds.Testing.Contract.OpenApiContract', $true)
    if (Test-Path $path) { return $type::Load($path) }
    if ($env:CI -eq 'true') { throw "The Pinterest OpenAPI spec is required under CI=true but was not found at $path (set PINTEREST_OPENAPI_SPEC)." }
    $null
}

Export-ModuleMember -Function *
