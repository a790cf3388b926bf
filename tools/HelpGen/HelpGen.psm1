# HelpGen: MAML help for a binary PowerShell module from platyPS schema-2.0 markdown plus live
# Get-Command metadata (platyPS is not available to us).
#
# Small layers, one job each:
#   markdown reader   Read-MarkdownDocument, ConvertTo-MarkdownBlock, Read-CommandHelpMarkdown
#   metadata reader   Get-CommandMetadata (imports the module in a child pwsh; never in this process)
#   validation/merge  Test-CommandHelp, Merge-CommandHelp
#   writers           Write-MamlHelpFile (System.Xml.XmlWriter), ConvertTo-AboutHelpText,
#                     New-CommandHelpMarkdown / Update-CommandHelpMarkdown (SYNTAX + yaml blocks)
# Build-MamlHelp.ps1 and Update-MarkdownHelp.ps1 are thin scripts over these functions.

Set-StrictMode -Version 3.0

$script:MshNamespace = 'http://msh'
$script:MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
$script:CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'
$script:MSHelpNamespace = 'http://msdn.microsoft.com/mshelp'

# platyPS leaves text like "{{ Fill in the Synopsis }}" / "{{ Add example code here }}" in new pages.
$script:PlaceholderPattern = '\{\{\s*(?:Fill|Add|Replace)\b[^}\r\n]*(?:\}\})?'
$script:CommandPagePattern = '^[A-Za-z]+-[A-Za-z][A-Za-z0-9]*\.md$'
$script:StandardParameterDescription = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}
$script:CommonParametersText = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, ' +
'-InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, ' +
'-WarningAction, and -WarningVariable. For more information, see ' +
'[about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'

#region Markdown reader ------------------------------------------------------------------------

function Get-MarkdownCodeMask {
    <# For each line: $true when it is a fence line or inside a fenced code block. #>
    [OutputType([bool[]])]
    param([AllowEmptyCollection()][string[]] $Lines)

    $mask = [bool[]]::new($Lines.Count)
    $fence = $null
    $script:UnclosedFenceLine = 0
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        $line = $Lines[$i]
        if ($null -eq $fence) {
            if ($line -match '^\s{0,3}(`{3,}|~{3,})') {
                $fence = $Matches[1]
                $mask[$i] = $true
                $script:UnclosedFenceLine = $i + 1
            }
        }
        else {
            $mask[$i] = $true
            if ($line -match '^\s{0,3}(`{3,}|~{3,})\s*$' -and $Matches[1][0] -eq $fence[0] -and
                $Matches[1].Length -ge $fence.Length) {
                $fence = $null
            }
        }
    }
    # Line (1-based) of a fence that is never closed, 0 if none; read right after the call.
    if ($null -eq $fence) { $script:UnclosedFenceLine = 0 }
    , $mask
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

    $frontMatter = [ordered]@{}
    $hasFrontMatter = $false
    $start = 0
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        for ($i = 1; $i -lt $lines.Count; $i++) {
            if ($lines[$i].Trim() -eq '---') { $hasFrontMatter = $true; break }
            if ($lines[$i] -match '^\s*([^:#][^:]*?)\s*:\s*(.*?)\s*$') { $frontMatter[$Matches[1]] = $Matches[2] }
        }
        if ($hasFrontMatter) { $start = $i + 1 } else { $frontMatter = [ordered]@{} }
    }

    $mask = Get-MarkdownCodeMask -Lines $lines
    $unclosedFenceLine = $script:UnclosedFenceLine
    $title = $null
    $titleLine = 0
    $beforeTitle = [System.Collections.Generic.List[string]]::new()
    $preamble = [System.Collections.Generic.List[string]]::new()
    $sections = [System.Collections.Generic.List[object]]::new()
    $current = $null
    for ($i = $start; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if (-not $mask[$i] -and $null -eq $title -and $null -eq $current -and $line -match '^#\s+(.+?)\s*#*\s*$') {
            $title = $Matches[1]
            $titleLine = $i + 1
            continue
        }
        if (-not $mask[$i] -and $line -match '^##\s+(.+?)\s*#*\s*$') {
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
        HasFrontMatter = $hasFrontMatter
        FrontMatter    = $frontMatter
        BeforeTitle    = $beforeTitle
        Title          = $title
        TitleLine      = $titleLine
        Preamble       = $preamble
        Sections       = $sections
        Lines          = $lines
        # An unclosed ``` swallows every later heading: reported as a problem, and pages with one
        # are never rewritten by Update-CommandHelpMarkdown.
        UnclosedFence  = $unclosedFenceLine
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
    $mask = Get-MarkdownCodeMask -Lines $Lines
    $intro = [System.Collections.Generic.List[string]]::new()
    $subsections = [System.Collections.Generic.List[object]]::new()
    $current = $null
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        if (-not $mask[$i] -and $Lines[$i] -match '^###\s+(.+?)\s*#*\s*$') {
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

function ConvertTo-MarkdownBlock {
    <#
    .SYNOPSIS
        Turns markdown lines into blocks: Paragraph, Code, List, Table, Heading.
        Deliberately small: the subset platyPS pages use.
    #>
    [CmdletBinding()]
    param([AllowEmptyCollection()][string[]] $Lines)

    if ($null -eq $Lines) { return }
    $listPattern = '^(\s*)([-*+]|\d+[.)])\s+(.*)$'
    $i = 0
    while ($i -lt $Lines.Count) {
        $line = $Lines[$i]
        if ($line.Trim() -eq '') { $i++; continue }

        if ($line -match '^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)') {
            $fence = $Matches[1]
            $language = $Matches[2]
            $body = [System.Collections.Generic.List[string]]::new()
            $i++
            while ($i -lt $Lines.Count) {
                if ($Lines[$i] -match '^\s{0,3}(`{3,}|~{3,})\s*$' -and $Matches[1][0] -eq $fence[0] -and
                    $Matches[1].Length -ge $fence.Length) { $i++; break }
                $body.Add($Lines[$i])
                $i++
            }
            [pscustomobject]@{ Kind = 'Code'; Language = $language; Text = ($body -join "`n") }
            continue
        }

        if ($line -match '^(#{1,6})\s+(.+?)\s*#*\s*$') {
            [pscustomobject]@{ Kind = 'Heading'; Level = $Matches[1].Length; Text = $Matches[2] }
            $i++
            continue
        }

        if ($line -match '^\s*\|') {
            $rows = [System.Collections.Generic.List[string]]::new()
            while ($i -lt $Lines.Count -and $Lines[$i] -match '^\s*\|') { $rows.Add($Lines[$i].Trim()); $i++ }
            [pscustomobject]@{ Kind = 'Table'; Lines = $rows }
            continue
        }

        if ($line -match $listPattern) {
            $items = [System.Collections.Generic.List[object]]::new()
            $item = $null
            while ($i -lt $Lines.Count) {
                $current = $Lines[$i]
                if ($current -match $listPattern) {
                    $item = [pscustomobject]@{ Indent = $Matches[1].Length; Marker = $Matches[2]; Text = $Matches[3].Trim() }
                    $items.Add($item)
                    $i++
                    continue
                }
                if ($current.Trim() -eq '') {
                    # A blank line ends the list unless an item or an indented continuation follows.
                    $next = $i + 1
                    while ($next -lt $Lines.Count -and $Lines[$next].Trim() -eq '') { $next++ }
                    if ($next -lt $Lines.Count -and ($Lines[$next] -match $listPattern -or $Lines[$next] -match '^\s{2,}\S') -and
                        $Lines[$next] -notmatch '^\s{0,3}(`{3,}|~{3,})') {
                        $i = $next
                        continue
                    }
                    break
                }
                if ($current -match '^\s{0,3}(`{3,}|~{3,})' -or $current -match '^#{1,6}\s' -or $current -match '^\s*\|') { break }
                $item.Text = ($item.Text + ' ' + $current.Trim()).Trim()
                $i++
            }
            [pscustomobject]@{ Kind = 'List'; Items = $items }
            continue
        }

        $paragraph = [System.Collections.Generic.List[string]]::new()
        while ($i -lt $Lines.Count) {
            $current = $Lines[$i]
            if ($current.Trim() -eq '' -or $current -match '^\s{0,3}(`{3,}|~{3,})' -or $current -match '^#{1,6}\s' -or
                ($paragraph.Count -gt 0 -and ($current -match '^\s*([-*+]|\d+[.)])\s+' -or $current -match '^\s*\|'))) { break }
            $paragraph.Add($current.Trim())
            $i++
        }
        [pscustomobject]@{ Kind = 'Paragraph'; Text = ($paragraph -join ' ') }
    }
}

function Format-InlineMarkdown {
    <# Plain-text rendering of inline markdown for console help: links become "text (uri)". #>
    [OutputType([string])]
    param([AllowEmptyString()][string] $Text)

    $segments = $Text -split '(`[^`]*`)'
    $out = foreach ($segment in $segments) {
        if ($segment.StartsWith('`')) { $segment; continue }
        $s = [regex]::Replace($segment, '!?\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)', {
                param($m)
                $label = $m.Groups[1].Value
                $uri = $m.Groups[2].Value
                if ($uri -match '^[a-z][a-z0-9+.-]*://' -and $uri -ne $label) { "$label ($uri)" } else { $label }
            })
        $s = [regex]::Replace($s, '<((?:https?|mailto):[^>\s]+)>', '$1')
        [regex]::Replace($s, '\\([\\`*_{}\[\]()#+\-.!<>|])', '$1')
    }
    -join $out
}

function ConvertTo-HelpParagraph {
    <# One help paragraph (maml:para) per markdown paragraph, list item, code block or table. #>
    [OutputType([string[]])]
    param([AllowEmptyCollection()][object[]] $Block)

    $result = [System.Collections.Generic.List[string]]::new()
    foreach ($b in @($Block)) {
        if ($null -eq $b) { continue }
        switch ($b.Kind) {
            'Paragraph' { $result.Add((Format-InlineMarkdown $b.Text)) }
            'Heading' { $result.Add((Format-InlineMarkdown $b.Text)) }
            'List' {
                foreach ($item in $b.Items) {
                    $marker = if ($item.Marker -match '^\d') { $item.Marker } else { '-' }
                    $result.Add((' ' * $item.Indent) + $marker + ' ' + (Format-InlineMarkdown $item.Text))
                }
            }
            'Code' { $result.Add($b.Text) }
            'Table' { $result.Add(($b.Lines -join "`n")) }
        }
    }
    , $result.ToArray()
}

function Find-Placeholder {
    <# Lines of a markdown file that still contain {{ Fill in ... }} style placeholders. #>
    param([string[]] $Lines)
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        $m = [regex]::Match($Lines[$i], $script:PlaceholderPattern)
        if ($m.Success) { [pscustomobject]@{ Line = $i + 1; Text = $m.Value } }
    }
}

function Read-CommandHelpMarkdown {
    <#
    .SYNOPSIS
        Reads a platyPS schema-2.0 cmdlet page into a help model (prose only; the SYNTAX section and
        yaml blocks are ignored except "Default value:").
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Path)

    $doc = Read-MarkdownDocument -Path $Path

    $paragraphsOf = {
        param($Name)
        $section = Get-MarkdownSection -Document $doc -Name $Name
        if ($null -eq $section) { return , [string[]]@() }
        ConvertTo-HelpParagraph -Block @(ConvertTo-MarkdownBlock -Lines $section.Lines)
    }

    $synopsisSection = Get-MarkdownSection -Document $doc -Name 'SYNOPSIS'
    $synopsis = ((& $paragraphsOf 'SYNOPSIS') -join ' ').Trim()

    $examples = [System.Collections.Generic.List[object]]::new()
    $section = Get-MarkdownSection -Document $doc -Name 'EXAMPLES'
    if ($section) {
        foreach ($sub in (Split-MarkdownSubsection -Lines $section.Lines -FirstLine $section.Line).Subsections) {
            $blocks = @(ConvertTo-MarkdownBlock -Lines $sub.Lines)
            $code = @($blocks | Where-Object Kind -EQ 'Code' | ForEach-Object Text)
            $remarks = ConvertTo-HelpParagraph -Block @($blocks | Where-Object Kind -NE 'Code')
            $examples.Add([pscustomobject]@{
                    Title   = $sub.Title
                    Line    = $sub.Line
                    Code    = ($code -join "`n`n")
                    Remarks = $remarks
                })
        }
    }

    $parameters = [System.Collections.Generic.List[object]]::new()
    $section = Get-MarkdownSection -Document $doc -Name 'PARAMETERS'
    if ($section) {
        foreach ($sub in (Split-MarkdownSubsection -Lines $section.Lines -FirstLine $section.Line).Subsections) {
            if ($sub.Title -match '^<?CommonParameters>?$') { continue }
            $blocks = @(ConvertTo-MarkdownBlock -Lines $sub.Lines)
            $yaml = @($blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -eq 'yaml' })
            $defaultValue = $null
            foreach ($y in $yaml) {
                if ($null -eq $defaultValue -and $y.Text -match '(?m)^\s*Default value:[ \t]*(.*?)\s*$') { $defaultValue = $Matches[1] }
            }
            $parameters.Add([pscustomobject]@{
                    Name         = ($sub.Title -replace '^-', '').Trim()
                    Heading      = $sub.Title
                    Line         = $sub.Line
                    Description  = ConvertTo-HelpParagraph -Block @($blocks | Where-Object { -not ($_.Kind -eq 'Code' -and $_.Language -eq 'yaml') })
                    DefaultValue = $defaultValue
                })
        }
    }

    $typesOf = {
        param($Name)
        $s = Get-MarkdownSection -Document $doc -Name $Name
        if ($null -eq $s) { return }
        foreach ($sub in (Split-MarkdownSubsection -Lines $s.Lines -FirstLine $s.Line).Subsections) {
            [pscustomobject]@{
                TypeName    = Format-InlineMarkdown $sub.Title
                Description = ConvertTo-HelpParagraph -Block @(ConvertTo-MarkdownBlock -Lines $sub.Lines)
            }
        }
    }

    $links = [System.Collections.Generic.List[object]]::new()
    $section = Get-MarkdownSection -Document $doc -Name 'RELATED LINKS'
    if ($section) {
        foreach ($line in $section.Lines) {
            foreach ($m in [regex]::Matches($line, '\[([^\]]+)\]\(([^)\s]*)\)')) {
                $links.Add([pscustomobject]@{ Text = $m.Groups[1].Value; Uri = $m.Groups[2].Value })
            }
            if ($line.Trim() -match '^<?(https?://[^\s>]+)>?$') {
                $links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[1] })
            }
        }
    }

    [pscustomobject]@{
        Path            = $Path
        FileName        = [System.IO.Path]::GetFileName($Path)
        Name            = $doc.Title
        TitleLine       = $doc.TitleLine
        HasFrontMatter  = $doc.HasFrontMatter
        FrontMatter     = $doc.FrontMatter
        SectionNames    = @($doc.Sections | ForEach-Object Name)
        Synopsis        = $synopsis
        SynopsisLine    = if ($synopsisSection) { $synopsisSection.Line } else { 0 }
        Description     = & $paragraphsOf 'DESCRIPTION'
        Examples        = $examples.ToArray()
        Parameters      = $parameters.ToArray()
        Inputs          = @(& $typesOf 'INPUTS')
        Outputs         = @(& $typesOf 'OUTPUTS')
        Notes           = & $paragraphsOf 'NOTES'
        RelatedLinks    = $links.ToArray()
        Placeholders    = @(Find-Placeholder -Lines $doc.Lines)
        UnclosedFence   = $doc.UnclosedFence
    }
}

function Get-CommandHelpMarkdown {
    <# Reads every docs/<Verb-Noun>.md page of a folder. Returns a name -> page dictionary. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $DocsPath)

    $pages = [ordered]@{}
    if (-not (Test-Path -LiteralPath $DocsPath -PathType Container)) { return $pages }
    foreach ($file in Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File | Sort-Object Name) {
        if ($file.Name -notmatch $script:CommandPagePattern) { continue }
        $pages[$file.BaseName] = Read-CommandHelpMarkdown -Path $file.FullName
    }
    $pages
}

#endregion

#region Metadata reader -----------------------------------------------------------------------

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
        $null = Invoke-ChildPwsh -File (Join-Path $PSScriptRoot 'Export-CommandMetadata.ps1') -ArgumentList @(
            '-ModuleManifest', $manifest, '-OutFile', $outFile)
        [System.IO.File]::ReadAllText($outFile) | ConvertFrom-Json
    }
    finally {
        Remove-Item -LiteralPath $outFile -ErrorAction SilentlyContinue
    }
}

#endregion

#region Validation and merge ----------------------------------------------------------------------

function New-HelpProblem {
    param([string] $Command, [string] $File, [int] $Line, [string] $Message)
    $where = if ($File) { if ($Line -gt 0) { "${File}:${Line}" } else { $File } } else { $Command }
    [pscustomobject]@{ Command = $Command; File = $File; Line = $Line; Message = $Message; Text = "${where}: $Message" }
}

function Test-OutputTypeMatch {
    param([string] $Declared, [string] $Documented)
    $Declared -eq $Documented -or $Declared.Split('.')[-1] -eq $Documented -or $Documented.Split('.')[-1] -eq $Declared
}

function Test-CommandHelp {
    <#
    .SYNOPSIS
        Checks cmdlet pages against the metadata. Returns problems (which fail the build) and
        warnings, each with a readable Text.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Metadata,
        [Parameter(Mandatory)][System.Collections.IDictionary] $Pages,
        [string] $DocsDisplayPath = 'docs'
    )

    $problems = [System.Collections.Generic.List[object]]::new()
    $warnings = [System.Collections.Generic.List[object]]::new()
    $exported = @{}
    foreach ($command in $Metadata.Commands) { $exported[$command.Name] = $command }

    foreach ($command in $Metadata.Commands) {
        $name = $command.Name
        $expectedFile = "$DocsDisplayPath/$name.md"
        $page = $Pages[$name]
        if ($null -eq $page) {
            $problems.Add((New-HelpProblem -Command $name -Message "no docs page: create $expectedFile (tools/HelpGen/Update-MarkdownHelp.ps1 writes a skeleton)"))
            continue
        }
        $file = "$DocsDisplayPath/$($page.FileName)"
        $add = { param($Message, $Line = 0) $problems.Add((New-HelpProblem -Command $name -File $file -Line $Line -Message $Message)) }

        if ($page.Name -cne $name) { & $add "title is '# $($page.Name)'; expected '# $name'" $page.TitleLine }
        if (-not $page.HasFrontMatter) {
            & $add "no YAML front matter (external help file, Module Name, online version, schema)"
        }
        else {
            $helpFile = "$($command.AssemblyFile)-Help.xml"
            if ($page.FrontMatter['external help file'] -ne $helpFile) {
                & $add "front matter 'external help file: $($page.FrontMatter['external help file'])'; expected '$helpFile'"
            }
            if ($page.FrontMatter['Module Name'] -ne $Metadata.ModuleName) {
                & $add "front matter 'Module Name: $($page.FrontMatter['Module Name'])'; expected '$($Metadata.ModuleName)'"
            }
        }
        if ($page.UnclosedFence) { & $add 'code fence is never closed (everything after it is read as code)' $page.UnclosedFence }
        foreach ($placeholder in $page.Placeholders) { & $add "placeholder text remains: $($placeholder.Text)" $placeholder.Line }
        if (-not $page.Synopsis) { & $add 'empty or missing ## SYNOPSIS' }
        if (@($page.Description | Where-Object { $_.Trim() }).Count -eq 0) { & $add 'empty or missing ## DESCRIPTION' }

        $examples = @($page.Examples | Where-Object { $_.Code.Trim() })
        if ($examples.Count -eq 0) { & $add 'no example: add "### Example 1: <title>" with a fenced code block under ## EXAMPLES' }
        foreach ($example in $page.Examples) {
            if (-not $example.Code.Trim()) { & $add "example '$($example.Title)' has no code block" $example.Line }
        }

        $documented = @{}
        foreach ($parameter in $page.Parameters) {
            $real = $command.Parameters | Where-Object Name -EQ $parameter.Name | Select-Object -First 1
            if ($null -eq $real) {
                $aliasOf = $command.Parameters | Where-Object { $_.Aliases -contains $parameter.Name } | Select-Object -First 1
                $hint = if ($aliasOf) { " (it is an alias of -$($aliasOf.Name); document -$($aliasOf.Name) instead)" } else { '' }
                & $add "documents parameter -$($parameter.Name) but $name has no such parameter$hint" $parameter.Line
                continue
            }
            if ($documented.ContainsKey($real.Name)) { & $add "parameter -$($real.Name) is documented twice" $parameter.Line }
            $documented[$real.Name] = $parameter
            if ($real.Name -cne $parameter.Name) { & $add "heading '### -$($parameter.Name)' should be spelled '### -$($real.Name)'" $parameter.Line }
        }
        foreach ($parameter in $command.Parameters) {
            $doc = $documented[$parameter.Name]
            $hasText = $doc -and @($doc.Description | Where-Object { $_.Trim() }).Count -gt 0
            if ($hasText -or ($parameter.IsShouldProcess -and $null -eq $doc)) { continue }
            if ($null -eq $doc) { & $add "parameter -$($parameter.Name) has no description (add '### -$($parameter.Name)' under ## PARAMETERS)" }
            else { & $add "parameter -$($parameter.Name) has an empty description" $doc.Line }
        }

        $declared = @($command.OutputTypes)
        foreach ($output in $page.Outputs) {
            if ($output.TypeName -eq 'None' -and $declared.Count -eq 0) { continue }
            if (-not ($declared | Where-Object { Test-OutputTypeMatch $_ $output.TypeName })) {
                $warnings.Add((New-HelpProblem -Command $name -File $file -Message "documents output type '$($output.TypeName)' that [OutputType] does not declare (declared: $(if ($declared) { $declared -join ', ' } else { 'none' }))"))
            }
        }
    }

    foreach ($pageName in $Pages.Keys) {
        if (-not $exported.ContainsKey($pageName)) {
            $problems.Add((New-HelpProblem -Command $pageName -File "$DocsDisplayPath/$($Pages[$pageName].FileName)" -Message "page for '$pageName', which the module does not export (rename or delete the page)"))
        }
    }

    [pscustomobject]@{ Problems = $problems.ToArray(); Warnings = $warnings.ToArray() }
}

function Get-PipelineInputText {
    param([bool] $ByValue, [bool] $ByPropertyName)
    if ($ByValue -and $ByPropertyName) { 'True (ByValue, ByPropertyName)' }
    elseif ($ByValue) { 'True (ByValue)' }
    elseif ($ByPropertyName) { 'True (ByPropertyName)' }
    else { 'False' }
}

function Get-OrderedSetParameter {
    <# Syntax order: positional parameters by position, then the others as declared, -WhatIf/-Confirm last. #>
    param($ParameterSet, $Command)
    $entries = @($ParameterSet.Parameters)
    $positional = @($entries | Where-Object Position -NE 'named' | Sort-Object { [int] $_.Position })
    $named = @($entries | Where-Object Position -EQ 'named')
    $isShouldProcess = { param($p) $p.Name -in 'WhatIf', 'Confirm' }
    @($positional) + @($named | Where-Object { -not (& $isShouldProcess $_) }) + @($named | Where-Object { & $isShouldProcess $_ })
}

function Merge-CommandHelp {
    <#
    .SYNOPSIS
        Combines the metadata of one cmdlet (authoritative for syntax, types, attributes, outputs)
        with the prose of its page into the model Write-MamlHelpFile writes. $Page may be $null
        (lenient builds), then the prose is empty.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Command, $Page)

    $byName = @{}
    foreach ($parameter in $Command.Parameters) { $byName[$parameter.Name] = $parameter }
    $docs = @{}
    if ($Page) { foreach ($p in $Page.Parameters) { if (-not $docs.ContainsKey($p.Name)) { $docs[$p.Name] = $p } } }

    $sets = @($Command.ParameterSets | Where-Object IsDefault) + @($Command.ParameterSets | Where-Object { -not $_.IsDefault })
    $syntax = foreach ($set in $sets) {
        [pscustomobject]@{
            Name       = $set.Name
            Parameters = @(foreach ($entry in (Get-OrderedSetParameter -ParameterSet $set -Command $Command)) {
                    $meta = $byName[$entry.Name]
                    if ($null -eq $meta) { continue }
                    [pscustomobject]@{
                        Name           = $meta.Name
                        Required       = [bool] $entry.IsMandatory
                        Position       = $entry.Position
                        PipelineInput  = Get-PipelineInputText $entry.ValueFromPipeline $entry.ValueFromPipelineByPropertyName
                        Globbing       = [bool] $meta.Globbing
                        Aliases        = @($meta.Aliases)
                        Type           = $meta.Type
                        IsSwitch       = [bool] $meta.IsSwitch
                        VariableLength = [bool] $meta.IsArray
                        AcceptedValues = @($meta.AcceptedValues)
                    }
                })
        }
    }

    $parameters = foreach ($meta in ($Command.Parameters | Sort-Object Name)) {
        $entries = @($Command.ParameterSets | ForEach-Object { $_.Parameters } | Where-Object Name -EQ $meta.Name)
        $defaultSetEntry = @($Command.ParameterSets | Where-Object IsDefault | ForEach-Object { $_.Parameters } | Where-Object Name -EQ $meta.Name) | Select-Object -First 1
        $positionEntry = if ($defaultSetEntry) { $defaultSetEntry } else { $entries | Select-Object -First 1 }
        $doc = $docs[$meta.Name]
        $description = if ($doc) { @($doc.Description) } else { @() }
        if (@($description | Where-Object { $_.Trim() }).Count -eq 0 -and $script:StandardParameterDescription.ContainsKey($meta.Name)) {
            $description = @($script:StandardParameterDescription[$meta.Name])
        }
        $defaultValue = if ($doc -and $doc.DefaultValue) { $doc.DefaultValue } elseif ($meta.IsSwitch) { 'False' } else { 'None' }
        [pscustomobject]@{
            Name           = $meta.Name
            Description    = $description
            Required       = [bool] ($entries | Where-Object IsMandatory)
            Position       = if ($positionEntry) { $positionEntry.Position } else { 'named' }
            PipelineInput  = Get-PipelineInputText ([bool] ($entries | Where-Object ValueFromPipeline)) ([bool] ($entries | Where-Object ValueFromPipelineByPropertyName))
            Globbing       = [bool] $meta.Globbing
            Aliases        = @($meta.Aliases)
            Type           = $meta.Type
            IsSwitch       = [bool] $meta.IsSwitch
            VariableLength = [bool] $meta.IsArray
            AcceptedValues = @($meta.AcceptedValues)
            DefaultValue   = $defaultValue
        }
    }

    $declared = @($Command.OutputTypes)
    $documentedOutputs = if ($Page) { @($Page.Outputs) } else { @() }
    $outputs = if ($declared.Count -gt 0) {
        foreach ($type in $declared) {
            $doc = $documentedOutputs | Where-Object { Test-OutputTypeMatch $type $_.TypeName } | Select-Object -First 1
            [pscustomobject]@{ TypeName = $type; Description = if ($doc) { @($doc.Description) } else { @() } }
        }
    }
    else { $documentedOutputs }

    $links = [System.Collections.Generic.List[object]]::new()
    $online = if ($Page -and $Page.FrontMatter['online version']) { $Page.FrontMatter['online version'] } else { $Command.HelpUri }
    if ($online) { $links.Add([pscustomobject]@{ Text = 'Online Version:'; Uri = $online }) }
    if ($Page) {
        foreach ($link in $Page.RelatedLinks) {
            if ($online -and $link.Uri -eq $online) { continue }
            $uri = if ($link.Uri -match '^[a-z][a-z0-9+.-]*://') { $link.Uri } else { '' }
            $links.Add([pscustomobject]@{ Text = $link.Text; Uri = $uri })
        }
    }

    [pscustomobject]@{
        Name         = $Command.Name
        Verb         = $Command.Verb
        Noun         = $Command.Noun
        Synopsis     = if ($Page) { $Page.Synopsis } else { '' }
        Description  = if ($Page) { @($Page.Description) } else { @() }
        Syntax       = @($syntax)
        Parameters   = @($parameters)
        Inputs       = if ($Page) { @($Page.Inputs) } else { @() }
        Outputs      = @($outputs)
        Notes        = if ($Page) { @($Page.Notes) } else { @() }
        Examples     = if ($Page) { @($Page.Examples | Where-Object { $_.Code.Trim() }) } else { @() }
        RelatedLinks = $links.ToArray()
    }
}

#endregion

#region MAML writer -------------------------------------------------------------------------------

function Write-MamlParagraph {
    param([System.Xml.XmlWriter] $Writer, [string] $Prefix, [string] $Namespace, [string] $Element, [string[]] $Paragraph)
    $Writer.WriteStartElement($Prefix, $Element, $Namespace)
    foreach ($para in @($Paragraph)) {
        if ($null -eq $para) { continue }
        $Writer.WriteElementString('maml', 'para', $script:MamlNamespace, $para)
    }
    $Writer.WriteEndElement()
}

function Write-MamlParameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, [switch] $InSyntax)
    $w = $Writer
    $w.WriteStartElement('command', 'parameter', $script:CommandNamespace)
    $w.WriteAttributeString('required', $Parameter.Required.ToString().ToLowerInvariant())
    $w.WriteAttributeString('variableLength', $Parameter.VariableLength.ToString().ToLowerInvariant())
    $w.WriteAttributeString('globbing', $Parameter.Globbing.ToString().ToLowerInvariant())
    $w.WriteAttributeString('pipelineInput', $Parameter.PipelineInput)
    $w.WriteAttributeString('position', $Parameter.Position)
    $w.WriteAttributeString('aliases', $(if (@($Parameter.Aliases).Count) { @($Parameter.Aliases) -join ', ' } else { 'none' }))
    $w.WriteElementString('maml', 'name', $script:MamlNamespace, $Parameter.Name)
    if (-not $InSyntax) {
        Write-MamlParagraph -Writer $w -Prefix 'maml' -Namespace $script:MamlNamespace -Element 'description' -Paragraph $Parameter.Description
    }
    if (@($Parameter.AcceptedValues).Count -gt 0) {
        $w.WriteStartElement('command', 'parameterValueGroup', $script:CommandNamespace)
        foreach ($value in $Parameter.AcceptedValues) {
            $w.WriteStartElement('command', 'parameterValue', $script:CommandNamespace)
            $w.WriteAttributeString('required', 'false')
            $w.WriteAttributeString('command', 'variableLength', $script:CommandNamespace, 'false')
            $w.WriteString($value)
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }
    if (-not $Parameter.IsSwitch) {
        $w.WriteStartElement('command', 'parameterValue', $script:CommandNamespace)
        $w.WriteAttributeString('required', 'true')
        $w.WriteAttributeString('variableLength', $Parameter.VariableLength.ToString().ToLowerInvariant())
        $w.WriteString($Parameter.Type)
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $script:DevNamespace)
    $w.WriteElementString('maml', 'name', $script:MamlNamespace, $Parameter.Type)
    $w.WriteElementString('maml', 'uri', $script:MamlNamespace, '')
    $w.WriteEndElement()
    if (-not $InSyntax) {
        $w.WriteElementString('dev', 'defaultValue', $script:DevNamespace, $Parameter.DefaultValue)
    }
    $w.WriteEndElement()
}

function Write-MamlTypeList {
    param([System.Xml.XmlWriter] $Writer, [string] $ListElement, [string] $ItemElement, [object[]] $Types)
    $w = $Writer
    $w.WriteStartElement('command', $ListElement, $script:CommandNamespace)
    foreach ($type in @($Types)) {
        if ($null -eq $type) { continue }
        $w.WriteStartElement('command', $ItemElement, $script:CommandNamespace)
        $w.WriteStartElement('dev', 'type', $script:DevNamespace)
        $w.WriteElementString('maml', 'name', $script:MamlNamespace, $type.TypeName)
        $w.WriteEndElement()
        Write-MamlParagraph -Writer $w -Prefix 'maml' -Namespace $script:MamlNamespace -Element 'description' -Paragraph $type.Description
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
}

function Write-MamlCommand {
    param([System.Xml.XmlWriter] $Writer, $Help)
    $w = $Writer
    $w.WriteStartElement('command', 'command', $script:CommandNamespace)
    $w.WriteAttributeString('xmlns', 'maml', $null, $script:MamlNamespace)
    $w.WriteAttributeString('xmlns', 'command', $null, $script:CommandNamespace)
    $w.WriteAttributeString('xmlns', 'dev', $null, $script:DevNamespace)
    $w.WriteAttributeString('xmlns', 'MSHelp', $null, $script:MSHelpNamespace)

    # 0 details (name, verb, noun, synopsis)
    $w.WriteStartElement('command', 'details', $script:CommandNamespace)
    $w.WriteElementString('command', 'name', $script:CommandNamespace, $Help.Name)
    $w.WriteElementString('command', 'verb', $script:CommandNamespace, $Help.Verb)
    $w.WriteElementString('command', 'noun', $script:CommandNamespace, $Help.Noun)
    Write-MamlParagraph -Writer $w -Prefix 'maml' -Namespace $script:MamlNamespace -Element 'description' -Paragraph @($Help.Synopsis)
    $w.WriteEndElement()

    # 1 description
    Write-MamlParagraph -Writer $w -Prefix 'maml' -Namespace $script:MamlNamespace -Element 'description' -Paragraph $Help.Description

    # 2 syntax
    $w.WriteStartElement('command', 'syntax', $script:CommandNamespace)
    foreach ($item in $Help.Syntax) {
        $w.WriteStartElement('command', 'syntaxItem', $script:CommandNamespace)
        $w.WriteElementString('maml', 'name', $script:MamlNamespace, $Help.Name)
        foreach ($parameter in $item.Parameters) { Write-MamlParameter -Writer $w -Parameter $parameter -InSyntax }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    # 3 parameters
    $w.WriteStartElement('command', 'parameters', $script:CommandNamespace)
    foreach ($parameter in $Help.Parameters) { Write-MamlParameter -Writer $w -Parameter $parameter }
    $w.WriteEndElement()

    # 4 inputs, 5 outputs
    if (@($Help.Inputs).Count -gt 0) {
        Write-MamlTypeList -Writer $w -ListElement 'inputTypes' -ItemElement 'inputType' -Types $Help.Inputs
    }
    if (@($Help.Outputs).Count -gt 0) {
        Write-MamlTypeList -Writer $w -ListElement 'returnValues' -ItemElement 'returnValue' -Types $Help.Outputs
    }

    # 6 notes (omitted when empty: Get-Help would print an empty NOTES heading)
    if (@($Help.Notes | Where-Object { $_ }).Count -gt 0) {
        $w.WriteStartElement('maml', 'alertSet', $script:MamlNamespace)
        Write-MamlParagraph -Writer $w -Prefix 'maml' -Namespace $script:MamlNamespace -Element 'alert' -Paragraph $Help.Notes
        $w.WriteEndElement()
    }

    # 7 examples
    $w.WriteStartElement('command', 'examples', $script:CommandNamespace)
    foreach ($example in $Help.Examples) {
        $w.WriteStartElement('command', 'example', $script:CommandNamespace)
        $w.WriteElementString('maml', 'title', $script:MamlNamespace, "--------- $($example.Title) ---------")
        $w.WriteElementString('dev', 'code', $script:DevNamespace, $example.Code)
        Write-MamlParagraph -Writer $w -Prefix 'dev' -Namespace $script:DevNamespace -Element 'remarks' -Paragraph $example.Remarks
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    # 8 related links
    $w.WriteStartElement('command', 'relatedLinks', $script:CommandNamespace)
    foreach ($link in $Help.RelatedLinks) {
        $w.WriteStartElement('maml', 'navigationLink', $script:MamlNamespace)
        $w.WriteElementString('maml', 'linkText', $script:MamlNamespace, $link.Text)
        $w.WriteElementString('maml', 'uri', $script:MamlNamespace, $link.Uri)
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteEndElement()
}

function Write-MamlHelpFile {
    <# Writes <helpItems> with one <command:command> per merged help model, escaped by XmlWriter. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][AllowEmptyCollection()][object[]] $Help, [Parameter(Mandatory)][string] $Path)

    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`n"
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $settings.CheckCharacters = $true

    $directory = Split-Path -Parent $Path
    if ($directory) { $null = New-Item -ItemType Directory -Force -Path $directory }
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $script:MshNamespace)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($item in $Help) { Write-MamlCommand -Writer $writer -Help $item }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

#endregion

#region About topics ------------------------------------------------------------------------------

function Format-WrappedText {
    <# Wraps at $Width; `code spans` are never split across lines and lose their backticks. #>
    param([string] $Text, [int] $Indent, [int] $HangingIndent = $Indent, [int] $Width = 80)
    $nbsp = [char] 0x001F  # a non-whitespace stand-in (\s matches U+00A0)
    $Text = [regex]::Replace($Text, '`([^`]+)`', { param($m) $m.Groups[1].Value.Replace(' ', $nbsp) })
    $words = @($Text -split '\s+' | Where-Object { $_ } | ForEach-Object { $_.Replace($nbsp, ' ') })
    $lines = [System.Collections.Generic.List[string]]::new()
    $current = ' ' * $Indent
    $empty = $true
    foreach ($word in $words) {
        if (-not $empty -and ($current.Length + 1 + $word.Length) -gt $Width) {
            $lines.Add($current)
            $current = (' ' * $HangingIndent) + $word
        }
        elseif ($empty) { $current += $word }
        else { $current += ' ' + $word }
        $empty = $false
    }
    if (-not $empty) { $lines.Add($current) }
    $lines
}

function ConvertTo-AboutHelpText {
    <#
    .SYNOPSIS
        Converts docs/about_*.md to the plain-text about_*.help.txt that Get-Help shows:
        H2 headings become UPPERCASE headings (TOPIC, SHORT DESCRIPTION, LONG DESCRIPTION, ...),
        paragraphs wrap at 80 columns, code blocks keep their lines.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)][string] $Path)

    $doc = Read-MarkdownDocument -Path $Path
    $topic = if ($doc.Title) { $doc.Title } else { [System.IO.Path]::GetFileNameWithoutExtension($Path) }
    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('TOPIC')
    $out.Add("    $topic")
    foreach ($section in $doc.Sections) {
        $out.Add('')
        $out.Add($section.Name.ToUpperInvariant())
        $first = $true
        foreach ($block in ConvertTo-MarkdownBlock -Lines $section.Lines) {
            if (-not $first) { $out.Add('') }
            $first = $false
            switch ($block.Kind) {
                'Heading' {
                    $indent = if ($block.Level -le 3) { '  ' } else { '    ' }
                    $out.Add($indent + (Format-InlineMarkdown $block.Text))
                }
                'Paragraph' { foreach ($l in Format-WrappedText -Text (Format-InlineMarkdown $block.Text) -Indent 4) { $out.Add($l) } }
                'List' {
                    foreach ($item in $block.Items) {
                        $marker = if ($item.Marker -match '^\d') { $item.Marker } else { '-' }
                        $indent = 4 + $item.Indent
                        $text = "$marker " + (Format-InlineMarkdown $item.Text)
                        foreach ($l in Format-WrappedText -Text $text -Indent $indent -HangingIndent ($indent + $marker.Length + 1)) { $out.Add($l) }
                    }
                }
                'Code' { foreach ($l in $block.Text -split "`n") { $out.Add(('        ' + $l).TrimEnd()) } }
                'Table' { foreach ($l in $block.Lines) { $out.Add('    ' + $l) } }
            }
        }
    }
    ($out -join [Environment]::NewLine) + [Environment]::NewLine
}

#endregion

#region Markdown writer (Update-MarkdownHelp) ---------------------------------------------------------

function Get-ShortTypeName {
    <# "System.Nullable[System.Decimal]" -> "Nullable[Decimal]" for readable syntax lines. #>
    param([string] $TypeName)
    [regex]::Replace($TypeName, '(?:[A-Za-z_][A-Za-z0-9_]*\.)+([A-Za-z_][A-Za-z0-9_]*)', '$1')
}

function Format-SyntaxLine {
    <# One syntax line from metadata, wrapped platyPS style (continuation lines start with a space). #>
    param($Command, $ParameterSet, [int] $Width = 110)
    $byName = @{}
    foreach ($p in $Command.Parameters) { $byName[$p.Name] = $p }
    $tokens = foreach ($entry in (Get-OrderedSetParameter -ParameterSet $ParameterSet -Command $Command)) {
        $meta = $byName[$entry.Name]
        if ($null -eq $meta) { continue }
        $name = if ($entry.Position -ne 'named') { "[-$($meta.Name)]" } else { "-$($meta.Name)" }
        $token = if ($meta.IsSwitch) { $name } else {
            $value = if (@($meta.AcceptedValues).Count) { '{' + ($meta.AcceptedValues -join ' | ') + '}' } else { '<' + (Get-ShortTypeName $meta.Type) + '>' }
            "$name $value"
        }
        if ($entry.IsMandatory) { $token } else { "[$token]" }
    }
    $tokens = @($tokens) + '[<CommonParameters>]'
    $lines = [System.Collections.Generic.List[string]]::new()
    $current = $Command.Name
    foreach ($token in $tokens) {
        if (($current.Length + 1 + $token.Length) -gt $Width -and $current.Trim()) {
            $lines.Add($current)
            $current = " $token"
        }
        else { $current += " $token" }
    }
    $lines.Add($current)
    $lines
}

function Format-SyntaxSection {
    param($Command)
    $sets = @($Command.ParameterSets | Where-Object IsDefault) + @($Command.ParameterSets | Where-Object { -not $_.IsDefault })
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('')
    $single = $sets.Count -eq 1 -and $sets[0].Name -eq '__AllParameterSets'
    foreach ($set in $sets) {
        if (-not $single) {
            $lines.Add("### $($set.Name)$(if ($set.IsDefault -and $sets.Count -gt 1) { ' (Default)' })")
        }
        $lines.Add('```')
        foreach ($l in Format-SyntaxLine -Command $Command -ParameterSet $set) { $lines.Add($l) }
        $lines.Add('```')
        $lines.Add('')
    }
    $lines
}

function Format-ParameterYaml {
    <# The ```yaml blocks of one parameter; one block per group of parameter sets that agree. #>
    param($Command, $Parameter, [string] $DefaultValue)
    $entries = foreach ($set in $Command.ParameterSets) {
        foreach ($entry in $set.Parameters) {
            if ($entry.Name -eq $Parameter.Name) { [pscustomobject]@{ Set = $set.Name; Entry = $entry } }
        }
    }
    $groups = @($entries | Group-Object { '{0}|{1}|{2}|{3}' -f $_.Entry.IsMandatory, $_.Entry.Position, $_.Entry.ValueFromPipeline, $_.Entry.ValueFromPipelineByPropertyName })
    $allSets = @($Command.ParameterSets).Count
    if (-not $DefaultValue) { $DefaultValue = if ($Parameter.IsSwitch) { 'False' } else { 'None' } }
    foreach ($group in $groups) {
        $first = $group.Group[0].Entry
        $setNames = if ($groups.Count -eq 1 -and $group.Count -eq $allSets) { '(All)' } else { ($group.Group.Set -join ', ') }
        '```yaml'
        "Type: $($Parameter.Type)"
        "Parameter Sets: $setNames"
        "Aliases: $(@($Parameter.Aliases) -join ', ')".TrimEnd()
        if (@($Parameter.AcceptedValues).Count) { "Accepted values: $($Parameter.AcceptedValues -join ', ')" }
        ''
        "Required: $(if ($first.IsMandatory) { 'True' } else { 'False' })"
        "Position: $(if ($first.Position -eq 'named') { 'Named' } else { $first.Position })"
        "Default value: $DefaultValue"
        "Accept pipeline input: $(Get-PipelineInputText $first.ValueFromPipeline $first.ValueFromPipelineByPropertyName)"
        "Accept wildcard characters: $(if ($Parameter.Globbing) { 'True' } else { 'False' })"
        '```'
        ''
    }
}

function Remove-YamlBlock {
    <# Subsection lines without their ```yaml blocks, trimmed of blank lines at both ends. #>
    param([AllowEmptyCollection()][string[]] $Lines)
    $kept = [System.Collections.Generic.List[string]]::new()
    $inYaml = $false
    foreach ($line in @($Lines)) {
        if (-not $inYaml -and $line -match '^\s{0,3}```\s*yaml\s*$') { $inYaml = $true; continue }
        if ($inYaml) { if ($line -match '^\s{0,3}```\s*$') { $inYaml = $false }; continue }
        $kept.Add($line)
    }
    while ($kept.Count -gt 0 -and -not $kept[0].Trim()) { $kept.RemoveAt(0) }
    while ($kept.Count -gt 0 -and -not $kept[$kept.Count - 1].Trim()) { $kept.RemoveAt($kept.Count - 1) }
    , $kept.ToArray()
}

function Format-ParametersSection {
    param($Command, $ExistingSection, [switch] $RemoveStaleParameters, [System.Collections.Generic.List[string]] $Log)
    $lines = [System.Collections.Generic.List[string]]::new()
    $existing = @{}
    $intro = @()
    $stale = [System.Collections.Generic.List[object]]::new()
    if ($ExistingSection) {
        $split = Split-MarkdownSubsection -Lines $ExistingSection.Lines
        $intro = @($split.Intro | Where-Object { $_.Trim() })
        foreach ($sub in $split.Subsections) {
            if ($sub.Title -match '^<?CommonParameters>?$') { continue }
            $name = $sub.Title -replace '^-', ''
            $real = $Command.Parameters | Where-Object Name -EQ $name | Select-Object -First 1
            if ($real) { $existing[$real.Name] = $sub } else { $stale.Add($sub) }
        }
    }
    $lines.Add('')
    foreach ($l in $intro) { $lines.Add($l) }
    if ($intro) { $lines.Add('') }
    foreach ($parameter in ($Command.Parameters | Sort-Object Name)) {
        $sub = $existing[$parameter.Name]
        $prose = if ($sub) { Remove-YamlBlock -Lines $sub.Lines } else { @() }
        $default = $null
        if ($sub -and (($sub.Lines -join "`n") -match '(?m)^\s*Default value:[ \t]*(.*?)\s*$')) { $default = $Matches[1] }
        if (-not $prose) {
            $prose = if ($script:StandardParameterDescription.ContainsKey($parameter.Name)) {
                @($script:StandardParameterDescription[$parameter.Name])
            }
            else { @("{{ Fill in the description of -$($parameter.Name) }}") }
            if (-not $sub) { $Log.Add("added parameter -$($parameter.Name)") }
        }
        $lines.Add("### -$($parameter.Name)")
        foreach ($l in $prose) { $lines.Add($l) }
        $lines.Add('')
        foreach ($l in Format-ParameterYaml -Command $Command -Parameter $parameter -DefaultValue $default) { $lines.Add($l) }
    }
    foreach ($sub in $stale) {
        if ($RemoveStaleParameters) { $Log.Add("removed stale parameter $($sub.Title)"); continue }
        $Log.Add("WARNING: $($sub.Title) is documented but $($Command.Name) has no such parameter (kept; use -RemoveStaleParameters to drop it)")
        $lines.Add($sub.Heading)
        foreach ($l in $sub.Lines) { $lines.Add($l) }
        if ($lines[$lines.Count - 1].Trim()) { $lines.Add('') }
    }
    $lines.Add('### CommonParameters')
    $lines.Add($script:CommonParametersText)
    $lines.Add('')
    $lines
}

function Get-SkeletonInputType {
    param($Command)
    $types = @(foreach ($set in $Command.ParameterSets) {
            foreach ($entry in $set.Parameters) {
                if ($entry.ValueFromPipeline) { ($Command.Parameters | Where-Object Name -EQ $entry.Name).Type }
            }
        }) | Select-Object -Unique
    if ($types) { $types } else { 'None' }
}

function New-CommandHelpMarkdown {
    <# A skeleton page (platyPS schema 2.0) with {{ Fill in ... }} placeholders; metadata parts filled in. #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] $Command, [Parameter(Mandatory)][string] $ModuleName, [string] $NewLine = "`n")

    $log = [System.Collections.Generic.List[string]]::new()
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.AddRange([string[]]@(
            '---'
            "external help file: $($Command.AssemblyFile)-Help.xml"
            "Module Name: $ModuleName"
            "online version: $($Command.HelpUri)".TrimEnd()
            'schema: 2.0.0'
            '---'
            ''
            "# $($Command.Name)"
            ''
            '## SYNOPSIS'
            '{{ Fill in the Synopsis }}'
            ''
            '## SYNTAX'))
    $lines.AddRange([string[]]@(Format-SyntaxSection -Command $Command))
    $lines.AddRange([string[]]@(
            '## DESCRIPTION'
            '{{ Fill in the Description }}'
            ''
            '## EXAMPLES'
            ''
            '### Example 1: {{ Add example title }}'
            '```powershell'
            '{{ Add example code here }}'
            '```'
            ''
            '{{ Add example description here }}'
            ''
            '## PARAMETERS'))
    $lines.AddRange([string[]]@(Format-ParametersSection -Command $Command -Log $log))
    $lines.Add('## INPUTS')
    $lines.Add('')
    foreach ($type in Get-SkeletonInputType -Command $Command) { $lines.Add("### $type"); $lines.Add('') }
    $lines.Add('## OUTPUTS')
    $lines.Add('')
    $outputs = @($Command.OutputTypes)
    if (-not $outputs) { $outputs = @('None') }
    foreach ($type in $outputs) { $lines.Add("### $type"); $lines.Add('') }
    $lines.AddRange([string[]]@(
            '## NOTES'
            ''
            '## RELATED LINKS'
            ''
            "[about_$ModuleName](about_$ModuleName.md)"))
    ($lines -join $NewLine) + $NewLine
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
    $nl = $doc.NewLine
    $log = [System.Collections.Generic.List[string]]::new()
    if ($doc.UnclosedFence) {
        $log.Add("WARNING: not updated: the code fence at line $($doc.UnclosedFence) is never closed; fix it first")
        return [pscustomobject]@{ Text = [System.IO.File]::ReadAllText((Resolve-Path -LiteralPath $Path).ProviderPath); Log = $log.ToArray() }
    }

    $front = [ordered]@{}
    foreach ($key in $doc.FrontMatter.Keys) { $front[$key] = $doc.FrontMatter[$key] }
    $front['external help file'] = "$($Command.AssemblyFile)-Help.xml"
    $front['Module Name'] = $ModuleName
    if (-not $front.Contains('online version')) { $front['online version'] = $Command.HelpUri }
    $front['schema'] = '2.0.0'
    $ordered = [ordered]@{}
    foreach ($key in 'external help file', 'Module Name', 'online version', 'schema') { $ordered[$key] = $front[$key] }
    foreach ($key in $front.Keys) { if (-not $ordered.Contains($key)) { $ordered[$key] = $front[$key] } }

    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('---')
    foreach ($key in $ordered.Keys) { $out.Add("${key}: $($ordered[$key])".TrimEnd()) }
    $out.Add('---')
    $beforeTitle = @($doc.BeforeTitle)
    if ($beforeTitle.Count -eq 0 -or $beforeTitle[0].Trim()) { $out.Add('') }
    foreach ($l in $beforeTitle) { $out.Add($l) }
    $out.Add("# $($Command.Name)")
    if ($doc.Title -and $doc.Title -cne $Command.Name) { $log.Add("renamed title '$($doc.Title)' to '$($Command.Name)'") }
    foreach ($l in $doc.Preamble) { $out.Add($l) }

    $sections = [System.Collections.Generic.List[object]]::new()
    foreach ($s in $doc.Sections) { $sections.Add($s) }
    $ensure = {
        param($Name, [string[]] $After)
        if (Get-MarkdownSection -Document ([pscustomobject]@{ Sections = $sections }) -Name $Name) { return }
        $index = 0
        foreach ($candidate in $After) {
            for ($j = 0; $j -lt $sections.Count; $j++) { if ($sections[$j].Name -eq $candidate) { $index = $j + 1 } }
            if ($index) { break }
        }
        $new = [pscustomobject]@{ Name = $Name; Heading = "## $Name"; Line = 0; Lines = [System.Collections.Generic.List[string]]::new() }
        $new.Lines.Add('')
        $sections.Insert($index, $new)
        $log.Add("added section ## $Name")
    }
    & $ensure 'SYNTAX' @('SYNOPSIS')
    & $ensure 'PARAMETERS' @('EXAMPLES', 'DESCRIPTION', 'SYNTAX')
    & $ensure 'OUTPUTS' @('INPUTS', 'PARAMETERS')

    foreach ($section in $sections) {
        $out.Add($section.Heading)
        switch ($section.Name) {
            'SYNTAX' { $body = Format-SyntaxSection -Command $Command }
            'PARAMETERS' { $body = Format-ParametersSection -Command $Command -ExistingSection $section -RemoveStaleParameters:$RemoveStaleParameters -Log $log }
            'OUTPUTS' {
                $body = [System.Collections.Generic.List[string]]::new()
                foreach ($l in $section.Lines) { $body.Add($l) }
                $documented = @((Split-MarkdownSubsection -Lines $section.Lines).Subsections | ForEach-Object Title)
                foreach ($type in @($Command.OutputTypes)) {
                    if ($documented | Where-Object { Test-OutputTypeMatch $type $_ }) { continue }
                    while ($body.Count -gt 0 -and -not $body[$body.Count - 1].Trim()) { $body.RemoveAt($body.Count - 1) }
                    $body.Add('')
                    $body.Add("### $type")
                    $body.Add('')
                    $log.Add("added output type $type")
                }
                if ($body.Count -eq 0 -or $body[$body.Count - 1].Trim()) { $body.Add('') }
            }
            default { $body = $section.Lines }
        }
        foreach ($l in $body) { $out.Add($l) }
    }
    while ($out.Count -gt 0 -and -not $out[$out.Count - 1].Trim()) { $out.RemoveAt($out.Count - 1) }

    [pscustomobject]@{
        Text = ($out -join $nl) + $nl
        Log  = $log.ToArray()
    }
}

#endregion

Export-ModuleMember -Function @(
    'Read-MarkdownDocument'
    'ConvertTo-MarkdownBlock'
    'ConvertTo-HelpParagraph'
    'Read-CommandHelpMarkdown'
    'Find-Placeholder'
    'Get-CommandHelpMarkdown'
    'Get-PwshInvocation'
    'Invoke-ChildPwsh'
    'Get-CommandMetadata'
    'Test-CommandHelp'
    'Merge-CommandHelp'
    'Write-MamlHelpFile'
    'ConvertTo-AboutHelpText'
    'New-CommandHelpMarkdown'
    'Update-CommandHelpMarkdown'
)
