# A platyPS schema-2.0 cmdlet page -> the prose half of the help model. The SYNTAX section and the
# parameters' yaml blocks are ignored (metadata is authoritative for them), except "Default value:",
# which metadata cannot know.

# platyPS leaves text like "{{ Fill in the Synopsis }}" / "{{ Add example code here }}" in new pages.
$script:PlaceholderPattern = '\{\{\s*(?:Fill|Add|Replace)\b[^}\r\n]*(?:\}\})?'
$script:CommandPagePattern = '^[A-Za-z]+-[A-Za-z][A-Za-z0-9]*\.md$'

function Find-Placeholder {
    <# Lines of a markdown file that still contain {{ Fill in ... }} style placeholders. #>
    param([string[]] $Lines)
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        $m = [regex]::Match($Lines[$i], $script:PlaceholderPattern)
        if ($m.Success) { [pscustomobject]@{ Line = $i + 1; Text = $m.Value } }
    }
}

function Find-DefaultValue {
    <# The value of the first "Default value:" line of a parameter's yaml text; nothing when absent. #>
    param([string] $Text)
    if ($Text -match '(?m)^\s*Default value:[ \t]*(.*?)\s*$') { $Matches[1] }
}

function Get-MarkdownSubsection {
    <# The H3 subsections of the named H2 section; nothing when the page has no such section. #>
    param($Document, [string] $Name)
    $section = Get-MarkdownSection -Document $Document -Name $Name
    if ($section) { (Split-MarkdownSubsection -Lines $section.Lines -FirstLine $section.Line).Subsections }
}

function Get-SectionParagraph {
    <# The help paragraphs of a whole H2 section (SYNOPSIS, DESCRIPTION, NOTES). #>
    param($Document, [string] $Name)
    $section = Get-MarkdownSection -Document $Document -Name $Name
    if ($null -eq $section) { return , [string[]]@() }
    ConvertTo-HelpParagraph -Block @(ConvertTo-MarkdownBlock -Lines $section.Lines)
}

function Read-ExampleSection {
    <#
        "### Example N: title" subsections: code blocks are the example, HTML comments notes for
        tools (such as the example runner's), everything else its remarks.
    #>
    param($Document)
    foreach ($sub in Get-MarkdownSubsection -Document $Document -Name 'EXAMPLES') {
        $blocks = @(ConvertTo-MarkdownBlock -Lines $sub.Lines)
        $code = @($blocks | Where-Object Kind -EQ 'Code' | ForEach-Object Text)
        [pscustomobject]@{
            Title    = $sub.Title
            Line     = $sub.Line
            Code     = ($code -join "`n`n")
            Remarks  = ConvertTo-HelpParagraph -Block @($blocks | Where-Object Kind -NotIn 'Code', 'Comment')
            Comments = @($blocks | Where-Object Kind -EQ 'Comment' | ForEach-Object Text)
        }
    }
}

function Test-YamlBlock {
    param($Block)
    $Block.Kind -eq 'Code' -and $Block.Language -eq 'yaml'
}

function Read-ParameterSection {
    <# "### -Name" subsections: the prose is the description; the yaml blocks only give the default value. #>
    param($Document)
    foreach ($sub in Get-MarkdownSubsection -Document $Document -Name 'PARAMETERS') {
        if ($sub.Title -match $script:CommonParametersHeadingPattern) { continue }
        $blocks = @(ConvertTo-MarkdownBlock -Lines $sub.Lines)
        $defaultValue = $null
        foreach ($yaml in @($blocks | Where-Object { Test-YamlBlock $_ })) {
            if ($null -eq $defaultValue) { $defaultValue = Find-DefaultValue $yaml.Text }
        }
        [pscustomobject]@{
            Name         = ($sub.Title -replace '^-', '').Trim()
            Heading      = $sub.Title
            Line         = $sub.Line
            Description  = ConvertTo-HelpParagraph -Block @($blocks | Where-Object { -not (Test-YamlBlock $_) })
            DefaultValue = $defaultValue
        }
    }
}

function Read-TypeSection {
    <# INPUTS / OUTPUTS: one "### TypeName" subsection per type, its prose the description. #>
    param($Document, [string] $Name)
    foreach ($sub in Get-MarkdownSubsection -Document $Document -Name $Name) {
        [pscustomobject]@{
            TypeName    = Format-InlineMarkdown $sub.Title
            Description = ConvertTo-HelpParagraph -Block @(ConvertTo-MarkdownBlock -Lines $sub.Lines)
        }
    }
}

function Read-RelatedLinkSection {
    <# Markdown links and bare URLs (one per line) of RELATED LINKS. #>
    param($Document)
    $section = Get-MarkdownSection -Document $Document -Name 'RELATED LINKS'
    if ($null -eq $section) { return }
    foreach ($line in $section.Lines) {
        foreach ($m in [regex]::Matches($line, '\[([^\]]+)\]\(([^)\s]*)\)')) {
            [pscustomobject]@{ Text = $m.Groups[1].Value; Uri = $m.Groups[2].Value }
        }
        if ($line.Trim() -match '^<?(https?://[^\s>]+)>?$') {
            [pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[1] }
        }
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
    $synopsisSection = Get-MarkdownSection -Document $doc -Name 'SYNOPSIS'

    [pscustomobject]@{
        Path           = $Path
        FileName       = [System.IO.Path]::GetFileName($Path)
        Name           = $doc.Title
        TitleLine      = $doc.TitleLine
        HasFrontMatter = $doc.HasFrontMatter
        FrontMatter    = $doc.FrontMatter
        SectionNames   = @($doc.Sections | ForEach-Object Name)
        Synopsis       = ((Get-SectionParagraph -Document $doc -Name 'SYNOPSIS') -join ' ').Trim()
        SynopsisLine   = if ($synopsisSection) { $synopsisSection.Line } else { 0 }
        Description    = Get-SectionParagraph -Document $doc -Name 'DESCRIPTION'
        Examples       = @(Read-ExampleSection -Document $doc)
        Parameters     = @(Read-ParameterSection -Document $doc)
        Inputs         = @(Read-TypeSection -Document $doc -Name 'INPUTS')
        Outputs        = @(Read-TypeSection -Document $doc -Name 'OUTPUTS')
        Notes          = Get-SectionParagraph -Document $doc -Name 'NOTES'
        RelatedLinks   = @(Read-RelatedLinkSection -Document $doc)
        Placeholders   = @(Find-Placeholder -Lines $doc.Lines)
        UnclosedFence  = $doc.UnclosedFence
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
