# docs/about_*.md -> about_*.help.txt, the plain text Get-Help shows for about topics: UPPERCASE
# section headings, paragraphs wrapped at 80 columns, code indented and kept line by line.

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

function Format-AboutBlock {
    <# The text lines of one markdown block inside an about topic section. #>
    param($Block)
    switch ($Block.Kind) {
        'Heading' {
            $indent = if ($Block.Level -le 3) { '  ' } else { '    ' }
            $indent + (Format-InlineMarkdown $Block.Text)
        }
        'Paragraph' { Format-WrappedText -Text (Format-InlineMarkdown $Block.Text) -Indent 4 }
        'List' {
            foreach ($item in $Block.Items) {
                $marker = Get-ListMarker $item
                $indent = 4 + $item.Indent
                # Continuation lines line up with the item text, not the marker.
                Format-WrappedText -Text "$marker $(Format-InlineMarkdown $item.Text)" -Indent $indent -HangingIndent ($indent + $marker.Length + 1)
            }
        }
        'Code' { foreach ($l in $Block.Text -split "`n") { ('        ' + $l).TrimEnd() } }
        'Table' { foreach ($l in $Block.Lines) { '    ' + $l } }
    }
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
        foreach ($block in ConvertTo-MarkdownBlock -Lines $section.Lines | Where-Object Kind -NE 'Comment') {
            if (-not $first) { $out.Add('') }
            $first = $false
            foreach ($l in Format-AboutBlock $block) { $out.Add($l) }
        }
    }
    ($out -join [Environment]::NewLine) + [Environment]::NewLine
}
