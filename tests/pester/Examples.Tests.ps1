#Requires -Version 7.2
<#
    Every example of the documentation runs against the fake Pinterest API: the "### Example N"
    blocks of every cmdlet page, the powershell blocks of docs/about_*.md and the scripts in
    examples/ (found anew on every run, so new pages are covered without touching this file).
    DocExamples.psm1 finds them; ExampleRunner.psm1 runs each signed in, in a fresh session
    against a fresh fake that has the ids the pages use. Each must write no error and show no
    secret; what its page states is checked where the page says so. The markdown conventions ("example: skip", "setup", "check",
    "errors", "pester") are in docs/README.md.
#>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'DocExamples.psm1') -Force
    $examples = @(Get-DocExample | ForEach-Object { @{ Example = $_; Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'DocExamples.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ExampleRunner.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Documentation examples' {
    It 'finds the examples of every cmdlet page, the about topic and examples/' {
        $found = @(Get-DocExample)
        $pages = @(Get-ChildItem (Join-Path (Get-RepoRoot) 'docs') -Filter '*-*.md' | ForEach-Object BaseName)
        $covered = @($found | Where-Object { -not $_.IsScript } | ForEach-Object { ($_.Name -split ' ')[0] } | Sort-Object -Unique)
        @($pages | Where-Object { $_ -notin $covered }) | Should -BeNullOrEmpty -Because 'every cmdlet page has at least one example'
        @($found | Where-Object Name -Like 'about_PinterestAds:*').Count | Should -BeGreaterThan 3
        @($found | Where-Object IsScript).Count | Should -Be @(Get-ChildItem (Join-Path (Get-RepoRoot) 'examples') -Filter '*.ps1').Count
    }

    It '<Name> runs' -ForEach $examples {
        $directives = $Example.Directives
        $directives.Problems | Should -BeNullOrEmpty -Because "the runner's notes at $($Example.Where) must be valid"
        if ($null -ne $directives.Skip) {
            Set-ItResult -Skipped -Because $directives.Skip
            return
        }
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $folder | Out-Null

        if ($directives.Pester) {
            $run = Invoke-PesterExample -Example $Example -WorkingFolder $folder
            $run.Failed | Should -Be 0 -Because $run.Text
            $run.Passed | Should -BeGreaterThan 0 -Because "the example's tests must run: $($run.Text)"
            return
        }

        $run = Invoke-DocExample -Example $Example -WorkingFolder $folder
        $Output = $run.Output; $Text = $run.Text; $Errors = $run.Errors; $Information = $run.Information
        $Server = $run.Server; $Requests = $run.Requests; $WorkingFolder = $folder

        $shown = "$($Example.Where)`n$Text`n$($Errors | Out-String)"
        $Text | Should -Not -Match 'FORMATTING FAILED' -Because $shown
        if ($directives.Errors) {
            $Errors | Should -Not -BeNullOrEmpty -Because "the page says it fails with $($directives.Errors -join ', ')"
            foreach ($record in $Errors) { ($record.FullyQualifiedErrorId -split ',')[0] | Should -BeIn $directives.Errors -Because $shown }
        }
        else {
            @($Errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }) | Should -BeNullOrEmpty -Because $shown
        }

        # Whatever the example shows, no token, code or client secret.
        $everything = $Text + ($Errors | Out-String) + ($Information -join "`n") + ($run.Warnings -join "`n")
        foreach ($secret in $run.Secrets | Where-Object { $_ }) { $everything.Contains($secret) | Should -BeFalse -Because "a secret must never be shown ($($Example.Where))" }

        foreach ($check in $directives.Check) { . ([scriptblock]::Create($check)) }
    }
}
