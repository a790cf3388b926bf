# Finds the documentation's examples and the notes for the runner beside them (HTML comments
# "example: ..."; see docs/README.md, "Examples are executed"). ExampleRunner.psm1 runs them.

Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1')
$script:RepoRoot = Get-RepoRoot
$script:DirectivePattern = '^\s*example:\s*(?<name>[a-z]+)\b\s*(?<argument>.*)$'
$script:DirectiveNames = 'skip', 'setup', 'check', 'errors', 'pester'

function ConvertTo-ExampleDirective {
    <# The runner's notes among HTML comments ("example: <name> <argument>"); other comments are ignored. #>
    param([AllowEmptyCollection()] [string[]] $Comment, [string] $Where)
    $directives = [ordered]@{ Skip = $null; Setup = @(); Check = @(); Errors = @(); Pester = $false; Problems = @() }
    foreach ($text in $Comment) {
        if ($text -notmatch $script:DirectivePattern) { continue }
        $name = $Matches.name; $argument = $Matches.argument.Trim()
        switch ($name) {
            'skip' { $directives.Skip = $argument -replace '^\((.*)\)$', '$1' }
            'setup' { $directives.Setup += $argument }
            'check' { $directives.Check += $argument }
            'errors' { $directives.Errors += @($argument -split '[,\s]+' | Where-Object { $_ }) }
            'pester' { $directives.Pester = $true }
            default { $directives.Problems += "$Where`: unknown directive 'example: $name' (use one of: $($script:DirectiveNames -join ', '))" }
        }
    }
    if ($null -ne $directives.Skip -and -not $directives.Skip) { $directives.Problems += "$Where`: 'example: skip' needs a reason, e.g. <!-- example: skip (needs a person at pinterest.com) -->" }
    [pscustomobject]$directives
}

function Get-DocExample {
    <#
    .SYNOPSIS
        Every example of the documentation: the "### Example N" blocks of each cmdlet page
        (docs/Verb-Noun.md), every powershell block of docs/about_*.md and every script in
        examples/. Each with its name, code and directives.
    #>
    param([string] $DocsPath = (Join-Path $script:RepoRoot 'docs'), [string] $ExamplesPath = (Join-Path $script:RepoRoot 'examples'))
    Import-Module (Join-Path $script:RepoRoot 'tools/HelpGen/HelpGen.psm1') -Scope Local

    foreach ($page in Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File | Sort-Object Name) {
        if ($page.BaseName -match '^[A-Za-z]+-[A-Za-z][A-Za-z0-9]*$') {
            foreach ($example in (Read-CommandHelpMarkdown -Path $page.FullName).Examples) {
                $where = "docs/$($page.Name):$($example.Line)"
                [pscustomobject]@{
                    Name       = "$($page.BaseName) $($example.Title -replace ':.*$', '')"
                    Where      = $where
                    Code       = $example.Code
                    Directives = ConvertTo-ExampleDirective -Comment $example.Comments -Where $where
                    IsScript   = $false
                }
            }
        }
        elseif ($page.BaseName -like 'about_*') {
            Get-AboutExample -Path $page.FullName
        }
    }

    foreach ($script in Get-ChildItem -LiteralPath $ExamplesPath -Filter '*.ps1' -File -ErrorAction Ignore | Sort-Object Name) {
        $where = "examples/$($script.Name)"
        $comments = @(Get-Content -LiteralPath $script.FullName | Where-Object { $_ -match '^\s*#\s*example:' } | ForEach-Object { $_ -replace '^\s*#\s*', '' })
        [pscustomobject]@{
            Name       = $where
            Where      = $where
            Code       = $script.FullName
            Directives = ConvertTo-ExampleDirective -Comment $comments -Where $where
            IsScript   = $true
        }
    }
}

function Get-AboutExample {
    <# The powershell blocks of an about topic, each with the comments right before it, named after its ### heading. #>
    param([string] $Path)
    $doc = Read-MarkdownDocument -Path $Path
    $name = [IO.Path]::GetFileNameWithoutExtension($Path)
    foreach ($section in $doc.Sections) {
        $heading = $section.Name
        $pending = [System.Collections.Generic.List[string]]::new()
        $count = @{}
        foreach ($block in ConvertTo-MarkdownBlock -Lines $section.Lines) {
            if ($block.Kind -eq 'Comment') { $pending.Add($block.Text); continue }
            if ($block.Kind -eq 'Heading') { $heading = $block.Text }
            if ($block.Kind -eq 'Code' -and $block.Language -eq 'powershell') {
                $count[$heading] = 1 + [int]$count[$heading]
                $where = "docs/$name.md, $heading"
                [pscustomobject]@{
                    Name       = "$name`: $heading$(if ($count[$heading] -gt 1) { " ($($count[$heading]))" })"
                    Where      = $where
                    Code       = $block.Text
                    Directives = ConvertTo-ExampleDirective -Comment $pending.ToArray() -Where $where
                    IsScript   = $false
                }
            }
            $pending.Clear()
        }
    }
}

Export-ModuleMember -Function Get-DocExample
