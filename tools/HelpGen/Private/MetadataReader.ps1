# Cmdlet metadata (parameter sets, types, attributes, output types) comes from Get-Command, run in a
# child pwsh: importing the module here would load and lock its assemblies in the build process.

function Get-PwshInvocation {
    <# How to start another pwsh like this one: the apphost, or `dotnet pwsh.dll` for the dotnet tool. #>
    $path = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $name = [System.IO.Path]::GetFileNameWithoutExtension($path)
    if ($name -eq 'dotnet') {
        $dll = Join-Path $PSHOME 'pwsh.dll'
        if (Test-Path -LiteralPath $dll) { return [pscustomobject]@{ FilePath = $path; Arguments = @($dll) } }
    }
    elseif ($name -in 'pwsh', 'powershell') {
        return [pscustomobject]@{ FilePath = $path; Arguments = @() }
    }
    $pwsh = Get-Command -Name pwsh -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($pwsh) { return [pscustomobject]@{ FilePath = $pwsh.Source; Arguments = @() } }
    throw "HelpGen: cannot find a pwsh executable to start a child process (current host: $path)."
}

function Invoke-ChildPwsh {
    <# Runs a script file in a fresh `pwsh -NoProfile -NonInteractive`; throws with its output on failure. #>
    param([Parameter(Mandatory)][string] $File, [string[]] $ArgumentList = @())

    $pwsh = Get-PwshInvocation
    $arguments = @($pwsh.Arguments) + @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', $File) + $ArgumentList
    $output = & $pwsh.FilePath @arguments 2>&1 | ForEach-Object { "$_" }
    if ($LASTEXITCODE -ne 0) {
        throw "HelpGen: child pwsh failed (exit code $LASTEXITCODE) running $([System.IO.Path]::GetFileName($File)):`n" + ($output -join "`n")
    }
    $output
}

function Get-CommandMetadata {
    <#
    .SYNOPSIS
        Metadata of a module's exported cmdlets, read with Get-Command in a child pwsh so that the
        calling (build) process never loads or locks the module's assemblies.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ModuleManifest)

    $manifest = (Resolve-Path -LiteralPath $ModuleManifest -ErrorAction Stop).ProviderPath
    $outFile = Join-Path ([System.IO.Path]::GetTempPath()) ("helpgen-metadata-{0}.json" -f [guid]::NewGuid().ToString('n'))
    try {
        $null = Invoke-ChildPwsh -File (Join-Path $script:HelpGenRoot 'Export-CommandMetadata.ps1') -ArgumentList @(
            '-ModuleManifest', $manifest, '-OutFile', $outFile)
        [System.IO.File]::ReadAllText($outFile) | ConvertFrom-Json
    }
    finally {
        Remove-Item -LiteralPath $outFile -ErrorAction SilentlyContinue
    }
}
