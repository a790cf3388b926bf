# A new platyPS schema-2.0 page for a cmdlet that has none: everything metadata knows is filled in,
# the prose is "{{ Fill in ... }}" placeholders, which fail the build until an author replaces them.

function Get-SkeletonInputType {
    <# The types of the pipeline-bound parameters, or 'None'. #>
    param($Command)
    $types = @(foreach ($set in $Command.ParameterSets) {
            foreach ($entry in $set.Parameters) {
                if ($entry.ValueFromPipeline) { ($Command.Parameters | Where-Object Name -EQ $entry.Name).Type }
            }
        }) | Select-Object -Unique
    if ($types) { $types } else { 'None' }
}

function Format-TypeHeading {
    <# The body of ## INPUTS or ## OUTPUTS in a skeleton: one "### TypeName" per type. #>
    param([string[]] $Type)
    ''
    foreach ($t in $Type) { "### $t"; '' }
}

function New-CommandHelpMarkdown {
    <# A skeleton page (platyPS schema 2.0) with {{ Fill in ... }} placeholders; metadata parts filled in. #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] $Command, [Parameter(Mandatory)][string] $ModuleName, [string] $NewLine = "`n")

    # Every parameter of a new page is "added"; nobody reads that log.
    $log = [System.Collections.Generic.List[string]]::new()
    $outputs = @($Command.OutputTypes)
    if (-not $outputs) { $outputs = @('None') }
    $lines = @(
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
        '## SYNTAX'
        Format-SyntaxSection -Command $Command
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
        '## PARAMETERS'
        Format-ParametersSection -Command $Command -Log $log
        '## INPUTS'
        Format-TypeHeading -Type @(Get-SkeletonInputType -Command $Command)
        '## OUTPUTS'
        Format-TypeHeading -Type $outputs
        '## NOTES'
        ''
        '## RELATED LINKS'
        ''
        "[about_$ModuleName](about_$ModuleName.md)")
    ($lines -join $NewLine) + $NewLine
}
