#Requires -Version 7.2
<#
    Help tests.

    1. 'PinterestAds help': runs against the BUILT module ($env:PINTERESTADS_MODULE_PATH, else
       <repo>/out/PinterestAds/PinterestAds.psd1). One fresh `pwsh -NoProfile -NonInteractive`
       imports it and reports (JSON) what Get-Help shows for every exported cmdlet; each cmdlet is
       then its own test case: synopsis from docs/<Verb-Noun>.md (not the auto-generated syntax
       stub), description, examples, every parameter described, -Examples and -Parameter views,
       help file named after the cmdlet assembly. Plus: docs pages <-> exported cmdlets, about topic.

    2. 'HelpGen generator': compiles tests/pester/fixtures/help/FixtureCmdlets.cs into a throwaway
       binary module in TestDrive and checks tools/HelpGen end to end (MAML content taken from
       metadata, failures listed by the build, -Lenient, Update-MarkdownHelp).
#>

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'fixtures/help/HelpTestHelpers.ps1')

    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
    $modulePath = if ($env:PINTERESTADS_MODULE_PATH) { $env:PINTERESTADS_MODULE_PATH } else { Join-Path $repoRoot 'out/PinterestAds/PinterestAds.psd1' }
    $docsPath = Join-Path $repoRoot 'docs'

    $report = $null
    $reportError = $null
    if (Test-Path -LiteralPath $modulePath) {
        try { $report = Get-HelpReport -ModuleManifest $modulePath -AboutTopic 'about_PinterestAds' }
        catch { $reportError = "$_" }
    }
    $exported = @(if ($report) { $report.Cmdlets | ForEach-Object Name })

    $moduleCase = @{
        ModulePath  = $modulePath
        DocsPath    = $docsPath
        Report      = $report
        ReportError = $reportError
        Exported    = $exported
    }
    $cmdletCases = @(if ($report) {
            foreach ($cmdlet in $report.Cmdlets) { @{ Name = $cmdlet.Name; Help = $cmdlet; DocsPath = $docsPath } }
        })
    $pageCases = @(Get-ChildItem -LiteralPath $docsPath -Filter '*.md' -File -ErrorAction SilentlyContinue |
            Where-Object Name -Match '^[A-Za-z]+-[A-Za-z][A-Za-z0-9]*\.md$' |
            ForEach-Object { @{ Name = $_.BaseName; Exported = $exported } })
    $noReport = $null -eq $report
}

Describe 'PinterestAds help' -Tag 'Help' -ForEach @($moduleCase) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'fixtures/help/HelpTestHelpers.ps1')
    }

    It 'the module is built (set PINTERESTADS_MODULE_PATH or run ./build.ps1 build)' {
        $ModulePath | Should -Exist
    }

    It 'a fresh pwsh can import the module and read its help' {
        $ReportError | Should -BeNullOrEmpty
        $Report | Should -Not -BeNullOrEmpty
        $Exported.Count | Should -BeGreaterThan 0 -Because 'the module should export cmdlets'
    }

    Context '<Name>' -ForEach $cmdletCases {
        It 'has a docs page docs/<Name>.md' {
            Join-Path $DocsPath "$Name.md" | Should -Exist
        }

        It 'Get-Help -Full shows the synopsis from the markdown page' {
            $Help.HelpTypeNames | Should -Contain 'MamlCommandHelpInfo' -Because "help must come from $($Help.AssemblyFile)-Help.xml, not the auto-generated syntax stub"
            $Help.Synopsis | Should -Not -BeNullOrEmpty
            $Help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))(\s|$)" -Because 'a synopsis that starts with the cmdlet name is the auto-generated syntax stub'
            $page = Join-Path $DocsPath "$Name.md"
            if (Test-Path -LiteralPath $page) {
                ConvertTo-ComparableText $Help.Synopsis | Should -BeExactly (Get-MarkdownSynopsis -Path $page)
            }
        }

        It 'Get-Help -Full shows a description' {
            $Help.Description.Trim() | Should -Not -BeNullOrEmpty
        }

        It 'Get-Help -Full shows at least one example with code' {
            @($Help.Examples).Count | Should -BeGreaterThan 0
            @($Help.Examples | Where-Object { -not $_.Code.Trim() }).Title | Should -BeNullOrEmpty -Because 'every example needs code'
        }

        It 'Get-Help -Full lists every parameter with a description' {
            $listed = @($Help.HelpParameters | ForEach-Object Name)
            @($Help.Parameters | Where-Object { $_ -notin $listed }) | Should -BeNullOrEmpty -Because 'every parameter must be in the help'
            @($listed | Where-Object { $_ -notin $Help.Parameters }) | Should -BeNullOrEmpty -Because 'help must not list parameters the cmdlet does not have'
            @($Help.HelpParameters | Where-Object { -not $_.Description.Trim() } | ForEach-Object Name) | Should -BeNullOrEmpty -Because 'every parameter needs a description'
        }

        It 'Get-Help -Examples shows the examples' {
            foreach ($example in $Help.Examples) {
                $firstLine = @($example.Code -split '\r?\n' | Where-Object { $_.Trim() })[0].Trim()
                $Help.ExamplesView | Should -Match ([regex]::Escape($firstLine))
            }
            $Help.ExamplesView | Should -Match 'Example 1'
        }

        It 'Get-Help -Parameter works for every parameter' {
            foreach ($parameter in $Help.ParameterHelp) {
                $parameter.Error | Should -BeNullOrEmpty -Because "Get-Help $Name -Parameter $($parameter.Name) must work"
                $parameter.Description.Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
            }
        }

        It 'its help file is named after the cmdlet assembly and exists in en-US' {
            $Help.HelpFile | Should -BeExactly "$($Help.AssemblyFile)-Help.xml"
            $Help.HelpFileExists | Should -BeTrue
        }
    }

    It 'every MAML file is well-formed, named after the cmdlet assembly and lists exactly its cmdlets' -Skip:$noReport {
        foreach ($group in ($Report.Cmdlets | Group-Object AssemblyFile)) {
            $file = @($Report.MamlFiles | Where-Object Name -EQ "$($group.Name)-Help.xml")
            $file.Count | Should -Be 1 -Because "en-US/$($group.Name)-Help.xml must exist"
            $file[0].Error | Should -BeNullOrEmpty
            @($file[0].Commands | Sort-Object) | Should -Be @($group.Group.Name | Sort-Object)
        }
    }

    It 'Get-Help about_PinterestAds works' -Skip:$noReport {
        $Report.About.Error | Should -BeNullOrEmpty
        $Report.About.Category | Should -Be 'HelpFile'
        $Report.About.Text | Should -Match 'about_PinterestAds'
        $Report.About.Text | Should -Match 'SHORT DESCRIPTION'
    }

    Context 'docs pages' {
        It 'docs/<Name>.md documents an exported cmdlet' -ForEach $pageCases -Skip:$noReport {
            $Exported | Should -Contain $Name -Because "docs/$Name.md must document a cmdlet the module exports"
        }
    }
}

Describe 'HelpGen generator' -Tag 'Help', 'HelpGen' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'fixtures/help/HelpTestHelpers.ps1')
        $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
        $fixtures = Join-Path $PSScriptRoot 'fixtures/help'
        $buildScript = Join-Path $repoRoot 'tools/HelpGen/Build-MamlHelp.ps1'
        $updateScript = Join-Path $repoRoot 'tools/HelpGen/Update-MarkdownHelp.ps1'

        # Compile the fixture cmdlets into a throwaway binary module (in a child: Add-Type loads it).
        $moduleDir = Join-Path $TestDrive 'HelpGenFixture'
        $manifest = Join-Path $moduleDir 'HelpGenFixture.psd1'
        $compile = Join-Path $TestDrive 'compile.ps1'
        Set-Content -LiteralPath $compile -Value @'
param($Source, $Directory)
$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force -Path $Directory | Out-Null
Add-Type -Path $Source -OutputAssembly (Join-Path $Directory 'HelpGenFixture.dll') -OutputType Library
New-ModuleManifest -Path (Join-Path $Directory 'HelpGenFixture.psd1') -RootModule 'HelpGenFixture.dll' -ModuleVersion '0.0.1' `
    -CmdletsToExport '*' -FunctionsToExport @() -AliasesToExport @() -VariablesToExport @()
'@
        $run = Invoke-TestPwshFile -File $compile -ArgumentList @('-Source', (Join-Path $fixtures 'FixtureCmdlets.cs'), '-Directory', $moduleDir)
        if ($run.ExitCode -ne 0) { throw "compiling the fixture module failed:`n$($run.Output)" }

        function New-DocsCopy([string] $Name) {
            $target = Join-Path $TestDrive $Name
            $null = New-Item -ItemType Directory -Force -Path $target
            Copy-Item -Path (Join-Path $fixtures 'docs/*') -Destination $target
            $target
        }
        function Invoke-Build([string] $Docs, [string] $Output, [switch] $Lenient) {
            $arguments = @('-ModuleManifest', $manifest, '-DocsPath', $Docs, '-OutputPath', $Output)
            if ($Lenient) { $arguments += '-Lenient' }
            Invoke-TestPwshFile -File $buildScript -ArgumentList $arguments
        }
        function Edit-Page([string] $Path, [scriptblock] $Edit) {
            $text = [System.IO.File]::ReadAllText($Path)
            [System.IO.File]::WriteAllText($Path, (& $Edit $text))
        }

        $goodDocs = New-DocsCopy 'docs-good'
        $goodOut = Join-Path $moduleDir 'en-US'
        $goodBuild = Invoke-Build -Docs $goodDocs -Output $goodOut
        $xmlPath = Join-Path $goodOut 'HelpGenFixture.dll-Help.xml'
        $ns = [System.Xml.XmlNamespaceManager]::new([System.Xml.NameTable]::new())
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        $ns.AddNamespace('msh', 'http://msh')
        function Get-MamlCommand([string] $Name) {
            $doc = [System.Xml.XmlDocument]::new()
            $doc.Load($xmlPath)
            $doc.SelectSingleNode("/msh:helpItems/command:command[command:details/command:name='$Name']", $ns)
        }
    }

    Context 'complete pages' {
        It 'builds HelpGenFixture.dll-Help.xml and about_HelpGenFixture.help.txt and exits 0' {
            $goodBuild.Output | Should -Not -Match 'problem'
            $goodBuild.ExitCode | Should -Be 0
            $xmlPath | Should -Exist
            Join-Path $goodOut 'about_HelpGenFixture.help.txt' | Should -Exist
        }

        It 'writes the MAML elements in platyPS order with the MAML namespaces' {
            $command = Get-MamlCommand 'Get-FixtureCampaign'
            $command | Should -Not -BeNullOrEmpty
            $command.GetAttribute('xmlns:maml') | Should -Be 'http://schemas.microsoft.com/maml/2004/10'
            $command.GetAttribute('xmlns:dev') | Should -Be 'http://schemas.microsoft.com/maml/dev/2004/10'
            $command.GetAttribute('xmlns:MSHelp') | Should -Be 'http://msdn.microsoft.com/mshelp'
            $order = 'details', 'description', 'syntax', 'parameters', 'inputTypes', 'returnValues', 'alertSet', 'examples', 'relatedLinks'
            $indexes = @($command.ChildNodes | ForEach-Object { [array]::IndexOf($order, $_.LocalName) })
            $indexes | Should -Not -Contain -1
            ($indexes -join ',') | Should -Be (($indexes | Sort-Object) -join ',')
            @($command.SelectNodes('command:details/*', $ns) | ForEach-Object LocalName) | Should -Be @('name', 'verb', 'noun', 'description')
        }

        It 'takes parameter attributes from Get-Command metadata' {
            $command = Get-MamlCommand 'Get-FixtureCampaign'
            $id = $command.SelectSingleNode("command:parameters/command:parameter[maml:name='Id']", $ns)
            $id.GetAttribute('required') | Should -Be 'true'
            $id.GetAttribute('position') | Should -Be '1'
            $id.GetAttribute('pipelineInput') | Should -Be 'True (ByValue, ByPropertyName)'
            $id.GetAttribute('aliases') | Should -Be 'CampaignId'
            $id.GetAttribute('variableLength') | Should -Be 'true'
            $id.SelectSingleNode('dev:type/maml:name', $ns).InnerText | Should -Be 'System.String[]'
            $id.SelectSingleNode('command:parameterValue', $ns).InnerText | Should -Be 'String[]' -Because 'syntax shows short type names, as built-in help does'
            $name = $command.SelectSingleNode("command:parameters/command:parameter[maml:name='Name']", $ns)
            $name.GetAttribute('globbing') | Should -Be 'true'
            $command.SelectSingleNode('command:returnValues/command:returnValue/dev:type/maml:name', $ns).InnerText | Should -Be 'HelpGenFixture.Campaign'
            @($command.SelectNodes('command:parameters/command:parameter/maml:name', $ns) | ForEach-Object InnerText) |
                Should -Be @('AdAccountId', 'Context', 'Id', 'Name')
        }

        It 'writes one syntax item per parameter set, the default set first, with accepted values' {
            $command = Get-MamlCommand 'Connect-FixtureAds'
            $items = @($command.SelectNodes('command:syntax/command:syntaxItem', $ns))
            $items.Count | Should -Be 3
            @($items[0].SelectNodes('command:parameter/maml:name', $ns) | ForEach-Object InnerText) |
                Should -Be @('ClientId', 'Environment', 'Scopes', 'RequestsPerHour', 'PassThru')
            $environment = $items[0].SelectSingleNode("command:parameter[maml:name='Environment']", $ns)
            @($environment.SelectNodes('command:parameterValueGroup/command:parameterValue', $ns) | ForEach-Object InnerText) |
                Should -Be @('Production', 'Sandbox')
            $items[0].SelectSingleNode("command:parameter[maml:name='PassThru']/command:parameterValue", $ns) | Should -BeNullOrEmpty -Because 'switches have no value'
        }

        It 'includes -WhatIf and -Confirm with standard descriptions but no common parameters' {
            $command = Get-MamlCommand 'Remove-FixtureCampaign'
            $names = @($command.SelectNodes('command:syntax/command:syntaxItem/command:parameter/maml:name', $ns) | ForEach-Object InnerText)
            $names[-2..-1] | Should -Be @('WhatIf', 'Confirm')
            $names | Should -Not -Contain 'Verbose'
            $names | Should -Not -Contain 'ProgressAction'
            $command.SelectSingleNode("command:parameters/command:parameter[maml:name='WhatIf']/maml:description/maml:para", $ns).InnerText |
                Should -Match 'what would happen'
        }

        It 'keeps one maml:para per paragraph, escapes markup and keeps example code verbatim' {
            $command = Get-MamlCommand 'Get-FixtureCampaign'
            $paras = @($command.SelectNodes('maml:description/maml:para', $ns) | ForEach-Object InnerText)
            $paras.Count | Should -Be 4
            $paras[0] | Should -Match 'transparently & streamed'
            $paras[1] | Should -Match '<every>'
            $paras[3] | Should -Be '- Second item with a link (https://example.com/docs).'
            $code = $command.SelectSingleNode('command:examples/command:example/dev:code', $ns).InnerText
            $code | Should -Match '# a comment line that looks like a heading'
            $command.SelectSingleNode('command:examples/command:example/maml:title', $ns).InnerText | Should -Match 'Example 1: List every campaign'
            $links = @($command.SelectNodes('command:relatedLinks/maml:navigationLink', $ns))
            $links[0].SelectSingleNode('maml:linkText', $ns).InnerText | Should -Be 'Online Version:'
            $links[0].SelectSingleNode('maml:uri', $ns).InnerText | Should -Be 'https://example.com/help/Get-FixtureCampaign'
        }

        It 'renders in a fresh pwsh: Get-Help -Full, -Examples, -Parameter and the about topic' {
            $report = Get-HelpReport -ModuleManifest $manifest -AboutTopic 'about_HelpGenFixture'
            foreach ($cmdlet in $report.Cmdlets) {
                $cmdlet.HelpTypeNames | Should -Contain 'MamlCommandHelpInfo'
                ConvertTo-ComparableText $cmdlet.Synopsis | Should -BeExactly (Get-MarkdownSynopsis -Path (Join-Path $goodDocs "$($cmdlet.Name).md"))
                $cmdlet.ExamplesView | Should -Match 'Example 1'
                @($cmdlet.ParameterHelp | Where-Object { $_.Error -or -not $_.Description }) | Should -BeNullOrEmpty
            }
            $report.About.Category | Should -Be 'HelpFile'
            $report.About.Text | Should -Match 'SHORT DESCRIPTION'
        }

        It 'leaves HTML comments (notes for the example runner) out of help, and they do not split an example' {
            $example = (Get-MamlCommand 'Get-FixtureCampaign').SelectNodes('command:examples/command:example', $ns)[1]
            $example.SelectSingleNode('dev:code', $ns).InnerText | Should -Be "'1', '2' | Get-FixtureCampaign -AdAccountId 549755885175"
            $example.SelectSingleNode('dev:remarks', $ns).InnerText | Should -Be 'Gets two campaigns <by id>.'
            $example.OuterXml | Should -Not -Match 'example runner|skip'
            $about = Get-Content -Raw (Join-Path $goodOut 'about_HelpGenFixture.help.txt')
            $about | Should -Not -Match 'example runner|<!--'
            $about | Should -Match '(?m)^  Connecting\r?\n\r?\n        Connect-FixtureAds -AccessToken \$token'
        }
    }

    Context 'incomplete pages' {
        BeforeAll {
            $badDocs = New-DocsCopy 'docs-bad'
            Remove-Item (Join-Path $badDocs 'Connect-FixtureAds.md')
            Edit-Page (Join-Path $badDocs 'Get-FixtureCampaign.md') {
                param($t)
                $t = $t -replace '(?s)## EXAMPLES.*?(?=## PARAMETERS)', "## EXAMPLES`n`n"
                $t = $t -replace 'A campaign name; wildcards are supported\.', ''
                $t -replace '### CommonParameters', "### -Bogus`nNot a parameter.`n`n### -CampaignId`nAn alias.`n`n### CommonParameters"
            }
            Edit-Page (Join-Path $badDocs 'Remove-FixtureCampaign.md') {
                param($t)
                ($t -replace 'Archives a campaign\.', '{{ Fill in the Synopsis }}') + "`n$('`' * 3)powershell`nRemove-FixtureCampaign`n"
            }
            Set-Content -LiteralPath (Join-Path $badDocs 'Get-Nothing.md') -Value "# Get-Nothing`n"
            $badBuild = Invoke-Build -Docs $badDocs -Output (Join-Path $TestDrive 'out-bad')
        }

        It 'fails with exit code 1 and writes no help' {
            $badBuild.ExitCode | Should -Be 1
            Join-Path $TestDrive 'out-bad/HelpGenFixture.dll-Help.xml' | Should -Not -Exist
        }

        It 'lists "<Expected>"' -ForEach @(
            @{ Expected = 'Connect-FixtureAds: no docs page' }
            @{ Expected = 'Get-FixtureCampaign.md: no example' }
            @{ Expected = 'Get-FixtureCampaign.md:\d+: documents parameter -Bogus but Get-FixtureCampaign has no such parameter' }
            @{ Expected = 'documents parameter -CampaignId .*alias of -Id' }
            @{ Expected = 'Get-FixtureCampaign.md:\d+: parameter -Name has an empty description' }
            @{ Expected = 'Remove-FixtureCampaign.md:\d+: placeholder text remains: \{\{ Fill in the Synopsis \}\}' }
            @{ Expected = "Get-Nothing.md: page for 'Get-Nothing', which the module does not export" }
            @{ Expected = 'Remove-FixtureCampaign.md:\d+: code fence is never closed' }
        ) {
            $badBuild.Output | Should -Match $Expected
        }

        It '-Lenient warns, exits 0 and still writes help' {
            $lenient = Invoke-Build -Docs $badDocs -Output (Join-Path $TestDrive 'out-lenient') -Lenient
            $lenient.ExitCode | Should -Be 0
            $lenient.Output | Should -Match '(?s)WARNING: .*no docs page'
            Join-Path $TestDrive 'out-lenient/HelpGenFixture.dll-Help.xml' | Should -Exist
        }
    }

    Context 'Update-MarkdownHelp.ps1' {
        It 'leaves complete, current pages byte-for-byte unchanged' {
            $docs = New-DocsCopy 'docs-update-same'
            $run = Invoke-TestPwshFile -File $updateScript -ArgumentList @('-ModuleManifest', $manifest, '-DocsPath', $docs)
            $run.ExitCode | Should -Be 0
            foreach ($page in Get-ChildItem (Join-Path $fixtures 'docs') -Filter '*.md') {
                [System.IO.File]::ReadAllText((Join-Path $docs $page.Name)) | Should -BeExactly ([System.IO.File]::ReadAllText($page.FullName)) -Because $page.Name
            }
        }

        It 'creates skeletons and rewrites SYNTAX and yaml blocks from metadata, keeping prose' {
            $docs = New-DocsCopy 'docs-update'
            Remove-Item (Join-Path $docs 'Connect-FixtureAds.md')
            $page = Join-Path $docs 'Get-FixtureCampaign.md'
            Edit-Page $page {
                param($t)
                $fence = '`' * 3
                $t = $t -replace '(?s)## SYNTAX.*?(?=## DESCRIPTION)', "## SYNTAX`n`n$fence`nGet-FixtureCampaign -Stale`n$fence`n`n"
                $t = $t -replace '(?s)### -Name\n.*?(?=### CommonParameters)', ''
                $t = $t -replace 'Required: True\nPosition: 0', "Required: False`nPosition: 7"
                $t -replace '(?s)(### -Context.*?Default value: )None', '${1}The current connection'
            }
            $run = Invoke-TestPwshFile -File $updateScript -ArgumentList @('-ModuleManifest', $manifest, '-DocsPath', $docs)
            $run.ExitCode | Should -Be 0

            $skeleton = Get-Content -Raw (Join-Path $docs 'Connect-FixtureAds.md')
            $skeleton | Should -Match '\{\{ Fill in the Synopsis \}\}'
            $skeleton | Should -Match '### -AccessToken'
            $skeleton | Should -Match 'external help file: HelpGenFixture.dll-Help.xml'

            $updated = Get-Content -Raw $page
            $updated | Should -Not -Match '-Stale'
            $updated | Should -Match ([regex]::Escape('Get-FixtureCampaign [-AdAccountId] <String> [-Name <String>]'))
            $updated | Should -Match '### -Name\n\{\{ Fill in the description of -Name \}\}'
            $updated | Should -Match 'Required: True\nPosition: 0'
            $updated | Should -Match 'Default value: The current connection'
            $updated | Should -Match 'The ad account that owns the campaigns\.'
            $updated | Should -Match 'Results are paged transparently'
        }
    }
}
