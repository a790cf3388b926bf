# HelpGen: MAML help for a binary PowerShell module from platyPS schema-2.0 markdown plus live
# Get-Command metadata (platyPS is not available to us).
#
# Small layers, one job and one file each under Private/:
#   markdown reader   MarkdownDocument (front matter, headings, code fences), MarkdownBlock (paragraphs,
#                     lists, code, tables), MarkdownReader (a cmdlet page -> prose model)
#   metadata reader   MetadataReader (imports the module in a child pwsh; never in this process)
#   checks and merge  HelpChecks (pages against metadata), HelpMerge (metadata + prose -> help model)
#   writers           MamlWriter (System.Xml.XmlWriter), AboutTopic (about_*.help.txt),
#                     SyntaxSection + ParametersSection (the metadata-driven parts of a page),
#                     MarkdownSkeleton (new pages), MarkdownUpdate (refreshing existing pages)
# Build-MamlHelp.ps1 and Update-MarkdownHelp.ps1 are thin scripts over the exported functions.

Set-StrictMode -Version 3.0

# Functions defined in Private/ see that folder as $PSScriptRoot; the metadata reader needs this one.
$script:HelpGenRoot = $PSScriptRoot

# Both the MAML merge and the markdown writer fall back to these, so -WhatIf/-Confirm never need prose.
$script:StandardParameterDescription = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

# platyPS documents the common parameters under this H3; it is not a parameter of the cmdlet.
$script:CommonParametersHeadingPattern = '^<?CommonParameters>?$'

foreach ($layer in @(
        'MarkdownDocument', 'MarkdownBlock', 'MarkdownReader'
        'MetadataReader'
        'HelpChecks', 'HelpMerge'
        'MamlWriter', 'AboutTopic'
        'SyntaxSection', 'ParametersSection', 'MarkdownSkeleton', 'MarkdownUpdate')) {
    . (Join-Path $PSScriptRoot "Private/$layer.ps1")
}

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
