#Requires -Version 7.2
<#
.SYNOPSIS
    Refreshes the metadata-driven parts of docs/<Verb-Noun>.md pages from a built module, so
    authors only write prose.

.DESCRIPTION
    For every exported cmdlet (or the ones named by -Name):
    - no page yet: writes a platyPS schema-2.0 skeleton with "{{ Fill in ... }}" placeholders (the
      build fails until they are replaced);
    - page exists: rewrites the front matter keys, the ## SYNTAX section and every parameter's
      ```yaml block from Get-Command metadata, adds a "### -Name" section for new parameters and a
      "### TypeName" heading for undocumented [OutputType]s. All other text is kept as written.
      Sections of parameters the cmdlet no longer has are kept with a warning (-RemoveStaleParameters
      drops them).
    The module is imported in a child pwsh, never in this process.

.EXAMPLE
    dotnet pwsh -NoProfile -File tools/HelpGen/Update-MarkdownHelp.ps1 -ModuleManifest out/PinterestAds/PinterestAds.psd1

.EXAMPLE
    dotnet pwsh -NoProfile -File tools/HelpGen/Update-MarkdownHelp.ps1 -ModuleManifest out/PinterestAds/PinterestAds.psd1 -Name Get-PinCampaign -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string] $ModuleManifest,

    [string] $DocsPath = (Join-Path $PSScriptRoot '../../docs'),

    # Only these cmdlets (wildcards allowed). Default: every exported cmdlet.
    [SupportsWildcards()]
    [string[]] $Name = '*',

    [switch] $RemoveStaleParameters
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot 'HelpGen.psm1') -Force -Verbose:$false

$DocsPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($DocsPath)
$metadata = Get-CommandMetadata -ModuleManifest $ModuleManifest
$null = New-Item -ItemType Directory -Force -Path $DocsPath
$utf8 = [System.Text.UTF8Encoding]::new($false)

foreach ($command in $metadata.Commands) {
    if (-not ($Name | Where-Object { $command.Name -like $_ })) { continue }
    $path = Join-Path $DocsPath "$($command.Name).md"
    if (-not (Test-Path -LiteralPath $path)) {
        if ($PSCmdlet.ShouldProcess($path, 'Create skeleton help page')) {
            [System.IO.File]::WriteAllText($path, (New-CommandHelpMarkdown -Command $command -ModuleName $metadata.ModuleName), $utf8)
            Write-Host "created  $path (replace the {{ Fill in ... }} placeholders)"
        }
        continue
    }
    $update = Update-CommandHelpMarkdown -Path $path -Command $command -ModuleName $metadata.ModuleName -RemoveStaleParameters:$RemoveStaleParameters
    foreach ($entry in $update.Log) {
        if ($entry.StartsWith('WARNING: ')) { Write-Warning "$($command.Name): $($entry.Substring(9))" }
        else { Write-Verbose "$($command.Name): $entry" }
    }
    $current = [System.IO.File]::ReadAllText($path)
    if ($current -ceq $update.Text) { Write-Verbose "unchanged $path"; continue }
    if ($PSCmdlet.ShouldProcess($path, 'Update SYNTAX and parameter metadata')) {
        [System.IO.File]::WriteAllText($path, $update.Text, $utf8)
        Write-Host "updated  $path$(if ($update.Log) { ' (' + (($update.Log | Where-Object { -not $_.StartsWith('WARNING') }) -join '; ') + ')' })"
    }
}

$exported = @($metadata.Commands | ForEach-Object Name)
foreach ($page in Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File) {
    if ($page.Name -match '^[A-Za-z]+-[A-Za-z][A-Za-z0-9]*\.md$' -and $exported -notcontains $page.BaseName) {
        Write-Warning "$($page.Name) documents '$($page.BaseName)', which $($metadata.ModuleName) does not export"
    }
}
