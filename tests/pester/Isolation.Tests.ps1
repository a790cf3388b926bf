#Requires -Version 7.2
<#
    Assembly isolation (src/PinterestAds.Loader).

    Each scenario runs in a fresh `pwsh -NoProfile -NonInteractive` and reports, as JSON, which
    AssemblyLoadContext each interesting assembly ended up in: the loader and PinterestAds.dll
    (cmdlets) in "Default", PinterestAds.Core and the third-party dependencies in the private "PinterestAds"
    context, shared-framework assemblies left to the runtime. The conflict scenario loads an older
    Microsoft.Identity.Client first, as Az.Accounts or Microsoft.Graph would, and signs in anyway.
    Windows PowerShell 5.1 has no load contexts (no isolation); it is not covered here.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:moduleDir = Split-Path (Get-TestModulePath)

    # Signs in against the fake API with a refresh token: Core, Polly and MSAL.Extensions (token cache) in use.
    $script:signIn = @'
$server = Start-PinTestServer
$secret = ConvertTo-SecureString $server.ClientSecret -AsPlainText -Force
$refresh = ConvertTo-SecureString $server.IssueRefreshToken() -AsPlainText -Force
Connect-PinterestAds -ApiBaseUri $server.BaseUri -ClientId $server.ClientId -ClientSecret $secret -RefreshToken $refresh
$context = Get-PinterestAdsContext
$server | Stop-PinTestServer
function Get-Loaded([string] $Name) { [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq $Name } }
function Get-ContextName($Assembly) { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($Assembly).Name }
'@

    function ConvertFrom-ChildJson($Result) {
        $Result.ExitCode | Should -Be 0 -Because $Result.AllText
        $json = [regex]::Matches($Result.Output, '\{.*\}') | Select-Object -Last 1
        $json | Should -Not -BeNullOrEmpty -Because $Result.AllText
        $json.Value | ConvertFrom-Json
    }
}

Describe 'Assembly isolation' {
    It 'ships only the loader and the cmdlet assembly at the module root, everything else under dependencies/' {
        @(Get-ChildItem $moduleDir -Filter *.dll -File | Sort-Object Name).Name | Should -Be @('PinterestAds.dll', 'PinterestAds.Loader.dll')
        $dependencies = @(Get-ChildItem (Join-Path $moduleDir 'dependencies') -Filter *.dll -File).Name
        foreach ($name in 'PinterestAds.Core.dll', 'PinterestAds.Testing.dll', 'Microsoft.Identity.Client.dll',
            'Microsoft.Identity.Client.Extensions.Msal.dll', 'StackExchange.Redis.dll', 'Polly.Core.dll', 'System.Text.Json.dll') {
            $dependencies | Should -Contain $name
        }
    }

    It 'loads Core and the third-party dependencies into the private "PinterestAds" context, the loader and the cmdlets into Default' {
        $result = Invoke-TestPwsh -Script (@'
Import-Module $env:PINTERESTADS_MODULE_PATH
'@ + "`n" + $signIn + "`n" + @'
# StackExchange.Redis (no Redis configured) and MSAL itself (behind MSAL.Extensions) are not needed by
# this sign-in: bind them the way the runtime does on first use, by the requester's own reference,
# from the requester's load context.
function Resolve-Reference($Requester, [string] $Name) {
    $reference = $Requester.GetReferencedAssemblies() | Where-Object Name -EQ $Name
    [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($Requester).LoadFromAssemblyName($reference)
}
$core = Get-Loaded 'PinterestAds.Core'
$null = Resolve-Reference $core 'StackExchange.Redis'
$null = Resolve-Reference (Get-Loaded 'Microsoft.Identity.Client.Extensions.Msal') 'Microsoft.Identity.Client'
$json = Resolve-Reference $core 'System.Text.Json'
$report = [ordered]@{ Connected = $context.IsConnected; SystemTextJsonForCore = Get-ContextName $json }
foreach ($name in 'PinterestAds.Loader', 'PinterestAds', 'PinterestAds.Core', 'PinterestAds.Testing', 'StackExchange.Redis', 'Microsoft.Identity.Client',
    'Microsoft.Identity.Client.Extensions.Msal', 'Polly.Core') {
    $report[$name] = @(Get-Loaded $name | ForEach-Object { Get-ContextName $_ }) -join ','
}
$report | ConvertTo-Json -Compress
'@)
        $data = ConvertFrom-ChildJson $result
        $data.Connected | Should -BeTrue
        $data.'PinterestAds.Loader' | Should -Be 'Default'
        $data.'PinterestAds' | Should -Be 'Default'
        foreach ($name in 'PinterestAds.Core', 'PinterestAds.Testing', 'StackExchange.Redis', 'Microsoft.Identity.Client',
            'Microsoft.Identity.Client.Extensions.Msal', 'Polly.Core') {
            $data.$name | Should -Be 'PinterestAds' -Because "$name must load once, into the private context"
        }
        # A shared-framework assembly the runtime's copy satisfies stays in Default: one identity for BCL types.
        $data.SystemTextJsonForCore | Should -Be 'Default'
    }

    It 'signs in with an older Microsoft.Identity.Client already loaded, keeping both versions apart' {
        $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
        $olderMsal = Join-Path $packages 'microsoft.identity.client/4.61.3/lib/netstandard2.0/Microsoft.Identity.Client.dll'
        $olderMsal | Should -Exist -Because 'tools/Dependencies.proj downloads MSAL 4.61.3 (dotnet restore tools/Dependencies.proj)'

        $result = Invoke-TestPwsh -Environment @{ OLDER_MSAL = $olderMsal } -Script (@'
# What Az.Accounts or Microsoft.Graph leave behind: an older MSAL in the default context.
$older = [System.Reflection.Assembly]::LoadFrom($env:OLDER_MSAL)
$null = $older.GetType('Microsoft.Identity.Client.PublicClientApplicationBuilder', $true)
Import-Module $env:PINTERESTADS_MODULE_PATH
'@ + "`n" + $signIn + "`n" + @'
# MSAL.Extensions binds MSAL when it first touches an MSAL type, e.g. reading this signature.
$extensions = Get-Loaded 'Microsoft.Identity.Client.Extensions.Msal'
$ours = $extensions.GetType('Microsoft.Identity.Client.Extensions.Msal.MsalCacheHelper', $true).GetMethod('RegisterCache').GetParameters()[0].ParameterType.Assembly
[ordered]@{
    Connected         = $context.IsConnected
    OlderVersion      = $older.GetName().Version.ToString()
    OlderContext      = Get-ContextName $older
    OursVersion       = $ours.GetName().Version.ToString()
    OursContext       = Get-ContextName $ours
    ExtensionsContext = Get-ContextName $extensions
    MsalCopies        = @(Get-Loaded 'Microsoft.Identity.Client').Count
} | ConvertTo-Json -Compress
'@)
        $data = ConvertFrom-ChildJson $result
        $data.Connected | Should -BeTrue
        $data.OlderVersion | Should -Be '4.61.3.0'
        $data.OlderContext | Should -Be 'Default'
        $data.OursVersion | Should -Not -Be $data.OlderVersion
        $data.OursContext | Should -Be 'PinterestAds'
        $data.ExtensionsContext | Should -Be 'PinterestAds'
        $data.MsalCopies | Should -Be 2
    }

    It 'does not hand its copies to other code in the default context' {
        $result = Invoke-TestPwsh -Script (@'
Import-Module $env:PINTERESTADS_MODULE_PATH
'@ + "`n" + $signIn + "`n" + @'
$version = (Get-Loaded 'Microsoft.Identity.Client.Extensions.Msal').GetName().Version
try { $null = [System.Runtime.Loader.AssemblyLoadContext]::Default.LoadFromAssemblyName([System.Reflection.AssemblyName]::new("Microsoft.Identity.Client.Extensions.Msal, Version=$version")); $answer = 'resolved' }
catch [System.IO.FileNotFoundException] { $answer = 'not found' }
@{ Answer = $answer } | ConvertTo-Json -Compress
'@)
        (ConvertFrom-ChildJson $result).Answer | Should -Be 'not found'
    }

    It 'survives Remove-Module and a second import in the same session' {
        $result = Invoke-TestPwsh -Script @'
Import-Module $env:PINTERESTADS_MODULE_PATH
Start-PinTestServer | Stop-PinTestServer
Remove-Module PinterestAds
Import-Module $env:PINTERESTADS_MODULE_PATH -Force
$server = Start-PinTestServer
$server | Stop-PinTestServer
$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PinterestAds.Core' }
@{ Cores = @($core).Count; Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(@($core)[0]).Name } | ConvertTo-Json -Compress
'@
        $data = ConvertFrom-ChildJson $result
        $data.Cores | Should -Be 1
        $data.Context | Should -Be 'PinterestAds'
    }
}
