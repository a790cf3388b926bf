# Checks cmdlet pages against the metadata. Problems fail the build; warnings (documented output
# types that [OutputType] does not declare) are only shown, because the declaration may be the stale side.

function New-HelpProblem {
    param([string] $Command, [string] $File, [int] $Line, [string] $Message)
    $where = if ($File) { if ($Line -gt 0) { "${File}:${Line}" } else { $File } } else { $Command }
    [pscustomobject]@{ Command = $Command; File = $File; Line = $Line; Message = $Message; Text = "${where}: $Message" }
}

function Test-OutputTypeMatch {
    <# Pages may name a type short ("Campaign") or in full; the merge and the markdown writer match the same way. #>
    param([string] $Declared, [string] $Documented)
    $Declared -eq $Documented -or $Declared.Split('.')[-1] -eq $Documented -or $Documented.Split('.')[-1] -eq $Declared
}

function New-PageFinding {
    <# A problem inside one page; Test-CommandHelp adds the command and file. Line 0: the page as a whole. #>
    param([string] $Message, [int] $Line = 0)
    [pscustomobject]@{ Message = $Message; Line = $Line }
}

function Get-PageHeaderFinding {
    <# Title, front matter, broken fences, placeholders, SYNOPSIS and DESCRIPTION. #>
    param($Command, $Page, [string] $ModuleName)
    $name = $Command.Name
    if ($Page.Name -cne $name) { New-PageFinding "title is '# $($Page.Name)'; expected '# $name'" $Page.TitleLine }
    if (-not $Page.HasFrontMatter) {
        New-PageFinding "no YAML front matter (external help file, Module Name, online version, schema)"
    }
    else {
        $helpFile = "$($Command.AssemblyFile)-Help.xml"
        if ($Page.FrontMatter['external help file'] -ne $helpFile) {
            New-PageFinding "front matter 'external help file: $($Page.FrontMatter['external help file'])'; expected '$helpFile'"
        }
        if ($Page.FrontMatter['Module Name'] -ne $ModuleName) {
            New-PageFinding "front matter 'Module Name: $($Page.FrontMatter['Module Name'])'; expected '$ModuleName'"
        }
    }
    if ($Page.UnclosedFence) { New-PageFinding 'code fence is never closed (everything after it is read as code)' $Page.UnclosedFence }
    foreach ($placeholder in $Page.Placeholders) { New-PageFinding "placeholder text remains: $($placeholder.Text)" $placeholder.Line }
    if (-not $Page.Synopsis) { New-PageFinding 'empty or missing ## SYNOPSIS' }
    if (@($Page.Description | Where-Object { $_.Trim() }).Count -eq 0) { New-PageFinding 'empty or missing ## DESCRIPTION' }
}

function Get-ExampleFinding {
    param($Page)
    $examples = @($Page.Examples | Where-Object { $_.Code.Trim() })
    if ($examples.Count -eq 0) { New-PageFinding 'no example: add "### Example 1: <title>" with a fenced code block under ## EXAMPLES' }
    foreach ($example in $Page.Examples) {
        if (-not $example.Code.Trim()) { New-PageFinding "example '$($example.Title)' has no code block" $example.Line }
    }
}

function Get-ParameterFinding {
    <# Documented parameters the cmdlet lacks (or spells differently), then parameters without prose. #>
    param($Command, $Page)
    $name = $Command.Name
    $documented = @{}
    foreach ($parameter in $Page.Parameters) {
        $real = $Command.Parameters | Where-Object Name -EQ $parameter.Name | Select-Object -First 1
        if ($null -eq $real) {
            $aliasOf = $Command.Parameters | Where-Object { $_.Aliases -contains $parameter.Name } | Select-Object -First 1
            $hint = if ($aliasOf) { " (it is an alias of -$($aliasOf.Name); document -$($aliasOf.Name) instead)" } else { '' }
            New-PageFinding "documents parameter -$($parameter.Name) but $name has no such parameter$hint" $parameter.Line
            continue
        }
        if ($documented.ContainsKey($real.Name)) { New-PageFinding "parameter -$($real.Name) is documented twice" $parameter.Line }
        $documented[$real.Name] = $parameter
        if ($real.Name -cne $parameter.Name) { New-PageFinding "heading '### -$($parameter.Name)' should be spelled '### -$($real.Name)'" $parameter.Line }
    }
    foreach ($parameter in $Command.Parameters) {
        $doc = $documented[$parameter.Name]
        $hasText = $doc -and @($doc.Description | Where-Object { $_.Trim() }).Count -gt 0
        # -WhatIf/-Confirm get the standard text when the page leaves them out.
        if ($hasText -or ($parameter.IsShouldProcess -and $null -eq $doc)) { continue }
        if ($null -eq $doc) { New-PageFinding "parameter -$($parameter.Name) has no description (add '### -$($parameter.Name)' under ## PARAMETERS)" }
        else { New-PageFinding "parameter -$($parameter.Name) has an empty description" $doc.Line }
    }
}

function Get-OutputTypeWarning {
    param($Command, $Page)
    $declared = @($Command.OutputTypes)
    foreach ($output in $Page.Outputs) {
        if ($output.TypeName -eq 'None' -and $declared.Count -eq 0) { continue }
        if (-not ($declared | Where-Object { Test-OutputTypeMatch $_ $output.TypeName })) {
            "documents output type '$($output.TypeName)' that [OutputType] does not declare (declared: $(if ($declared) { $declared -join ', ' } else { 'none' }))"
        }
    }
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
        $page = $Pages[$name]
        if ($null -eq $page) {
            $problems.Add((New-HelpProblem -Command $name -Message "no docs page: create $DocsDisplayPath/$name.md (tools/HelpGen/Update-MarkdownHelp.ps1 writes a skeleton)"))
            continue
        }
        $file = "$DocsDisplayPath/$($page.FileName)"
        $findings = @(
            Get-PageHeaderFinding -Command $command -Page $page -ModuleName $Metadata.ModuleName
            Get-ExampleFinding -Page $page
            Get-ParameterFinding -Command $command -Page $page)
        foreach ($finding in $findings) {
            $problems.Add((New-HelpProblem -Command $name -File $file -Line $finding.Line -Message $finding.Message))
        }
        foreach ($message in Get-OutputTypeWarning -Command $command -Page $page) {
            $warnings.Add((New-HelpProblem -Command $name -File $file -Message $message))
        }
    }

    foreach ($pageName in $Pages.Keys) {
        if (-not $exported.ContainsKey($pageName)) {
            $problems.Add((New-HelpProblem -Command $pageName -File "$DocsDisplayPath/$($Pages[$pageName].FileName)" -Message "page for '$pageName', which the module does not export (rename or delete the page)"))
        }
    }

    [pscustomobject]@{ Problems = $problems.ToArray(); Warnings = $warnings.ToArray() }
}
