# Markdown blocks (Paragraph, Code, List, Table, Heading) and their plain-text rendering. Deliberately
# small: the subset platyPS pages use. Get-Help shows plain text, so inline markup is flattened here.

$script:ListItemPattern = '^(\s*)([-*+]|\d+[.)])\s+(.*)$'

function Test-BlockBoundary {
    <# True for a line that starts a code block, a heading, a table or a comment, and so ends a list or paragraph. #>
    [OutputType([bool])]
    param([string] $Line)
    $Line -match $script:FenceOpenPattern -or $Line -match '^#{1,6}\s' -or $Line -match '^\s*\|' -or $Line -match '^\s{0,3}<!--'
}

# Each Read-*Block takes the lines and the index of the block's first line, and returns the block
# and the index of the first line after it.

function Read-CodeBlock {
    param([string[]] $Lines, [int] $Start)
    $null = $Lines[$Start] -match '^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)'
    $fence = $Matches[1]
    $language = $Matches[2]
    $body = [System.Collections.Generic.List[string]]::new()
    $i = $Start + 1
    while ($i -lt $Lines.Count) {
        if (Test-FenceClose -Line $Lines[$i] -Fence $fence) { $i++; break }
        $body.Add($Lines[$i])
        $i++
    }
    [pscustomobject]@{ Block = [pscustomobject]@{ Kind = 'Code'; Language = $language; Text = ($body -join "`n") }; Next = $i }
}

function Read-TableBlock {
    param([string[]] $Lines, [int] $Start)
    $rows = [System.Collections.Generic.List[string]]::new()
    $i = $Start
    while ($i -lt $Lines.Count -and $Lines[$i] -match '^\s*\|') { $rows.Add($Lines[$i].Trim()); $i++ }
    [pscustomobject]@{ Block = [pscustomobject]@{ Kind = 'Table'; Lines = $rows }; Next = $i }
}

function Read-ListBlock {
    param([string[]] $Lines, [int] $Start)
    $items = [System.Collections.Generic.List[object]]::new()
    $item = $null
    $i = $Start
    while ($i -lt $Lines.Count) {
        $current = $Lines[$i]
        if ($current -match $script:ListItemPattern) {
            $item = [pscustomobject]@{ Indent = $Matches[1].Length; Marker = $Matches[2]; Text = $Matches[3].Trim() }
            $items.Add($item)
            $i++
            continue
        }
        if ($current.Trim() -eq '') {
            # A blank line ends the list unless an item or an indented continuation follows.
            $next = $i + 1
            while ($next -lt $Lines.Count -and $Lines[$next].Trim() -eq '') { $next++ }
            if ($next -lt $Lines.Count -and ($Lines[$next] -match $script:ListItemPattern -or $Lines[$next] -match '^\s{2,}\S') -and
                $Lines[$next] -notmatch $script:FenceOpenPattern) {
                $i = $next
                continue
            }
            break
        }
        if (Test-BlockBoundary $current) { break }
        # A lazy continuation line belongs to the item above it.
        $item.Text = ($item.Text + ' ' + $current.Trim()).Trim()
        $i++
    }
    [pscustomobject]@{ Block = [pscustomobject]@{ Kind = 'List'; Items = $items }; Next = $i }
}

function Read-ParagraphBlock {
    param([string[]] $Lines, [int] $Start)
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $i = $Start
    while ($i -lt $Lines.Count) {
        $current = $Lines[$i]
        # The first line never stops here: ConvertTo-MarkdownBlock sent every other kind elsewhere.
        if ($current.Trim() -eq '' -or (Test-BlockBoundary $current) -or $current -match $script:ListItemPattern) { break }
        $paragraph.Add($current.Trim())
        $i++
    }
    [pscustomobject]@{ Block = [pscustomobject]@{ Kind = 'Paragraph'; Text = ($paragraph -join ' ') }; Next = $i }
}

function Read-CommentBlock {
    <# An HTML comment (<!-- ... -->, one line or several): notes for tools, never shown in help. #>
    param([string[]] $Lines, [int] $Start)
    $body = [System.Collections.Generic.List[string]]::new()
    $i = $Start
    while ($i -lt $Lines.Count) {
        $body.Add($Lines[$i])
        $i++
        if ($Lines[$i - 1] -match '-->') { break }
    }
    $text = (($body -join "`n") -replace '^\s*<!--', '' -replace '-->\s*$', '').Trim()
    [pscustomobject]@{ Block = [pscustomobject]@{ Kind = 'Comment'; Text = $text }; Next = $i }
}

function ConvertTo-MarkdownBlock {
    <#
    .SYNOPSIS
        Turns markdown lines into blocks: Paragraph, Code, List, Table, Heading, and Comment (an
        HTML comment, which help output leaves out). Deliberately small: the subset platyPS pages use.
    #>
    [CmdletBinding()]
    param([AllowEmptyCollection()][string[]] $Lines)

    if ($null -eq $Lines) { return }
    $i = 0
    while ($i -lt $Lines.Count) {
        $line = $Lines[$i]
        if ($line.Trim() -eq '') { $i++; continue }
        if ($line -match '^(#{1,6})\s+(.+?)\s*#*\s*$') {
            [pscustomobject]@{ Kind = 'Heading'; Level = $Matches[1].Length; Text = $Matches[2] }
            $i++
            continue
        }
        $read = if ($line -match $script:FenceOpenPattern) { Read-CodeBlock $Lines $i }
        elseif ($line -match '^\s{0,3}<!--') { Read-CommentBlock $Lines $i }
        elseif ($line -match '^\s*\|') { Read-TableBlock $Lines $i }
        elseif ($line -match $script:ListItemPattern) { Read-ListBlock $Lines $i }
        else { Read-ParagraphBlock $Lines $i }
        $read.Block
        $i = $read.Next
    }
}

function Format-InlineMarkdown {
    <# Plain-text rendering of inline markdown for console help: links become "text (uri)". #>
    [OutputType([string])]
    param([AllowEmptyString()][string] $Text)

    $segments = $Text -split '(`[^`]*`)'
    $out = foreach ($segment in $segments) {
        # Code spans are kept as written, backticks included.
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

function Get-ListMarker {
    <# Numbered items keep their number; bullets (-, *, +) all print as '-'. #>
    param($Item)
    if ($Item.Marker -match '^\d') { $Item.Marker } else { '-' }
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
                    $result.Add((' ' * $item.Indent) + (Get-ListMarker $item) + ' ' + (Format-InlineMarkdown $item.Text))
                }
            }
            'Code' { $result.Add($b.Text) }
            'Table' { $result.Add(($b.Lines -join "`n")) }
        }
    }
    , $result.ToArray()
}
