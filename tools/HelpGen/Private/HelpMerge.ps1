# Metadata + page prose -> the help model Write-MamlHelpFile writes. Metadata is authoritative for
# everything Get-Command knows (syntax, types, attributes, outputs); the page only adds prose.

function Get-PipelineInputText {
    param([bool] $ByValue, [bool] $ByPropertyName)
    if ($ByValue -and $ByPropertyName) { 'True (ByValue, ByPropertyName)' }
    elseif ($ByValue) { 'True (ByValue)' }
    elseif ($ByPropertyName) { 'True (ByPropertyName)' }
    else { 'False' }
}

function Get-OrderedParameterSet {
    <# The default parameter set first, as Get-Help lists them. #>
    param($Command)
    @($Command.ParameterSets | Where-Object IsDefault) + @($Command.ParameterSets | Where-Object { -not $_.IsDefault })
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

function New-HelpParameter {
    <#
    One parameter of the help model. Required, position and pipeline input differ per parameter set,
    so the syntax passes one set's values and the PARAMETERS list a summary over all sets.
    #>
    param($Meta, [bool] $Required, $Position, [string] $PipelineInput)
    [ordered]@{
        Name           = $Meta.Name
        Required       = $Required
        Position       = $Position
        PipelineInput  = $PipelineInput
        Globbing       = [bool] $Meta.Globbing
        Aliases        = @($Meta.Aliases)
        Type           = $Meta.Type
        IsSwitch       = [bool] $Meta.IsSwitch
        VariableLength = [bool] $Meta.IsArray
        AcceptedValues = @($Meta.AcceptedValues)
    }
}

function Get-HelpSyntax {
    <# One syntax item per parameter set, default set first. #>
    param($Command)
    $byName = @{}
    foreach ($parameter in $Command.Parameters) { $byName[$parameter.Name] = $parameter }
    foreach ($set in Get-OrderedParameterSet -Command $Command) {
        [pscustomobject]@{
            Name       = $set.Name
            Parameters = @(foreach ($entry in (Get-OrderedSetParameter -ParameterSet $set -Command $Command)) {
                    $meta = $byName[$entry.Name]
                    if ($null -eq $meta) { continue }
                    $pipelineInput = Get-PipelineInputText $entry.ValueFromPipeline $entry.ValueFromPipelineByPropertyName
                    [pscustomobject](New-HelpParameter -Meta $meta -Required $entry.IsMandatory -Position $entry.Position -PipelineInput $pipelineInput)
                })
        }
    }
}

function Get-HelpParameterList {
    <# The PARAMETERS list, by name: required or pipeline-bound in any set; the position of the default set. #>
    param($Command, $Page)
    $docs = @{}
    if ($Page) { foreach ($p in $Page.Parameters) { if (-not $docs.ContainsKey($p.Name)) { $docs[$p.Name] = $p } } }

    foreach ($meta in ($Command.Parameters | Sort-Object Name)) {
        $entries = @($Command.ParameterSets | ForEach-Object { $_.Parameters } | Where-Object Name -EQ $meta.Name)
        $defaultSetEntry = @($Command.ParameterSets | Where-Object IsDefault | ForEach-Object { $_.Parameters } | Where-Object Name -EQ $meta.Name) | Select-Object -First 1
        $positionEntry = if ($defaultSetEntry) { $defaultSetEntry } else { $entries | Select-Object -First 1 }
        $doc = $docs[$meta.Name]
        $description = if ($doc) { @($doc.Description) } else { @() }
        if (@($description | Where-Object { $_.Trim() }).Count -eq 0 -and $script:StandardParameterDescription.ContainsKey($meta.Name)) {
            $description = @($script:StandardParameterDescription[$meta.Name])
        }

        $pipelineInput = Get-PipelineInputText ([bool] ($entries | Where-Object ValueFromPipeline)) ([bool] ($entries | Where-Object ValueFromPipelineByPropertyName))
        $parameter = New-HelpParameter -Meta $meta -Required ([bool] ($entries | Where-Object IsMandatory)) `
            -Position $(if ($positionEntry) { $positionEntry.Position } else { 'named' }) -PipelineInput $pipelineInput
        $parameter['Description'] = $description
        $parameter['DefaultValue'] = if ($doc -and $doc.DefaultValue) { $doc.DefaultValue } elseif ($meta.IsSwitch) { 'False' } else { 'None' }
        [pscustomobject]$parameter
    }
}

function Get-HelpOutput {
    <# The declared [OutputType]s with the page's descriptions; the page's list when none is declared. #>
    param($Command, $Page)
    $declared = @($Command.OutputTypes)
    $documented = if ($Page) { @($Page.Outputs) } else { @() }
    if ($declared.Count -eq 0) { return $documented }
    foreach ($type in $declared) {
        $doc = $documented | Where-Object { Test-OutputTypeMatch $type $_.TypeName } | Select-Object -First 1
        [pscustomobject]@{ TypeName = $type; Description = if ($doc) { @($doc.Description) } else { @() } }
    }
}

function Get-HelpRelatedLink {
    <# "Online Version:" first (Get-Help -Online opens it), then the page's links; relative links lose their target. #>
    param($Command, $Page)
    $online = if ($Page -and $Page.FrontMatter['online version']) { $Page.FrontMatter['online version'] } else { $Command.HelpUri }
    if ($online) { [pscustomobject]@{ Text = 'Online Version:'; Uri = $online } }
    if (-not $Page) { return }
    foreach ($link in $Page.RelatedLinks) {
        if ($online -and $link.Uri -eq $online) { continue }
        $uri = if ($link.Uri -match '^[a-z][a-z0-9+.-]*://') { $link.Uri } else { '' }
        [pscustomobject]@{ Text = $link.Text; Uri = $uri }
    }
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

    [pscustomobject]@{
        Name         = $Command.Name
        Verb         = $Command.Verb
        Noun         = $Command.Noun
        Synopsis     = if ($Page) { $Page.Synopsis } else { '' }
        Description  = if ($Page) { @($Page.Description) } else { @() }
        Syntax       = @(Get-HelpSyntax -Command $Command)
        Parameters   = @(Get-HelpParameterList -Command $Command -Page $Page)
        Inputs       = if ($Page) { @($Page.Inputs) } else { @() }
        Outputs      = @(Get-HelpOutput -Command $Command -Page $Page)
        Notes        = if ($Page) { @($Page.Notes) } else { @() }
        Examples     = if ($Page) { @($Page.Examples | Where-Object { $_.Code.Trim() }) } else { @() }
        RelatedLinks = @(Get-HelpRelatedLink -Command $Command -Page $Page)
    }
}
