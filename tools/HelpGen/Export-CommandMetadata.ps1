<#
.SYNOPSIS
    Child-process half of the metadata reader: imports a built module and writes the metadata of
    its exported cmdlets as JSON.

.DESCRIPTION
    HelpGen never loads the module in the build's own process. Get-CommandMetadata (Private/MetadataReader.ps1)
    starts `pwsh -NoProfile -NonInteractive -File Export-CommandMetadata.ps1` and reads the JSON
    this script writes. Everything here comes from Get-Command; nothing is hand-typed.
    Common parameters are left out; -WhatIf and -Confirm are kept (flagged IsShouldProcess) because
    Get-Help shows them in the syntax of a ShouldProcess cmdlet.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ModuleManifest,

    [Parameter(Mandatory)]
    [string] $OutFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

function Format-TypeName {
    # Full, readable type names: System.String[], System.Nullable[System.Decimal].
    param([type] $Type)
    if ($null -eq $Type) { return 'System.Object' }
    if ($Type.IsArray) {
        $rank = $Type.GetArrayRank()
        return (Format-TypeName $Type.GetElementType()) + '[' + (',' * ($rank - 1)) + ']'
    }
    if ($Type.IsGenericType) {
        $definition = $Type.GetGenericTypeDefinition().FullName
        $base = $definition.Substring(0, $definition.IndexOf('`'))
        $arguments = $Type.GetGenericArguments() | ForEach-Object { Format-TypeName $_ }
        return $base + '[' + ($arguments -join ', ') + ']'
    }
    if ($Type.FullName) { return $Type.FullName }
    return $Type.Name
}

function Get-AcceptedValue {
    param([System.Management.Automation.ParameterMetadata] $Parameter)
    $validateSet = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } |
        Select-Object -First 1
    if ($validateSet) { return @($validateSet.ValidValues) }
    $type = $Parameter.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $underlying = [Nullable]::GetUnderlyingType($type)
    if ($underlying) { $type = $underlying }
    if ($type.IsEnum) { return @([Enum]::GetNames($type)) }
    return @()
}

$commonParameters = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
foreach ($name in [System.Management.Automation.Cmdlet]::CommonParameters) { [void] $commonParameters.Add($name) }
# ProgressAction became a common parameter in 7.4; UseTransaction only exists in Windows PowerShell.
foreach ($name in 'ProgressAction', 'UseTransaction') { [void] $commonParameters.Add($name) }
$shouldProcessParameters = @('WhatIf', 'Confirm')

$module = Import-Module -Name $ModuleManifest -PassThru -Force -DisableNameChecking -ErrorAction Stop |
    Select-Object -First 1

$commands = foreach ($cmdlet in ($module.ExportedCmdlets.Values | Sort-Object Name)) {
    $info = Get-Command -Name $cmdlet.Name -CommandType Cmdlet -Module $module.Name -ErrorAction Stop |
        Select-Object -First 1

    $parameterNames = @($info.Parameters.Keys | Where-Object { -not $commonParameters.Contains($_) })

    $sets = foreach ($set in $info.ParameterSets) {
        [ordered] @{
            Name       = $set.Name
            IsDefault  = [bool] $set.IsDefault
            Syntax     = "$($info.Name) $set".Trim()
            Parameters = @(foreach ($p in $set.Parameters) {
                    if ($commonParameters.Contains($p.Name)) { continue }
                    [ordered] @{
                        Name                            = $p.Name
                        IsMandatory                     = [bool] $p.IsMandatory
                        Position                        = if ($p.Position -ge 0) { [string] $p.Position } else { 'named' }
                        ValueFromPipeline               = [bool] $p.ValueFromPipeline
                        ValueFromPipelineByPropertyName = [bool] $p.ValueFromPipelineByPropertyName
                        ValueFromRemainingArguments     = [bool] $p.ValueFromRemainingArguments
                    }
                })
        }
    }

    $parameters = foreach ($name in $parameterNames) {
        $p = $info.Parameters[$name]
        $type = $p.ParameterType
        [ordered] @{
            Name            = $p.Name
            Type            = Format-TypeName $type
            IsSwitch        = [bool] $p.SwitchParameter
            IsArray         = [bool] $type.IsArray
            IsDynamic       = [bool] $p.IsDynamic
            IsShouldProcess = $shouldProcessParameters -contains $p.Name
            Aliases         = @($p.Aliases)
            Globbing        = [bool] ($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            AcceptedValues  = @(Get-AcceptedValue $p)
            ParameterSets   = @($p.ParameterSets.Keys)
        }
    }

    $outputTypes = foreach ($output in $info.OutputType) {
        if ($output.Type) { Format-TypeName $output.Type } else { $output.Name }
    }

    [ordered] @{
        Name                = $info.Name
        Verb                = $info.Verb
        Noun                = $info.Noun
        AssemblyFile        = [System.IO.Path]::GetFileName($info.ImplementingType.Assembly.Location)
        HelpFile            = $info.HelpFile
        HelpUri             = $info.HelpUri
        DefaultParameterSet = $info.DefaultParameterSet
        ParameterSets       = @($sets)
        Parameters          = @($parameters)
        OutputTypes         = @($outputTypes)
    }
}

$result = [ordered] @{
    ModuleName        = $module.Name
    ModuleVersion     = [string] $module.Version
    ModuleBase        = $module.ModuleBase
    ExportedFunctions = @($module.ExportedFunctions.Keys)
    Commands          = @($commands)
}

$json = ConvertTo-Json -InputObject $result -Depth 10
[System.IO.File]::WriteAllText($OutFile, $json, [System.Text.UTF8Encoding]::new($false))
