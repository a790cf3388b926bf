#Requires -Version 7.2
<#
    Ad group cmdlets over HTTP against the fake Pinterest API, through the built module: budget and
    bid in micros, targeting checked against the spec's targeting_spec keys and values, filters,
    partial updates, pause/resume/archive, and a create whose response is lost.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun
    $script:campaign = New-PinCampaign -AdAccountId $account -Name 'Groups' -ObjectiveType CONSIDERATION
    $script:targeting = @{ LOCATION = 'us', '807'; GENDER = 'Female'; APPTYPE = 'iphone', 'web'; MINIMUM_AGE = 25; MAXIMUM_AGE = '65+'; LOCALE = 'EN' }

    function New-Group([string] $Name, [hashtable] $Extra = @{}) {
        $campaign | New-PinAdGroup -Name $Name -BillableEvent CLICKTHROUGH -Budget 50 -Bid 1.2 @Extra
    }
}

AfterAll {
    $server.Dispose()
}

Describe 'New-PinAdGroup' {
    It 'creates a typed ad group under a piped campaign, with budget and bid in micros' {
        $group = New-Group 'Women US' @{ Targeting = $targeting; BidStrategy = 'max bid'; PlacementGroup = 'search'; AutoTargeting = $false; StartTime = '2031-01-01T00:00:00Z' }

        $group.PSTypeNames[0] | Should -Be 'PinterestAds.AdGroup'
        $group.CampaignId | Should -Be $campaign.Id
        $group.BudgetMicros | Should -Be 50000000
        $group.Bid | Should -Be 1.2
        $group.BidText | Should -Be '1.20 USD'
        $sent = Get-BodyItems (Get-AdsRequests $server POST ad_groups)[-1]
        $sent.campaign_id | Should -Be $campaign.Id
        $sent.budget_in_micro_currency | Should -Be 50000000
        $sent.bid_in_micro_currency | Should -Be 1200000
        $sent.bid_strategy_type | Should -Be 'MAX_BID'
        $sent.placement_group | Should -Be 'SEARCH'
        $sent.auto_targeting_enabled | Should -BeFalse
        $sent.targeting_spec.LOCATION | Should -Be @('US', '807')
        $sent.targeting_spec.GENDER | Should -Be @('female')
        $sent.targeting_spec.MINIMUM_AGE | Should -Be '25'
        $sent.targeting_spec.LOCALE | Should -Be @('en')
        $sent.PSObject.Properties.Name | Should -Not -Contain 'ad_account_id'
    }

    It 'takes targeting as JSON text, as a CSV cell carries it' {
        $group = New-Group 'From JSON' @{ Targeting = '{"geo":["be-vov"],"AGE_BUCKET":["25-34"]}' }
        (Get-BodyItems (Get-AdsRequests $server POST ad_groups)[-1]).targeting_spec.GEO | Should -Be @('BE-VOV')
        $group.Targeting.AGE_BUCKET | Should -Be @('25-34')
    }

    It 'shows budget and bid with the currency in a table' {
        $table = New-Group 'Table' | Format-Table | Out-String
        $table | Should -Match 'Budget\s+Bid'
        $table | Should -Match '50\.00 USD daily\s+1\.20 USD'
    }

    It 'declares -CampaignId, -Name and -BillableEvent mandatory; Set-PinAdGroup keeps them optional' {
        Get-MandatoryParameters New-PinAdGroup | Should -Be @('AdAccountId', 'BillableEvent', 'CampaignId', 'Name')
        Get-MandatoryParameters Set-PinAdGroup | Should -Be @('AdAccountId', 'Id')
    }
}

Describe 'Refusing bad ad group input before sending' {
    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a targeting key that does not exist'; Parameter = 'Targeting'; Rule = "'GENDERS' is not a targeting_spec key. Did you mean GENDER"; Extra = @{ Targeting = @{ GENDERS = 'female'; LOCATION = 'US' } } }
        @{ Case = 'a gender Pinterest does not know'; Parameter = 'Targeting'; Rule = 'GENDER\[0\]'; Extra = @{ Targeting = @{ GENDER = 'woman'; LOCATION = 'US' } } }
        @{ Case = 'an app type Pinterest does not know'; Parameter = 'Targeting'; Rule = 'APPTYPE\[0\]'; Extra = @{ Targeting = @{ APPTYPE = 'android'; LOCATION = 'US' } } }
        @{ Case = 'an age bucket Pinterest does not know'; Parameter = 'Targeting'; Rule = 'AGE_BUCKET\[0\]'; Extra = @{ Targeting = @{ AGE_BUCKET = '18-25'; LOCATION = 'US' } } }
        @{ Case = 'a location that is not a country or metro code'; Parameter = 'Targeting'; Rule = 'LOCATION\[0\]'; Extra = @{ Targeting = @{ LOCATION = 'USA' } } }
        @{ Case = 'targeting without a location'; Parameter = 'Targeting'; Rule = 'give LOCATION'; Extra = @{ Targeting = @{ GENDER = 'male' } } }
        @{ Case = 'a minimum age without a maximum'; Parameter = 'Targeting'; Rule = 'together'; Extra = @{ Targeting = @{ MINIMUM_AGE = 18; LOCATION = 'US' } } }
        @{ Case = 'an unknown billable event'; Parameter = 'BillableEvent'; Rule = 'Valid values: CLICKTHROUGH'; Extra = @{ BillableEvent = 'CLICKS' } }
        @{ Case = 'an unknown bid strategy'; Parameter = 'BidStrategy'; Rule = 'Valid values'; Extra = @{ BidStrategy = 'CHEAPEST' } }
        @{ Case = 'a negative budget'; Parameter = 'Budget'; Rule = 'negative'; Extra = @{ Budget = -5 } }
        @{ Case = 'a NaN bid'; Parameter = 'Bid'; Rule = 'NaN'; Extra = @{ Bid = [double]::NaN } }
        @{ Case = 'a positive bid that rounds to 0 micros'; Parameter = 'Bid'; Rule = '0.0000004 is less than one micro-unit.*give 0 or a larger amount'; Extra = @{ Bid = 0.0000004 } }
        @{ Case = 'a bid written with a comma'; Parameter = 'Bid'; Rule = 'decimal separator'; Extra = @{ Bid = '1,20' } }
        @{ Case = 'a lifetime budget without an end'; Parameter = 'EndTime'; Rule = 'LIFETIME'; Extra = @{ BudgetType = 'LIFETIME' } }
        @{ Case = 'an unknown optimization goal key'; Parameter = 'OptimizationGoalMetadata'; Rule = 'not a optimization_goal_metadata key'; Extra = @{ OptimizationGoalMetadata = @{ frequency = 3 } } }
        @{ Case = 'a campaign id that is a path'; Parameter = 'CampaignId'; Rule = 'not a Pinterest id'; Extra = @{ CampaignId = '../1' } }
    ) {
        $record = Assert-RefusedBeforeSending -Server $server -Parameter $Parameter -Rule $Rule -Action {
            $arguments = @{ AdAccountId = $account; CampaignId = $campaign.Id; Name = 'bad'; BillableEvent = 'IMPRESSION'; Budget = 5 }
            foreach ($key in $Extra.Keys) { $arguments[$key] = $Extra[$key] }
            New-PinAdGroup @arguments
        }
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Get-PinAdGroup' {
    BeforeAll {
        $script:other = New-PinCampaign -AdAccountId $account -Name 'Other' -ObjectiveType AWARENESS
        $script:otherGroups = 1..3 | ForEach-Object { $other | New-PinAdGroup -Name "other $_" -BillableEvent IMPRESSION -Budget 5 }
    }

    It 'lists the ad groups of a piped campaign' {
        $groups = $other | Get-PinAdGroup
        $groups.Name | Sort-Object | Should -Be @('other 1', 'other 2', 'other 3')
        (Get-AdsRequests $server GET ad_groups)[-1].Query | Should -Match "campaign_ids=$($other.Id)"
    }

    It 'gets ad groups by id' {
        (Get-PinAdGroup -AdAccountId $account -Id $otherGroups[1].Id).Name | Should -Be 'other 2'
    }

    It 'gets the ad group of a piped ad' {
        $ad = $otherGroups[2] | New-PinAd -PinId 42 -CreativeType REGULAR
        ($ad | Get-PinAdGroup).Id | Should -Be $otherGroups[2].Id
    }
}

Describe 'Changing ad groups' {
    It 'sends only the fields given' {
        $group = New-Group 'to change'
        $updated = $group | Set-PinAdGroup -Bid 2.5 -Targeting @{ LOCATION = 'GB' } -PassThru
        $updated.BidMicros | Should -Be 2500000
        $sent = Get-BodyItems (Get-AdsRequests $server PATCH ad_groups)[-1]
        @($sent.PSObject.Properties.Name | Sort-Object) | Should -Be @('bid_in_micro_currency', 'id', 'targeting_spec')
    }

    It 'pauses, resumes and archives; an archived ad group stays archived' {
        $group = New-Group 'lifecycle'
        ($group | Suspend-PinAdGroup -PassThru).Status | Should -Be 'PAUSED'
        ($group | Resume-PinAdGroup -PassThru).Status | Should -Be 'ACTIVE'
        ($group | Remove-PinAdGroup -Force -PassThru).Status | Should -Be 'ARCHIVED'
        $group | Resume-PinAdGroup -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].Exception.Message | Should -Match 'ARCHIVED'
        $refused[0].TargetObject.Id | Should -Be $group.Id
        @($server.Requests | Where-Object Method -EQ 'DELETE').Count | Should -Be 0
    }

    It 'refuses a campaign piped into an ad group command' {
        $before = (Get-AdsWrites $server).Count
        $campaign | Suspend-PinAdGroup -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -Match '^wrongInputKind'
        (Get-AdsWrites $server).Count | Should -Be $before
    }
}

Describe 'An ad group create whose response is lost' {
    It 'exists exactly once and is still returned' {
        $null = $server.Faults.DropAfterCommit('POST', '/ad_accounts/*/ad_groups')
        $group = New-Group 'lost group' @{ WarningAction = 'SilentlyContinue' }
        $group.Name | Should -Be 'lost group'
        $server.CountEntities($account, 'ad_groups', 'lost group') | Should -Be 1
        (Get-AdsRequests $server GET ad_groups)[-1].Query | Should -Match "campaign_ids=$($campaign.Id).*order=DESCENDING|order=DESCENDING.*campaign_ids=$($campaign.Id)"
    }
}

Describe 'The ad group requests sent' {
    It 'all match the Pinterest OpenAPI spec' {
        Assert-MatchesSpec -Server $server -Contract $contract
    }
}
