# Markdown structure, nothing platyPS-specific: YAML front matter, the H1 title, H2 sections and H3
# subsections. Raw lines are kept so that a page can be written back with only some sections replaced.

# A fence opens with ``` or ~~~ (an info string such as "powershell" may follow) and closes with a
# bare run of the same character. Headings inside a fence are code, not structure.
$script:FenceOpenPattern = '^\s{0,3}(`{3,}|~{3,})'
$script:FenceClosePattern = '^\s{0,3}(`{3,}|~{3,})\s*$'

function Test-FenceClose {
    <# True when $Line closes a fence opened with $Fence: same character, at least as long. #>
    [OutputType([bool])]
    param([string] $Line, [string] $Fence)
    $Line -match $script:FenceClosePattern -and $Matches[1][0] -eq $Fence[0] -and $Matches[1].Length -ge $Fence.Length
}

function Get-MarkdownCodeMask {
    <#
    .SYNOPSIS
        Mask: for each line, $true when it is a fence line or inside a fenced code block.
        UnclosedFenceLine: the 1-based line of a fence that is never closed, 0 if none.
    #>
    param([AllowEmptyCollection()][string[]] $Lines)

    $mask = [bool[]]::new($Lines.Count)
    $fence = $null
    $openedAt = 0
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        if ($null -eq $fence) {
            if ($Lines[$i] -match $script:FenceOpenPattern) {
                $fence = $Matches[1]
                $mask[$i] = $true
                $openedAt = $i + 1
            }
        }
        else {
            $mask[$i] = $true
            if (Test-FenceClose -Line $Lines[$i] -Fence $fence) { $fence = $null }
        }
    }
    [pscustomobject]@{ Mask = $mask; UnclosedFenceLine = if ($null -eq $fence) { 0 } else { $openedAt } }
}

function Read-FrontMatter {
    <# The key: value pairs between a leading '---' line and the next one, and where the body starts. #>
    param([AllowEmptyCollection()][string[]] $Lines)

    $values = [ordered]@{}
    if ($Lines.Count -gt 0 -and $Lines[0].Trim() -eq '---') {
        for ($i = 1; $i -lt $Lines.Count; $i++) {
            if ($Lines[$i].Trim() -eq '---') {
                return [pscustomobject]@{ Found = $true; Values = $values; BodyStart = $i + 1 }
            }
            if ($Lines[$i] -match '^\s*([^:#][^:]*?)\s*:\s*(.*?)\s*$') { $values[$Matches[1]] = $Matches[2] }
        }
    }
    # No closing '---': the lines are body text, not front matter.
    [pscustomobject]@{ Found = $false; Values = [ordered]@{}; BodyStart = 0 }
}

function Read-MarkdownDocument {
    <#
    .SYNOPSIS
        Splits a markdown file into YAML front matter, the H1 title and H2 sections (raw lines kept,
        so a page can be written back with only some sections replaced).
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Path)

    $text = [System.IO.File]::ReadAllText((Resolve-Path -LiteralPath $Path).ProviderPath)
    $newLine = if ($text -match "`r`n") { "`r`n" } else { "`n" }
    $lines = [string[]]($text -split '\r?\n')
    if ($lines.Count -gt 0 -and $lines[-1] -eq '') { $lines = [string[]]($lines | Select-Object -SkipLast 1) }
    if ($null -eq $lines) { $lines = [string[]]@() }

    $frontMatter = Read-FrontMatter -Lines $lines
    $code = Get-MarkdownCodeMask -Lines $lines
    $title = $null
    $titleLine = 0
    $beforeTitle = [System.Collections.Generic.List[string]]::new()
    $preamble = [System.Collections.Generic.List[string]]::new()
    $sections = [System.Collections.Generic.List[object]]::new()
    $current = $null
    for ($i = $frontMatter.BodyStart; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        $isText = -not $code.Mask[$i]
        if ($isText -and $null -eq $title -and $null -eq $current -and $line -match '^#\s+(.+?)\s*#*\s*$') {
            $title = $Matches[1]
            $titleLine = $i + 1
            continue
        }
        if ($isText -and $line -match '^##\s+(.+?)\s*#*\s*$') {
            $current = [pscustomobject]@{
                Name    = $Matches[1].Trim()
                Heading = $line
                Line    = $i + 1
                Lines   = [System.Collections.Generic.List[string]]::new()
            }
            $sections.Add($current)
            continue
        }
        if ($null -ne $current) { $current.Lines.Add($line) }
        elseif ($null -ne $title) { $preamble.Add($line) }
        else { $beforeTitle.Add($line) }
    }

    [pscustomobject]@{
        Path           = $Path
        NewLine        = $newLine
        HasFrontMatter = $frontMatter.Found
        FrontMatter    = $frontMatter.Values
        BeforeTitle    = $beforeTitle
        Title          = $title
        TitleLine      = $titleLine
        Preamble       = $preamble
        Sections       = $sections
        Lines          = $lines
        # An unclosed ``` swallows every later heading: reported as a problem, and pages with one
        # are never rewritten by Update-CommandHelpMarkdown.
        UnclosedFence  = $code.UnclosedFenceLine
    }
}

function Get-MarkdownSection {
    <# The first H2 section with this name (case-insensitive), or $null. #>
    param($Document, [string] $Name)
    foreach ($section in $Document.Sections) {
        if ($section.Name -eq $Name) { return $section }
    }
}

function Split-MarkdownSubsection {
    <# Splits section lines at H3 headings. Returns the lines before the first H3 and the subsections. #>
    param([AllowEmptyCollection()][string[]] $Lines, [int] $FirstLine = 0)

    if ($null -eq $Lines) { $Lines = @() }
    $code = Get-MarkdownCodeMask -Lines $Lines
    $intro = [System.Collections.Generic.List[string]]::new()
    $subsections = [System.Collections.Generic.List[object]]::new()
    $current = $null
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        if (-not $code.Mask[$i] -and $Lines[$i] -match '^###\s+(.+?)\s*#*\s*$') {
            $current = [pscustomobject]@{
                Title   = $Matches[1].Trim()
                Heading = $Lines[$i]
                Line    = $FirstLine + $i + 1
                Lines   = [System.Collections.Generic.List[string]]::new()
            }
            $subsections.Add($current)
        }
        elseif ($null -ne $current) { $current.Lines.Add($Lines[$i]) }
        else { $intro.Add($Lines[$i]) }
    }
    [pscustomobject]@{ Intro = $intro; Subsections = $subsections }
}
