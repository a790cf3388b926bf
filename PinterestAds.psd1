# Module manifest for PinterestAds. build.ps1 stamps ModuleVersion from Directory.Build.props, the
# one version source, and ReleaseNotes from that version's section of CHANGELOG.md; import the built
# module from out/PinterestAds.
@{
    RootModule             = 'PinterestAds.dll'
    # Imported before RootModule: src/PinterestAds.Loader serves PinterestAds.Core and the other
    # dependencies from dependencies/ (a private load context on PowerShell 7) before PowerShell
    # scans the cmdlet types, which already need Core.
    NestedModules          = @('PinterestAds.Loader.dll')
    ModuleVersion          = '{{ModuleVersion}}'
    GUID                   = '6b3f5a8e-3c1d-4f0e-9a52-7d4c2e1b9f60'
    Author                 = 'PinterestAds contributors'
    CompanyName            = 'PinterestAds'
    Copyright              = '(c) PinterestAds contributors. MIT licence.'
    Description            = 'Pinterest advertising from PowerShell through the Pinterest Marketing API v5: sign-in with a safe token cache, campaigns, ad groups and ads, creatives, analytics and experiments, under a shared request budget.'
    CompatiblePSEditions   = @('Core', 'Desktop')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('PinterestAds.Format.ps1xml', 'Ads.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-PinterestAds'
        'Disconnect-PinterestAds'
        'Get-PinterestAdsContext'
        'Get-PinAdAccount'
        'Get-PinRateLimit'
        'Get-PinCampaign'
        'New-PinCampaign'
        'Set-PinCampaign'
        'Suspend-PinCampaign'
        'Resume-PinCampaign'
        'Remove-PinCampaign'
        'Get-PinAdGroup'
        'New-PinAdGroup'
        'Set-PinAdGroup'
        'Suspend-PinAdGroup'
        'Resume-PinAdGroup'
        'Remove-PinAdGroup'
        'Get-PinAd'
        'New-PinAd'
        'Set-PinAd'
        'Suspend-PinAd'
        'Resume-PinAd'
        'Remove-PinAd'
        'New-PinExperiment'
        'Get-PinExperiment'
        'Set-PinExperimentVariant'
        'Stop-PinExperiment'
        'Get-PinExperimentResult'
        'Export-PinReport'
        'Get-PinAnalytics'
        'Sync-PinAnalytics'
        'Get-PinStateChange'
        'Send-PinMedia'
        'Get-PinMedia'
        'New-PinBoard'
        'Get-PinBoard'
        'New-PinCreative'
        'Get-PinCreative'
        'Start-PinTestServer'
        'Stop-PinTestServer'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Pinterest', 'Ads', 'Marketing', 'OAuth', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/PinterestAds/PinterestAds'
            ReleaseNotes = '{{ReleaseNotes}}'
        }
    }
}
