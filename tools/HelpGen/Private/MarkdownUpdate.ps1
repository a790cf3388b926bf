# Refreshes an existing page from metadata: the front matter keys, ## SYNTAX, every parameter's yaml
# block, and headings for parameters and output types the page lacks. All other text is kept as the
# author wrote it, line for line.

function Format-FrontMatter {
    <# The page's front matter with the metadata-driven keys set; platyPS's four keys first, others kept. #>
    param($FrontMatter, $Command, [string] $ModuleName)
    $front = [ordered]@{}
    foreach ($key in $FrontMatter.Keys) { $front[$key] = $FrontMatter[$key] }
    $front['external help file'] = "$($Command.AssemblyFile)-Help.xml"
    $front['Module Name'] = $ModuleName
    # An author may point "online version" somewhere else than [Cmdlet(HelpUri)].
    if (-not $front.Contains('online version')) { $front['online version'] = $Command.HelpUri }
    $front['schema'] = '2.0.0'
    $ordered = [ordered]@{}
    foreach ($key in 'external help file', 'Module Name', 'online version', 'schema') { $ordered[$key] = $front[$key] }
    foreach ($key in $front.Keys) { if (-not $ordered.Contains($key)) { $ordered[$key] = $front[$key] } }

    '---'
    foreach ($key in $ordered.Keys) { "${key}: $($ordered[$key])".TrimEnd() }
    '---'
}

function Add-MissingSection {
    <# Inserts an empty "## $Name" after the first of $After that the page has (or first of all). #>
    param([System.Collections.Generic.List[object]] $Sections, [string] $Name, [string[]] $After, [System.Collections.Generic.List[string]] $Log)
    if (Get-MarkdownSection -Document ([pscustomobject]@{ Sections = $Sections }) -Name $Name) { return }
    $index = 0
    foreach ($candidate in $After) {
        for ($j = 0; $j -lt $Sections.Count; $j++) { if ($Sections[$j].Name -eq $candidate) { $index = $j + 1 } }
        if ($index) { break }
    }
    $new = [pscustomobject]@{ Name = $Name; Heading = "## $Name"; Line = 0; Lines = [System.Collections.Generic.List[string]]::new() }
    $new.Lines.Add('')
    $Sections.Insert($index, $new)
    $Log.Add("added section ## $Name")
}

function Format-OutputsSection {
    <# The page's ## OUTPUTS with a "### TypeName" heading added for each undocumented [OutputType]. #>
    param($Command, $Section, [System.Collections.Generic.List[string]] $Log)
    $body = [System.Collections.Generic.List[string]]::new()
    foreach ($l in $Section.Lines) { $body.Add($l) }
    $documented = @((Split-MarkdownSubsection -Lines $Section.Lines).Subsections | ForEach-Object Title)
    foreach ($type in @($Command.OutputTypes)) {
        if ($documented | Where-Object { Test-OutputTypeMatch $type $_ }) { continue }
        Remove-TrailingBlankLine $body
        $body.Add('')
        $body.Add("### $type")
        $body.Add('')
        $Log.Add("added output type $type")
    }
    if ($body.Count -eq 0 -or $body[$body.Count - 1].Trim()) { $body.Add('') }
    $body
}

function Remove-TrailingBlankLine {
    param([System.Collections.Generic.List[string]] $Lines)
    while ($Lines.Count -gt 0 -and -not $Lines[$Lines.Count - 1].Trim()) { $Lines.RemoveAt($Lines.Count - 1) }
}

function Update-CommandHelpMarkdown {
    <#
    .SYNOPSIS
        Rewrites the metadata-driven parts of an existing page (front matter keys, ## SYNTAX, the
        per-parameter ```yaml blocks, missing ### -Parameter and ### OutputType headings) and keeps
        all prose. Returns the new text and a log of what changed.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $Path,
        [Parameter(Mandatory)] $Command,
        [Parameter(Mandatory)][string] $ModuleName,
        [switch] $RemoveStaleParameters
    )

    $doc = Read-MarkdownDocument -Path $Path
    $log = [System.Collections.Generic.List[string]]::new()
    if ($doc.UnclosedFence) {
        # Everything after the fence would be read as code, so a rewrite could lose sections.
        $log.Add("WARNING: not updated: the code fence at line $($doc.UnclosedFence) is never closed; fix it first")
        return [pscustomobject]@{ Text = [System.IO.File]::ReadAllText((Resolve-Path -LiteralPath $Path).ProviderPath); Log = $log.ToArray() }
    }

    $out = [System.Collections.Generic.List[string]]::new()
    foreach ($l in Format-FrontMatter -FrontMatter $doc.FrontMatter -Command $Command -ModuleName $ModuleName) { $out.Add($l) }
    $beforeTitle = @($doc.BeforeTitle)
    if ($beforeTitle.Count -eq 0 -or $beforeTitle[0].Trim()) { $out.Add('') }
    foreach ($l in $beforeTitle) { $out.Add($l) }
    $out.Add("# $($Command.Name)")
    if ($doc.Title -and $doc.Title -cne $Command.Name) { $log.Add("renamed title '$($doc.Title)' to '$($Command.Name)'") }
    foreach ($l in $doc.Preamble) { $out.Add($l) }

    $sections = [System.Collections.Generic.List[object]]::new()
    foreach ($s in $doc.Sections) { $sections.Add($s) }
    Add-MissingSection -Sections $sections -Name 'SYNTAX' -After @('SYNOPSIS') -Log $log
    Add-MissingSection -Sections $sections -Name 'PARAMETERS' -After @('EXAMPLES', 'DESCRIPTION', 'SYNTAX') -Log $log
    Add-MissingSection -Sections $sections -Name 'OUTPUTS' -After @('INPUTS', 'PARAMETERS') -Log $log

    foreach ($section in $sections) {
        $out.Add($section.Heading)
        $body = switch ($section.Name) {
            'SYNTAX' { Format-SyntaxSection -Command $Command }
            'PARAMETERS' { Format-ParametersSection -Command $Command -ExistingSection $section -RemoveStaleParameters:$RemoveStaleParameters -Log $log }
            'OUTPUTS' { Format-OutputsSection -Command $Command -Section $section -Log $log }
            default { $section.Lines }
        }
        foreach ($l in $body) { $out.Add($l) }
    }
    Remove-TrailingBlankLine $out

    [pscustomobject]@{
        Text = ($out -join $doc.NewLine) + $doc.NewLine
        Log  = $log.ToArray()
    }
}
