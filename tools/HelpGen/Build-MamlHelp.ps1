#Requires -Version 7.2
<#
.SYNOPSIS
    Builds MAML help (<CmdletAssembly>.dll-Help.xml) and about_*.help.txt for a built binary module.

.DESCRIPTION
    Syntax, parameter sets, types, mandatory/position/pipeline/aliases/wildcards and output types
    come from Get-Command, run in a child pwsh (this process never loads the module). Prose comes
    from docs/<Verb-Noun>.md pages in platyPS schema-2.0 markdown; docs/about_*.md become
    about_*.help.txt.

    The build fails (exit code 1) listing every problem: a cmdlet without a page, a page without an
    example, a documented parameter the cmdlet does not have, a parameter without a description,
    leftover "{{ Fill in ... }}" placeholders, a page for a cmdlet the module does not export.
    -Lenient turns these into warnings and writes whatever help it can (local iteration only).

.EXAMPLE
    dotnet pwsh -NoProfile -File tools/HelpGen/Build-MamlHelp.ps1 -ModuleManifest out/PinterestAds/PinterestAds.psd1 -DocsPath docs -OutputPath out/PinterestAds/en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ModuleManifest,

    [string] $DocsPath = (Join-Path $PSScriptRoot '../../docs'),

    # Defaults to en-US next to the manifest.
    [string] $OutputPath,

    # Report problems as warnings instead of failing.
    [switch] $Lenient
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot 'HelpGen.psm1') -Force -Verbose:$false

$ModuleManifest = (Resolve-Path -LiteralPath $ModuleManifest).ProviderPath
if (-not $OutputPath) { $OutputPath = Join-Path (Split-Path -Parent $ModuleManifest) 'en-US' }
$OutputPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutputPath)
$DocsPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($DocsPath)
$docsDisplay = [System.IO.Path]::GetRelativePath((Get-Location).ProviderPath, $DocsPath) -replace '\\', '/'
if ($docsDisplay.StartsWith('..')) { $docsDisplay = $DocsPath }

$metadata = Get-CommandMetadata -ModuleManifest $ModuleManifest
$pages = Get-CommandHelpMarkdown -DocsPath $DocsPath
$result = Test-CommandHelp -Metadata $metadata -Pages $pages -DocsDisplayPath $docsDisplay

# About topics: docs/about_*.md -> about_*.help.txt
$aboutPages = @(if (Test-Path -LiteralPath $DocsPath) { Get-ChildItem -LiteralPath $DocsPath -Filter 'about_*.md' -File })
$problems = [System.Collections.Generic.List[string]]::new()
$warnings = [System.Collections.Generic.List[string]]::new()
foreach ($p in $result.Problems) { $problems.Add($p.Text) }
foreach ($w in $result.Warnings) { $warnings.Add($w.Text) }
foreach ($page in $aboutPages) {
    foreach ($placeholder in Find-Placeholder -Lines ([System.IO.File]::ReadAllLines($page.FullName))) {
        $problems.Add("$docsDisplay/$($page.Name):$($placeholder.Line): placeholder text remains: $($placeholder.Text)")
    }
}
if (-not ($aboutPages | Where-Object BaseName -EQ "about_$($metadata.ModuleName)")) {
    $warnings.Add("$docsDisplay/about_$($metadata.ModuleName).md not found: Get-Help about_$($metadata.ModuleName) will not work")
}

foreach ($w in $warnings) { Write-Warning $w }
if ($problems.Count -gt 0) {
    $message = "Help for $($metadata.ModuleName) has $($problems.Count) problem(s):`n" + (($problems | ForEach-Object { "  - $_" }) -join "`n")
    if (-not $Lenient) {
        $host.UI.WriteErrorLine($message + "`nFix the pages (tools/HelpGen/Update-MarkdownHelp.ps1 refreshes SYNTAX/parameters and creates skeletons), or pass -Lenient while iterating locally.")
        exit 1
    }
    Write-Warning $message
}

# One MAML file per cmdlet assembly (normally exactly one: PinterestAds.dll-Help.xml).
$null = New-Item -ItemType Directory -Force -Path $OutputPath
$written = [System.Collections.Generic.List[string]]::new()
foreach ($group in ($metadata.Commands | Group-Object AssemblyFile)) {
    $help = foreach ($command in $group.Group) { Merge-CommandHelp -Command $command -Page $pages[$command.Name] }
    $file = Join-Path $OutputPath "$($group.Name)-Help.xml"
    Write-MamlHelpFile -Help @($help) -Path $file
    $written.Add($file)
}
foreach ($page in $aboutPages) {
    $file = Join-Path $OutputPath "$($page.BaseName).help.txt"
    [System.IO.File]::WriteAllText($file, (ConvertTo-AboutHelpText -Path $page.FullName), [System.Text.UTF8Encoding]::new($false))
    $written.Add($file)
}

Write-Host ("HelpGen: {0} cmdlet(s), {1} about topic(s) -> {2}" -f @($metadata.Commands).Count, $aboutPages.Count, (($written | ForEach-Object { [System.IO.Path]::GetFileName($_) }) -join ', '))
