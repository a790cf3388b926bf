#Requires -Version 7.4
<#
    The gallery route, as users take it: the .nupkg from `./build.ps1 package` is published to a
    local file repository and installed with PSResourceGet (in-box in PowerShell 7.4+), then
    PinterestAds is imported by name in a fresh pwsh that signs in to the fake API and lists ad
    accounts. The repository registration and the CurrentUser install go where PSResourceGet puts
    them, under the user's home (~/.local/share), which each child pwsh points at a temp folder: the
    real profile is never touched. On Windows that scope is the Documents folder, which no variable
    redirects, so the install test runs on Linux and macOS only.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:package = Get-TestPackagePath
    $script:version = (Import-PowerShellDataFile (Get-TestModulePath)).ModuleVersion
    $script:root = Join-Path ([System.IO.Path]::GetTempPath()) "pinterestads-install-$([guid]::NewGuid().ToString('N'))"
    $script:userHome = New-Item -ItemType Directory -Path (Join-Path $root 'home')
    # Must exist: .NET reports a missing data or config folder as '', and PSResourceGet (and the NuGet
    # client in it) would then write relative to the working directory.
    $null = New-Item -ItemType Directory -Path (Join-Path $userHome '.local/share'), (Join-Path $userHome '.config')
    $script:repository = New-Item -ItemType Directory -Path (Join-Path $root 'repository')
    $script:profileEnvironment = @{ HOME = $userHome.FullName; XDG_DATA_HOME = Join-Path $userHome '.local/share'; XDG_CONFIG_HOME = Join-Path $userHome '.config' }

    function Read-PackageEntry([string] $Name) {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package)
        try { $zip.Entries | Where-Object FullName -EQ $Name | ForEach-Object { [System.IO.StreamReader]::new($_.Open()).ReadToEnd() } }
        finally { $zip.Dispose() }
    }

    function Get-PackageEntryNames {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package)
        try { @($zip.Entries.FullName) } finally { $zip.Dispose() }
    }
}

AfterAll {
    if ($root) { Remove-Item $root -Recurse -Force -ErrorAction Ignore }
}

Describe 'The gallery package' {
    It 'carries the gallery metadata from the manifest: version, tags, project and licence URIs, release notes' {
        $nuspec = ([xml](Read-PackageEntry 'PinterestAds.nuspec')).package.metadata
        $nuspec.id | Should -Be 'PinterestAds'
        $nuspec.version | Should -Be $version
        $nuspec.tags -split ' ' | Should -Contain 'PSModule'
        $nuspec.tags -split ' ' | Should -Contain 'PSEdition_Core'
        $nuspec.tags -split ' ' | Should -Contain 'Pinterest'
        $nuspec.projectUrl | Should -Match '^https://'
        $nuspec.licenseUrl | Should -Match '^https://'
        $nuspec.releaseNotes | Should -Not -BeNullOrEmpty
        $nuspec.releaseNotes | Should -Not -Match '\{\{' -Because 'the build stamps the CHANGELOG.md section in'
    }

    It 'holds the manifest, the loader, the cmdlets, the help, the formats and the private dependencies' {
        $entries = Get-PackageEntryNames
        foreach ($name in 'PinterestAds.psd1', 'PinterestAds.Loader.dll', 'PinterestAds.dll', 'en-US/PinterestAds.dll-Help.xml',
            'en-US/about_PinterestAds.help.txt', 'PinterestAds.Format.ps1xml', 'Ads.Format.ps1xml',
            'dependencies/PinterestAds.Core.dll', 'dependencies/Microsoft.Identity.Client.dll', 'dependencies/StackExchange.Redis.dll') {
            $entries | Should -Contain $name
        }
        # Every file of the built module is in the package, and nothing else of ours.
        $moduleDir = Split-Path (Get-TestModulePath)
        $built = Get-ChildItem $moduleDir -Recurse -File | ForEach-Object { [System.IO.Path]::GetRelativePath($moduleDir, $_.FullName).Replace('\', '/') }
        @($entries | Where-Object { $_ -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|PinterestAds\.nuspec$)' } | Sort-Object) |
            Should -Be @($built | Sort-Object)
    }

    It 'installs with PSResourceGet from a file repository, imports by name in a fresh pwsh and calls the API' -Skip:$IsWindows {
        $install = Invoke-TestPwsh -Environment ($profileEnvironment + @{ PACKAGE = $package; REPOSITORY = $repository.FullName }) -Script @'
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name PinterestAdsLocal -Uri $env:REPOSITORY -Trusted
Publish-PSResource -NupkgPath $env:PACKAGE -Repository PinterestAdsLocal
$found = Find-PSResource PinterestAds -Repository PinterestAdsLocal
Install-PSResource PinterestAds -Repository PinterestAdsLocal -Scope CurrentUser
$installed = Get-InstalledPSResource PinterestAds -Scope CurrentUser
[ordered]@{ Found = "$($found.Version)"; Version = "$($installed.Version)"; Location = $installed.InstalledLocation } | ConvertTo-Json -Compress
'@
        $install.ExitCode | Should -Be 0 -Because $install.AllText
        $installed = [regex]::Matches($install.Output, '\{.*\}')[-1].Value | ConvertFrom-Json
        $installed.Found | Should -Be $version
        $installed.Version | Should -Be $version
        $installed.Location | Should -Be (Join-Path $userHome '.local/share/powershell/Modules') -Because 'the CurrentUser scope lives under the temp home'
        Join-Path $installed.Location "PinterestAds/$version/dependencies/PinterestAds.Core.dll" | Should -Exist
        Get-PSResourceRepository -Name PinterestAdsLocal -ErrorAction Ignore | Should -BeNullOrEmpty -Because 'the registration stayed in the temp home'

        # A user's fresh session: PSModulePath holds only the install location and PowerShell's own modules.
        $modulePath = @($installed.Location, (Join-Path $PSHOME 'Modules')) -join [System.IO.Path]::PathSeparator
        $use = Invoke-TestPwsh -Environment ($profileEnvironment + @{ PSModulePath = $modulePath }) -Script @'
$ErrorActionPreference = 'Stop'
Import-Module PinterestAds
$server = Start-PinTestServer
$secret = ConvertTo-SecureString $server.ClientSecret -AsPlainText -Force
$refresh = ConvertTo-SecureString $server.IssueRefreshToken() -AsPlainText -Force
Connect-PinterestAds -ApiBaseUri $server.BaseUri -ClientId $server.ClientId -ClientSecret $secret -RefreshToken $refresh
$accounts = @(Get-PinAdAccount)
$requests = @($server.Requests | Where-Object Path -EQ '/v5/ad_accounts')
$server | Stop-PinTestServer
[ordered]@{
    ModulePath = (Get-Module PinterestAds).Path
    Accounts   = $accounts.Count
    Ids        = @($accounts.Id)
    ServerIds  = @($server.AdAccountIds)
    Requests   = $requests.Count
    Synopsis   = (Get-Help Get-PinAdAccount -Full).Synopsis
} | ConvertTo-Json -Compress
'@
        $use.ExitCode | Should -Be 0 -Because $use.AllText
        $data = [regex]::Matches($use.Output, '\{.*\}')[-1].Value | ConvertFrom-Json
        $data.ModulePath | Should -BeLike "$($installed.Location)*PinterestAds*$version*"
        $data.Accounts | Should -BeGreaterThan 0
        @($data.Ids) | Should -Be @($data.ServerIds)
        $data.Requests | Should -BeGreaterThan 0 -Because 'the listing went over HTTP to the fake API'
        $data.Synopsis | Should -Not -BeNullOrEmpty -Because 'the help file travels in the package'
        $data.Synopsis | Should -Not -Match '^\s*Get-PinAdAccount\s*\[' -Because 'a synopsis that is only the syntax means the MAML was not found'
    }
}
