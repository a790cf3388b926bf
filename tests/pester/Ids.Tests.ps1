#Requires -Version 7.2
<#
    Ids are ASCII digits: an id written with another script's digits (Arabic-Indic, Bengali,
    full-width; .NET's \d and char.IsDigit accept them all) is refused by every cmdlet, read or
    write, with an error that names the parameter, and nothing reaches the fake Pinterest API.
#>

BeforeDiscovery {
    # One digit of each script, set into an otherwise good id: how a copy from another document goes wrong.
    $digits = @(
        @{ Script = 'Arabic-Indic'; Digit = [string][char]0x0663 }
        @{ Script = 'Bengali'; Digit = [string][char]0x09E9 }
        @{ Script = 'full-width'; Digit = [string][char]0xFF13 }
    )
    $commands = @(
        @{ Command = 'Get-PinCampaign'; Parameter = 'AdAccountId'; Action = { param($bad) Get-PinCampaign -AdAccountId $bad } }
        @{ Command = 'Get-PinCampaign'; Parameter = 'Id'; Action = { param($bad) Get-PinCampaign -AdAccountId $account -Id $bad } }
        @{ Command = 'Get-PinAdGroup'; Parameter = 'CampaignId'; Action = { param($bad) Get-PinAdGroup -AdAccountId $account -CampaignId $bad } }
        @{ Command = 'Get-PinAd'; Parameter = 'AdGroupId'; Action = { param($bad) Get-PinAd -AdAccountId $account -AdGroupId $bad } }
        @{ Command = 'Get-PinAdAccount'; Parameter = 'Id'; Action = { param($bad) Get-PinAdAccount -Id $bad } }
        @{ Command = 'Get-PinRateLimit'; Parameter = 'AdAccountId'; Action = { param($bad) Get-PinRateLimit -AdAccountId $bad } }
        @{ Command = 'New-PinCampaign'; Parameter = 'AdAccountId'; Action = { param($bad) New-PinCampaign -AdAccountId $bad -Name 'Ids' -ObjectiveType AWARENESS } }
        @{ Command = 'New-PinAdGroup'; Parameter = 'CampaignId'; Action = { param($bad) New-PinAdGroup -AdAccountId $account -CampaignId $bad -Name 'Ids' -BillableEvent IMPRESSION } }
        @{ Command = 'New-PinAd'; Parameter = 'AdGroupId'; Action = { param($bad) New-PinAd -AdAccountId $account -AdGroupId $bad -PinId 1016239833598937 -CreativeType REGULAR } }
        @{ Command = 'New-PinAd'; Parameter = 'PinId'; Action = { param($bad) New-PinAd -AdAccountId $account -AdGroupId $adGroup.Id -PinId $bad -CreativeType REGULAR } }
        @{ Command = 'Set-PinCampaign'; Parameter = 'Id'; Action = { param($bad) Set-PinCampaign -AdAccountId $account -Id $bad -Name 'Ids' } }
        @{ Command = 'Set-PinCampaign'; Parameter = 'OrderLineId'; Action = { param($bad) Set-PinCampaign -AdAccountId $account -Id $campaign.Id -OrderLineId $bad } }
        @{ Command = 'Set-PinAdGroup'; Parameter = 'AdAccountId'; Action = { param($bad) Set-PinAdGroup -AdAccountId $bad -Id $adGroup.Id -Name 'Ids' } }
        @{ Command = 'Suspend-PinAd'; Parameter = 'Id'; Action = { param($bad) Suspend-PinAd -AdAccountId $account -Id $bad } }
        @{ Command = 'Resume-PinAdGroup'; Parameter = 'Id'; Action = { param($bad) Resume-PinAdGroup -AdAccountId $account -Id $bad } }
        @{ Command = 'Remove-PinCampaign'; Parameter = 'Id'; Action = { param($bad) Remove-PinCampaign -AdAccountId $account -Id $bad -Force } }
        @{ Command = 'Suspend-PinCampaign (CSV row)'; Parameter = 'Id'; Action = { param($bad) [pscustomobject]@{ AdAccountId = $account; Id = $bad } | Suspend-PinCampaign } }
    )
    $script:cases = foreach ($command in $commands) { foreach ($digit in $digits) { $command + $digit } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:server, $null, $script:account = Initialize-AdsTestRun
    $script:campaign = New-PinCampaign -AdAccountId $account -Name 'Ids parent' -ObjectiveType AWARENESS
    $script:adGroup = New-PinAdGroup -AdAccountId $account -CampaignId $campaign.Id -Name 'Ids group' -BillableEvent IMPRESSION -Budget 10
}

AfterAll {
    $server.Dispose()
}

Describe 'Ids are ASCII digits' {
    It '<Command> refuses a <Script> digit in -<Parameter> and sends nothing' -ForEach $cases {
        $bad = '54975588517' + $Digit
        $record = Assert-RefusedBeforeSending -Server $server -Action { & $Action $bad }.GetNewClosure() -Parameter $Parameter -Rule 'is not a Pinterest id: ids are 1 to 18 digits 0-9'

        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.FullyQualifiedErrorId | Should -BeLike 'invalidArgument*'
        $record.Exception.Message | Should -Match 'digits of another script'
    }

    It 'still takes an id with spaces around it from a CSV cell' {
        $row = [pscustomobject]@{ AdAccountId = " $account "; Id = " $($campaign.Id) " }
        $row | Suspend-PinCampaign -PassThru | ForEach-Object Status | Should -Be 'PAUSED'
        (Get-BodyItems (Get-AdsRequests $server PATCH campaigns)[-1]).id | Should -Be $campaign.Id
    }
}
