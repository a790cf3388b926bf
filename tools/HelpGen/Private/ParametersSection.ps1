# The ## PARAMETERS section of a page: the prose under each "### -Name" is the author's and is kept;
# the ```yaml block after it is generated from metadata. The section always ends with the standard
# CommonParameters text.

$script:CommonParametersText = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, ' +
'-InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, ' +
'-WarningAction, and -WarningVariable. For more information, see ' +
'[about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'

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

function Split-DocumentedParameter {
    <#
    The existing section's intro lines, its "### -Name" subsections by real parameter name (a heading
    matches case-insensitively, so a misspelt case is corrected on rewrite), and the subsections of
    parameters the cmdlet no longer has.
    #>
    param($Command, $ExistingSection)
    $documented = @{}
    $intro = @()
    $stale = [System.Collections.Generic.List[object]]::new()
    if ($ExistingSection) {
        $split = Split-MarkdownSubsection -Lines $ExistingSection.Lines
        $intro = @($split.Intro | Where-Object { $_.Trim() })
        foreach ($sub in $split.Subsections) {
            if ($sub.Title -match $script:CommonParametersHeadingPattern) { continue }
            $name = $sub.Title -replace '^-', ''
            $real = $Command.Parameters | Where-Object Name -EQ $name | Select-Object -First 1
            if ($real) { $documented[$real.Name] = $sub } else { $stale.Add($sub) }
        }
    }
    [pscustomobject]@{ Intro = $intro; Documented = $documented; Stale = $stale }
}

function Get-ParameterProse {
    <# The author's text for a parameter; the standard or a placeholder text when there is none. #>
    param($Parameter, $Subsection, [System.Collections.Generic.List[string]] $Log)
    $prose = if ($Subsection) { Remove-YamlBlock -Lines $Subsection.Lines } else { @() }
    if ($prose) { return $prose }
    if (-not $Subsection) { $Log.Add("added parameter -$($Parameter.Name)") }
    if ($script:StandardParameterDescription.ContainsKey($Parameter.Name)) { return $script:StandardParameterDescription[$Parameter.Name] }
    "{{ Fill in the description of -$($Parameter.Name) }}"
}

function Format-ParametersSection {
    <# The body of ## PARAMETERS, sorted by name; stale parameters are kept (with a warning) unless removed. #>
    param($Command, $ExistingSection, [switch] $RemoveStaleParameters, [System.Collections.Generic.List[string]] $Log)
    $existing = Split-DocumentedParameter -Command $Command -ExistingSection $ExistingSection
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('')
    foreach ($l in $existing.Intro) { $lines.Add($l) }
    if ($existing.Intro) { $lines.Add('') }
    foreach ($parameter in ($Command.Parameters | Sort-Object Name)) {
        $sub = $existing.Documented[$parameter.Name]
        $default = if ($sub) { Find-DefaultValue ($sub.Lines -join "`n") }
        $lines.Add("### -$($parameter.Name)")
        foreach ($l in Get-ParameterProse -Parameter $parameter -Subsection $sub -Log $Log) { $lines.Add($l) }
        $lines.Add('')
        foreach ($l in Format-ParameterYaml -Command $Command -Parameter $parameter -DefaultValue $default) { $lines.Add($l) }
    }
    foreach ($sub in $existing.Stale) {
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
