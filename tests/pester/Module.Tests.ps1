BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:manifestPath = Get-TestModulePath
    $script:moduleDir = Split-Path $manifestPath
    $script:manifest = Import-PowerShellDataFile $manifestPath
}

Describe 'The built module' {
    It 'stamps the version from Directory.Build.props, the one version source' {
        $props = [xml](Get-Content -Raw (Join-Path (Get-RepoRoot) 'Directory.Build.props'))
        $manifest.ModuleVersion | Should -Be (@($props.Project.PropertyGroup.ModuleVersion) -ne $null)[0]
    }

    It 'declares both editions and PowerShell 5.1' {
        $manifest.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
        $manifest.PowerShellVersion | Should -Be '5.1'
    }

    It 'exports exactly the cmdlets the assembly defines, and nothing else' {
        $result = Invoke-TestPwsh -Script @'
$m = Import-Module $env:PINTERESTADS_MODULE_PATH -PassThru
$defined = [System.Reflection.Assembly]::LoadFrom((Join-Path $m.ModuleBase 'PinterestAds.dll')).GetTypes() |
    ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
    ForEach-Object { "$($_.VerbName)-$($_.NounName)" }
[pscustomobject]@{ Exported = @($m.ExportedCmdlets.Keys | Sort-Object); Defined = @($defined | Sort-Object); Functions = $m.ExportedFunctions.Count } | ConvertTo-Json -Compress
'@
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $data = $result.Output | ConvertFrom-Json
        $data.Exported | Should -Be $data.Defined
        @($manifest.CmdletsToExport | Sort-Object) | Should -Be $data.Defined
        $data.Functions | Should -Be 0
    }

    It 'ships no PowerShell engine assembly of its own' {
        Join-Path $moduleDir 'System.Management.Automation.dll' | Should -Not -Exist
        Join-Path $moduleDir 'dependencies/System.Management.Automation.dll' | Should -Not -Exist
        Get-ChildItem $moduleDir -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }

    It 'does no Redis, keyring or network work at import' {
        $result = Invoke-TestPwsh -Script @'
Import-Module $env:PINTERESTADS_MODULE_PATH
[AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -match 'StackExchange.Redis|Microsoft.Identity|Polly' -join ','
'@
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output.Trim() | Should -BeNullOrEmpty
    }

    It 'refuses API calls before Connect-PinterestAds with advice to connect' {
        $result = Invoke-TestPwsh -Script @'
Import-Module $env:PINTERESTADS_MODULE_PATH
try { Get-PinAdAccount -ErrorAction Stop } catch { "$($_.FullyQualifiedErrorId)|$($_.CategoryInfo.Category)|$($_.ErrorDetails.RecommendedAction)" }
'@
        $id, $category, $advice = $result.Output.Trim() -split '\|'
        $id | Should -BeLike 'notConnected,*'
        $category | Should -Be 'ConnectionError'
        $advice | Should -Match 'Connect-PinterestAds'
    }
}
