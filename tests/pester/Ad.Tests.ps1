#Requires -Version 7.2
<#
    Ad cmdlets over HTTP against the fake Pinterest API, through the built module: call-to-action
    text mapped onto customizable_cta_type (and refused with the nearest values when it maps to
    nothing), review status in tables, per-item errors as one object, updates and archive.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun
    $script:group = New-PinCampaign -AdAccountId $account -Name 'Ads' -ObjectiveType CONSIDERATION |
        New-PinAdGroup -Name 'Ads group' -BillableEvent CLICKTHROUGH -Budget 20 -Bid 0.5

    function New-Ad([string] $PinId, [hashtable] $Extra = @{}) {
        $group | New-PinAd -PinId $PinId -CreativeType REGULAR @Extra
    }
}

AfterAll {
    $server.Dispose()
}

Describe 'New-PinAd' {
    It 'maps call-to-action text <Text> onto <Value>' -ForEach @(
        @{ Text = 'Shop now'; Value = 'SHOP_NOW' }
        @{ Text = 'learn more'; Value = 'LEARN_MORE' }
        @{ Text = 'BOOK_NOW'; Value = 'BOOK_NOW' }
        @{ Text = 'Sign-up'; Value = 'SIGN_UP' }
    ) {
        $ad = New-Ad 1001 @{ CallToAction = $Text; DestinationUrl = 'https://example.com/shop' }
        $ad.CallToAction | Should -Be $Value
        (Get-BodyItems (Get-AdsRequests $server POST ads)[-1]).customizable_cta_type | Should -Be $Value
    }

    It 'creates a typed ad in the piped ad group and shows its review status in a table' {
        $ad = New-Ad 1002 @{ Name = 'Pin ad'; IosDeepLink = 'shop://p/1002'; TrackingUrls = @{ click = 'https://t.example/c' } }
        $ad.PSTypeNames[0] | Should -Be 'PinterestAds.Ad'
        $ad.AdGroupId | Should -Be $group.Id
        $ad.CampaignId | Should -Be $group.CampaignId
        $ad.ReviewStatus | Should -Be 'PENDING'
        $sent = Get-BodyItems (Get-AdsRequests $server POST ads)[-1]
        $sent.tracking_urls.click | Should -Be @('https://t.example/c')
        $table = $ad | Format-Table | Out-String
        $table | Should -Match 'ReviewStatus'
        $table | Should -Match 'Pin ad\s+\d+\s+ACTIVE\s+\w+\s+PENDING'
    }

    It 'declares -AdGroupId, -PinId and -CreativeType mandatory; Set-PinAd keeps -CreativeType optional' {
        Get-MandatoryParameters New-PinAd | Should -Be @('AdAccountId', 'AdGroupId', 'CreativeType', 'PinId')
        Get-MandatoryParameters Set-PinAd | Should -Be @('AdAccountId', 'Id')
    }
}

Describe 'Refusing bad ad input before sending' {
    It 'refuses a call to action with no Pinterest value and lists the nearest ones' {
        $record = Assert-RefusedBeforeSending -Server $server -Parameter CallToAction -Rule 'no INSTALL_NOW' -Action { New-Ad 1003 @{ CallToAction = 'Install now' } }
        $record.Exception.Message | Should -Match "Nearest: '[A-Z][a-z ]+' \([A-Z_]+_NOW\)"
        $record.Exception.Message | Should -Match 'Valid values: GET_OFFER'
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a pin id with letters'; Parameter = 'PinId'; Rule = 'not a Pinterest id'; Extra = @{ PinId = 'pin-1' } }
        @{ Case = 'an ad group id that is a path'; Parameter = 'AdGroupId'; Rule = 'not a Pinterest id'; Extra = @{ AdGroupId = '../../1' } }
        @{ Case = 'an unknown creative type'; Parameter = 'CreativeType'; Rule = 'Valid values: REGULAR'; Extra = @{ CreativeType = 'STORY' } }
        @{ Case = 'a destination that is not a web address'; Parameter = 'DestinationUrl'; Rule = 'http or https'; Extra = @{ DestinationUrl = 'javascript:alert(1)' } }
        @{ Case = 'a name over 255 characters'; Parameter = 'Name'; Rule = '255'; Extra = @{ Name = 'x' * 256 } }
    ) {
        Assert-RefusedBeforeSending -Server $server -Parameter $Parameter -Rule $Rule -Action {
            $arguments = @{ AdAccountId = $account; AdGroupId = $group.Id; PinId = '5'; CreativeType = 'REGULAR' }
            foreach ($key in $Extra.Keys) { $arguments[$key] = $Extra[$key] }
            New-PinAd @arguments
        }
    }
}

Describe 'Per-item errors of ads' {
    It 'makes an ad Pinterest rejects a non-terminating error about that input only' {
        $rows = @(
            [pscustomobject]@{ AdAccountId = $account; AdGroupId = $group.Id; PinId = '2001'; CreativeType = 'REGULAR' }
            [pscustomobject]@{ AdAccountId = $account; AdGroupId = '999999999'; PinId = '2002'; CreativeType = 'REGULAR' }
            [pscustomobject]@{ AdAccountId = $account; AdGroupId = $group.Id; PinId = '2003'; CreativeType = 'REGULAR' }
        )
        $before = (Get-AdsRequests $server POST ads).Count

        $ads = $rows | New-PinAd -ErrorVariable failed -ErrorAction SilentlyContinue

        (Get-AdsRequests $server POST ads).Count - $before | Should -Be 1
        $ads.PinId | Should -Be @('2001', '2003')
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be $rows[1]
        $failed[0].Exception.Message | Should -Match 'item 2 was rejected: Ad group 999999999 not found'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Changing ads' {
    It 'sends only the fields given and maps the call to action' {
        $ad = New-Ad 3001
        $updated = $ad | Set-PinAd -CallToAction 'visit site' -DestinationUrl 'https://example.com/new' -PassThru
        $updated.CallToAction | Should -Be 'VISIT_SITE'
        $sent = Get-BodyItems (Get-AdsRequests $server PATCH ads)[-1]
        @($sent.PSObject.Properties.Name | Sort-Object) | Should -Be @('customizable_cta_type', 'destination_url', 'id')
    }

    It 'pauses, resumes and archives the ads of a piped ad group' {
        $ads = 3002..3004 | ForEach-Object { New-Ad $_ }
        $before = (Get-AdsRequests $server PATCH ads).Count
        ($ads | Suspend-PinAd -PassThru).Status | Sort-Object -Unique | Should -Be 'PAUSED'
        ($ads | Resume-PinAd -PassThru).Status | Sort-Object -Unique | Should -Be 'ACTIVE'
        ($ads | Remove-PinAd -Confirm:$false -PassThru).Status | Sort-Object -Unique | Should -Be 'ARCHIVED'
        (Get-AdsRequests $server PATCH ads).Count - $before | Should -Be 3
        (Get-PinAd -AdAccountId $account -AdGroupId $group.Id).Id | Should -Not -Contain $ads[0].Id
        (Get-PinAd -AdAccountId $account -Id $ads[0].Id).Status | Should -Be 'ARCHIVED'
        @($server.Requests | Where-Object Method -EQ 'DELETE').Count | Should -Be 0
    }
}

Describe 'The ad requests sent' {
    It 'all match the Pinterest OpenAPI spec' {
        Assert-MatchesSpec -Server $server -Contract $contract
    }
}
