# The ## SYNTAX section of a page, generated from metadata the way platyPS writes it, so authors never
# edit it by hand.

function Get-ShortTypeName {
    <# "System.Nullable[System.Decimal]" -> "Nullable[Decimal]" for readable syntax lines. #>
    param([string] $TypeName)
    [regex]::Replace($TypeName, '(?:[A-Za-z_][A-Za-z0-9_]*\.)+([A-Za-z_][A-Za-z0-9_]*)', '$1')
}

function Format-SyntaxToken {
    <# One parameter of a syntax line: [-Name] <Type>, -Name {A | B}, [-Switch] and so on. #>
    param($Meta, $Entry)
    $name = if ($Entry.Position -ne 'named') { "[-$($Meta.Name)]" } else { "-$($Meta.Name)" }
    $token = if ($Meta.IsSwitch) { $name } else {
        $value = if (@($Meta.AcceptedValues).Count) { '{' + ($Meta.AcceptedValues -join ' | ') + '}' } else { '<' + (Get-ShortTypeName $Meta.Type) + '>' }
        "$name $value"
    }
    if ($Entry.IsMandatory) { $token } else { "[$token]" }
}

function Format-SyntaxLine {
    <# One syntax line from metadata, wrapped platyPS style (continuation lines start with a space). #>
    param($Command, $ParameterSet, [int] $Width = 110)
    $byName = @{}
    foreach ($p in $Command.Parameters) { $byName[$p.Name] = $p }
    $tokens = foreach ($entry in (Get-OrderedSetParameter -ParameterSet $ParameterSet -Command $Command)) {
        $meta = $byName[$entry.Name]
        if ($null -eq $meta) { continue }
        Format-SyntaxToken -Meta $meta -Entry $entry
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
    <# The body of ## SYNTAX: one fenced block per parameter set, under "### SetName" when there are several. #>
    param($Command)
    $sets = @(Get-OrderedParameterSet -Command $Command)
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
