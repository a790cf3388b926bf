#Requires -Version 7.2
<#
    Experiments over HTTP against the fake Pinterest API (which ignores Idempotency-Key, as Pinterest
    does), through the built module: one POST for every variant's ad group and one for their ads,
    statuses read back from the fake, the experiment rebuilt by a fresh pwsh from Pinterest alone,
    the runner's toggle and the stop, bad input refused with nothing sent, and a run killed between
    its two requests completed by a re-run without duplicates.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun

    function New-TestCampaign([string] $Name = "Experiments $([guid]::NewGuid().ToString('N').Substring(0, 6))") {
        New-PinCampaign -AdAccountId $account -Name $Name -ObjectiveType CONSIDERATION
    }

    function Get-Variants([int] $Count = 3) {
        $names = 'Studio', 'Lifestyle', 'Flatlay', 'Close-up'
        foreach ($n in 0..($Count - 1)) { @{ Name = $names[$n]; PinId = "10162398335989$(30 + $n)" } }
    }

    function New-TestExperiment([string] $Name, $Campaign, [hashtable] $Extra = @{}) {
        $parameters = @{ AdAccountId = $account; CampaignId = $Campaign.Id; Name = $Name; Variant = (Get-Variants); BillableEvent = 'CLICKTHROUGH'; Budget = 20; Bid = 0.9 }
        foreach ($key in $Extra.Keys) { $parameters[$key] = $Extra[$key] }
        New-PinExperiment @parameters
    }

    # What the fake holds (every status), as objects.
    function Get-Stored([string] $Collection) { @($server.GetEntitiesJson($account, $Collection) | ConvertFrom-Json) }

    function Get-StoredGroups([string] $Experiment) {
        @(Get-Stored ad_groups | Where-Object { $_.name -like "``[Experiment: $Experiment``]*" })
    }

    function Get-Writes([string] $Collection, [int] $Since) {
        @($server.Requests | Select-Object -Skip $Since | Where-Object { $_.Method -in 'POST', 'PATCH' -and $_.Path -match "/$Collection$" })
    }
}

AfterAll {
    $server.Dispose()
}

Describe 'New-PinExperiment' {
    BeforeAll {
        $script:campaign = New-TestCampaign
        $script:before = $server.Requests.Count
        $script:made = New-TestExperiment 'Spring hero' $campaign -Extra @{ Targeting = @{ LOCATION = 'US' } }
    }

    It 'makes every variant''s ad group in one POST and every ad in one more' {
        $posts = @($server.Requests | Select-Object -Skip $before | Where-Object Method -EQ 'POST')
        $posts.Count | Should -Be 2
        $posts[0].Path | Should -Be "/v5/ad_accounts/$account/ad_groups"
        (Get-BodyItems $posts[0]).Count | Should -Be 3
        $posts[1].Path | Should -Be "/v5/ad_accounts/$account/ads"
        (Get-BodyItems $posts[1]).Count | Should -Be 3
        Assert-MatchesSpec -Server $server -Contract $contract
    }

    It 'leaves the control ACTIVE and the treatments PAUSED, as the fake holds them' {
        $groups = Get-StoredGroups 'Spring hero'
        $groups.Count | Should -Be 3
        ($groups | Where-Object name -EQ '[Experiment: Spring hero] Control: Studio').status | Should -Be 'ACTIVE'
        ($groups | Where-Object name -EQ '[Experiment: Spring hero] Variant: Lifestyle').status | Should -Be 'PAUSED'
        ($groups | Where-Object name -EQ '[Experiment: Spring hero] Variant: Flatlay').status | Should -Be 'PAUSED'
        $groups.campaign_id | Sort-Object -Unique | Should -Be $campaign.Id
        $groups.budget_in_micro_currency | Sort-Object -Unique | Should -Be 20000000
        $groups.targeting_spec.LOCATION | Sort-Object -Unique | Should -Be 'US'
    }

    It 'gives each ad group one ad promoting its variant''s pin' {
        foreach ($variant in $made.Variants) {
            $ads = @(Get-Stored ads | Where-Object ad_group_id -EQ $variant.AdGroupId)
            $ads.Count | Should -Be 1
            $ads[0].pin_id | Should -Be $variant.PinId
            $ads[0].creative_type | Should -Be 'REGULAR'
            $variant.AdId | Should -Be $ads[0].id
        }
        $made.Variants.PinId | Should -Be (Get-Variants).PinId
    }

    It 'outputs a typed experiment whose table shows its variants and what runs' {
        $made.PSTypeNames[0] | Should -Be 'PinterestAds.Experiment'
        $made.Control | Should -Be 'Studio'
        $made.Running | Should -Be @('Studio')
        $made.Experiment | Should -Be 'Spring hero' -Because 'an experiment binds to -Experiment down the pipeline'
        $table = $made | Format-Table | Out-String
        $table | Should -Match 'Spring hero\s+\d+\s+\{Studio \(control\), Lifestyle, Flatlay\}\s+\{Studio\}'
    }

    It 'refuses an experiment name the ad account already has, with nothing sent' {
        $since = $server.Requests.Count
        $other = New-TestCampaign
        { New-TestExperiment 'spring HERO' $other -Extra @{ ErrorAction = 'Stop' } } | Should -Throw -ErrorId 'experimentExists,*'
        (Get-Writes '(ad_groups|ads)' $since).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf' {
        $since = $server.Requests.Count
        New-TestExperiment 'What if' $campaign -Extra @{ WhatIf = $true } | Should -BeNullOrEmpty
        @($server.Requests | Select-Object -Skip $since).Count | Should -Be 0
    }

    It 'makes the control the variant -Control names' {
        $experiment = New-TestExperiment 'Chosen control' $campaign -Extra @{ Control = 'flatlay' }
        $experiment.Control | Should -Be 'Flatlay'
        (Get-StoredGroups 'Chosen control' | Where-Object status -EQ 'ACTIVE').name | Should -Be '[Experiment: Chosen control] Control: Flatlay'
    }

    It 'returns the first result for a re-run with the same key, and writes nothing more' {
        $key = "again-$([guid]::NewGuid().ToString('N'))"
        $first = New-TestExperiment 'Twice' $campaign -Extra @{ IdempotencyKey = $key }
        $since = $server.Requests.Count
        $second = New-TestExperiment 'Twice' $campaign -Extra @{ IdempotencyKey = $key }

        $second.Variants.AdGroupId | Should -Be $first.Variants.AdGroupId
        $second.Variants.AdId | Should -Be $first.Variants.AdId
        (Get-Writes '(ad_groups|ads)' $since).Count | Should -Be 0
        (Get-StoredGroups 'Twice').Count | Should -Be 3
    }

    It 'leaves no half-made experiment when Pinterest refuses a variant: what was made is archived and renamed' {
        # The fake refuses an ad group without a budget in a campaign without budget optimization.
        $variants = @{ Name = 'Funded'; PinId = '1016239833598937'; Budget = 5 }, @{ Name = 'Unfunded'; PinId = '1016239833598938' }
        $since = $server.Requests.Count
        $err = $null
        New-PinExperiment -AdAccountId $account -CampaignId $campaign.Id -Name 'Half made' -Variant $variants -BillableEvent CLICKTHROUGH -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'experimentRejected,*'
        $err[0].Exception.Message | Should -Match "variant 'Unfunded'.*budget_in_micro_currency is required"
        $err[0].Exception.Message | Should -Match 'archived and renamed'
        (Get-Writes ads $since).Count | Should -Be 0
        (Get-StoredGroups 'Half made').Count | Should -Be 0
        $abandoned = @(Get-Stored ad_groups | Where-Object name -EQ 'Abandoned [Experiment: Half made] Control: Funded')
        $abandoned.status | Should -Be 'ARCHIVED'
        Get-PinExperiment -AdAccountId $account -Name 'Half made' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $variants[1].Budget = 5
        (New-PinExperiment -AdAccountId $account -CampaignId $campaign.Id -Name 'Half made' -Variant $variants -BillableEvent CLICKTHROUGH).Variants.Count | Should -Be 2
    }
}

Describe 'Refusing bad experiment input before sending' {
    BeforeAll {
        $script:campaign = New-TestCampaign
        $script:pin = '1016239833598937'
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a single variant'; Parameter = 'Variant'; Rule = 'at least two variants.*one was given'; Variant = @(@{ Name = 'Only'; PinId = '1' }) }
        @{ Case = 'two variants of the same name'; Parameter = 'Variant'; Rule = "two variants are named 'Same'"; Variant = @(@{ Name = 'Same'; PinId = '1' }, @{ Name = 'same'; PinId = '2' }) }
        @{ Case = 'an unknown control'; Parameter = 'Control'; Rule = "'Nobody' is not one of the variants \('A', 'B'\)"; Extra = @{ Control = 'Nobody' } }
        @{ Case = 'a pin id that is not an id'; Parameter = 'Variant'; Rule = "variant 2 \('B'\): PinId: '12a' is not a Pinterest id"; Variant = @(@{ Name = 'A'; PinId = '1' }, @{ Name = 'B'; PinId = '12a' }) }
        @{ Case = 'a campaign id that is not an id'; Parameter = 'CampaignId'; Rule = 'not a Pinterest id'; Extra = @{ CampaignId = 'C123' } }
        @{ Case = 'a variant without a pin'; Parameter = 'Variant'; Rule = "variant 2 \('B'\): has no PinId"; Variant = @(@{ Name = 'A'; PinId = '1' }, @{ Name = 'B' }) }
        @{ Case = 'a variant without a name'; Parameter = 'Variant'; Rule = 'variant 2: has no Name'; Variant = @(@{ Name = 'A'; PinId = '1' }, @{ PinId = '2' }) }
        @{ Case = 'a misspelt variant key'; Parameter = 'Variant'; Rule = "'Pin' is not a variant property\. Did you mean PinId"; Variant = @(@{ Name = 'A'; PinId = '1' }, @{ Name = 'B'; Pin = '2' }) }
        @{ Case = 'a variant''s negative budget'; Parameter = 'Variant'; Rule = "variant 1 \('A'\): Budget: -1 is negative"; Variant = @(@{ Name = 'A'; PinId = '1'; Budget = -1 }, @{ Name = 'B'; PinId = '2' }) }
        @{ Case = 'the experiment''s negative budget'; Parameter = 'Budget'; Rule = 'negative'; Extra = @{ Budget = -1 } }
        @{ Case = 'a variant''s unknown call to action'; Parameter = 'Variant'; Rule = "variant 2 \('B'\): CallToAction:.*Install now"; Variant = @(@{ Name = 'A'; PinId = '1' }, @{ Name = 'B'; PinId = '2'; CallToAction = 'Install now' }) }
        @{ Case = 'an experiment name with a bracket'; Parameter = 'Name'; Rule = 'square bracket'; Extra = @{ Name = 'Spring [2]' } }
        @{ Case = 'an experiment name that would not fit'; Parameter = 'Name'; Rule = 'at most 255.*at most 230 characters'; Extra = @{ Name = 'N' * 231 } }
        @{ Case = 'a variant name that would not fit'; Parameter = 'Variant'; Rule = "variant 2 \('B{5}.*\): its Name is 40 characters long.*at most 31"; Extra = @{ Name = 'N' * 200 }; Variant = @(@{ Name = 'A'; PinId = '1' }, @{ Name = 'B' * 40; PinId = '2' }) }
        @{ Case = 'a variant name with a line break'; Parameter = 'Variant'; Rule = 'control characters'; Variant = @(@{ Name = 'A'; PinId = '1' }, @{ Name = "B`nC"; PinId = '2' }) }
        @{ Case = 'more than 30 variants'; Parameter = 'Variant'; Rule = 'at most 30 variants'; Variant = @(1..31 | ForEach-Object { @{ Name = "V$_"; PinId = "$_" } }) }
        @{ Case = 'a key too long to derive item keys from'; Parameter = 'IdempotencyKey'; Rule = 'at most 243 characters'; Extra = @{ IdempotencyKey = 'k' * 244 } }
    ) {
        $parameters = @{ AdAccountId = $account; CampaignId = $campaign.Id; Name = 'Refused'; BillableEvent = 'CLICKTHROUGH'; Budget = 10 }
        $parameters.Variant = if ($Variant) { $Variant } else { @(@{ Name = 'A'; PinId = $pin }, @{ Name = 'B'; PinId = $pin }) }
        if ($Extra) { foreach ($key in $Extra.Keys) { $parameters[$key] = $Extra[$key] } }

        $refused = Assert-RefusedBeforeSending -Server $server -Parameter $Parameter -Rule $Rule -Action { New-PinExperiment @parameters }

        $refused.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'fits a name that fills exactly 255 characters once marked' {
        $experiment = New-PinExperiment -AdAccountId $account -CampaignId $campaign.Id -Name ('N' * 200) -BillableEvent CLICKTHROUGH -Budget 10 `
            -Variant @{ Name = 'A' * 31; PinId = $pin }, @{ Name = 'B'; PinId = $pin }
        $experiment.Variants[0].AdGroupName.Length | Should -Be 255
    }
}

Describe 'Get-PinExperiment' {
    BeforeAll {
        $script:campaign = New-TestCampaign
        $script:made = New-TestExperiment 'Seen elsewhere' $campaign
        $null = $campaign | New-PinAdGroup -Name 'Plain ad group' -BillableEvent CLICKTHROUGH -Budget 5
    }

    It 'rebuilds the experiment in a fresh pwsh on another machine, from Pinterest alone' {
        $script = @'
Import-Module $env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -EnvironmentVariable
$found = Get-PinExperiment -AdAccountId $env:TEST_ACCOUNT -Name 'seen ELSEWHERE'
"COUNT $(@($found).Count)"
"CONTROL $($found.Control)"
foreach ($v in $found.Variants) { "VARIANT $($v.Variant) $($v.IsControl) $($v.Status) $($v.AdGroupId) $($v.AdId) $($v.PinId)" }
$found | Format-Table | Out-String -Width 200
'@
        $child = Invoke-TestPwsh -Script $script -Environment @{
            PINTEREST_ADS_CLIENT_ID = $server.ClientId; PINTEREST_ADS_CLIENT_SECRET = $server.ClientSecret; PINTEREST_ADS_API_BASE_URI = $server.BaseUri.ToString()
            PINTEREST_ADS_REFRESH_TOKEN = $server.IssueRefreshToken(); PINTEREST_ADS_STATE_DIRECTORY = (Join-Path $TestDrive 'another-machine'); TEST_ACCOUNT = $account
        }

        $child.ExitCode | Should -Be 0 -Because $child.AllText
        $child.Output | Should -Match 'COUNT 1'
        $child.Output | Should -Match 'CONTROL Studio'
        foreach ($variant in $made.Variants) {
            $child.Output | Should -Match "VARIANT $($variant.Variant) $($variant.IsControl) $($variant.Status) $($variant.AdGroupId) $($variant.AdId) $($variant.PinId)"
        }
        $child.Output | Should -Match 'Seen elsewhere\s+\d+\s+\{Studio \(control\), Lifestyle, Flatlay\}'
    }

    It 'lists experiments by wildcard, and only ad groups that carry an experiment' {
        $found = @(Get-PinExperiment -AdAccountId $account -CampaignId $campaign.Id -Name 'seen*')
        $found.Count | Should -Be 1
        $found[0].Variants.Count | Should -Be 3
        $found[0].Variants.AdGroupName | Should -Not -Contain 'Plain ad group'
        $found[0].Variants[0].PSObject.TypeNames | Should -Contain 'PinterestAds.Core.Experiments.ExperimentVariant'
        ($found[0].Variants | Format-Table | Out-String) | Should -Match 'Variant\s+IsControl\s+Status\s+AdGroupId\s+PinId'
    }

    It 'reads with a list of ad groups and one of their ads, nothing else' {
        $since = $server.Requests.Count
        $null = Get-PinExperiment -AdAccountId $account -CampaignId $campaign.Id
        $reads = @($server.Requests | Select-Object -Skip $since)
        $reads.Method | Sort-Object -Unique | Should -Be 'GET'
        $reads.Path | Should -Be @("/v5/ad_accounts/$account/ad_groups", "/v5/ad_accounts/$account/ads")
    }

    It 'says so when a named experiment does not exist, and nothing for a wildcard that matches none' {
        { Get-PinExperiment -AdAccountId $account -Name 'No such test' -ErrorAction Stop } | Should -Throw -ErrorId 'experimentNotFound,*'
        Get-PinExperiment -AdAccountId $account -Name 'No such*' | Should -BeNullOrEmpty
    }
}

Describe 'Set-PinExperimentVariant and Stop-PinExperiment' {
    BeforeEach {
        $script:campaign = New-TestCampaign
        $script:name = "Toggle $([guid]::NewGuid().ToString('N').Substring(0, 6))"
        $script:made = New-TestExperiment $name $campaign
        $script:since = $server.Requests.Count
    }

    It 'the toggle turns a treatment on in one PATCH, as the fake reads back' {
        $variant = Set-PinExperimentVariant -AdAccountId $account -Experiment $name -Variant 'lifestyle' -Status active -PassThru

        $variant.Status | Should -Be 'ACTIVE'
        $variant.PinId | Should -Be $made.Variants[1].PinId
        $patches = Get-Writes ad_groups $since
        $patches.Count | Should -Be 1
        @(Get-BodyItems $patches[0]).Count | Should -Be 1
        (Get-StoredGroups $name | Where-Object name -Like '*Variant: Lifestyle').status | Should -Be 'ACTIVE'
        (Get-PinExperiment -AdAccountId $account -Name $name).Running | Should -Be @('Studio', 'Lifestyle')
    }

    It 'the toggle takes a variant piped from Get-PinExperiment, and -WhatIf sends nothing at all' {
        $flatlay = (Get-PinExperiment -AdAccountId $account -Name $name).Variants | Where-Object Variant -EQ 'Flatlay'
        $since = $server.Requests.Count
        $flatlay | Set-PinExperimentVariant -Status ACTIVE -WhatIf
        @($server.Requests | Select-Object -Skip $since).Count | Should -Be 0

        $flatlay | Set-PinExperimentVariant -Status ACTIVE
        (Get-StoredGroups $name | Where-Object name -Like '*Variant: Flatlay').status | Should -Be 'ACTIVE'
    }

    It 'the toggle sends nothing for a variant already in that status, and names the variants for one that does not exist' {
        Set-PinExperimentVariant -AdAccountId $account -Experiment $name -Variant Studio -Status ACTIVE
        (Get-Writes ad_groups $since).Count | Should -Be 0

        $err = $null
        Set-PinExperimentVariant -AdAccountId $account -Experiment $name -Variant Nobody -Status ACTIVE -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Match "-Variant: experiment '$name' has no variant 'Nobody'; its variants are 'Studio', 'Lifestyle', 'Flatlay'"
        (Get-Writes ad_groups $since).Count | Should -Be 0
    }

    It 'the stop keeps the winner ACTIVE and pauses the rest in one PATCH' {
        Set-PinExperimentVariant -AdAccountId $account -Experiment $name -Variant Flatlay -Status ACTIVE
        $since = $server.Requests.Count

        $stopped = Get-PinExperiment -AdAccountId $account -Name $name | Stop-PinExperiment -Winner Lifestyle -PassThru

        $stopped.Running | Should -Be @('Lifestyle')
        $patches = Get-Writes ad_groups $since
        $patches.Count | Should -Be 1
        @(Get-BodyItems $patches[0]).Count | Should -Be 3 -Because 'Studio and Flatlay pause, Lifestyle starts'
        $stored = Get-StoredGroups $name
        ($stored | Where-Object name -Like '*Lifestyle').status | Should -Be 'ACTIVE'
        ($stored | Where-Object name -Like '*Studio').status | Should -Be 'PAUSED'
        ($stored | Where-Object name -Like '*Flatlay').status | Should -Be 'PAUSED'
    }

    It 'the stop archives the rest with -Archive, and the archived variants still belong to the experiment' {
        Stop-PinExperiment -AdAccountId $account -Experiment $name -Winner Studio -Archive

        $stored = Get-StoredGroups $name
        ($stored | Where-Object name -Like '*Studio').status | Should -Be 'ACTIVE'
        ($stored | Where-Object { $_.name -notlike '*Studio' }).status | Should -Be @('ARCHIVED', 'ARCHIVED')
        (Get-PinExperiment -AdAccountId $account -Name $name).Variants.Status | Should -Be @('ACTIVE', 'ARCHIVED', 'ARCHIVED')
    }

    It 'the stop with -WhatIf sends nothing, and an unknown winner is refused before any write' {
        Stop-PinExperiment -AdAccountId $account -Experiment $name -Winner Lifestyle -Archive -WhatIf
        @($server.Requests | Select-Object -Skip $since).Count | Should -Be 0

        { Stop-PinExperiment -AdAccountId $account -Experiment $name -Winner Nobody -ErrorAction Stop } | Should -Throw -ErrorId 'invalidArgument,*'
        (Get-Writes ad_groups $since).Count | Should -Be 0
        (Get-StoredGroups $name | Where-Object status -EQ 'ACTIVE').Count | Should -Be 1
    }
}

Describe 'A run killed between its two requests' {
    It 'is completed by a re-run with the same -IdempotencyKey: the ad groups come from the journal, the ads are made once' {
        $campaign = New-TestCampaign
        $run = "crash-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $script = @'
$ErrorActionPreference = 'Stop'
Import-Module $env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -EnvironmentVariable
$variants = @{ Name = 'Studio'; PinId = '1016239833598930' }, @{ Name = 'Lifestyle'; PinId = '1016239833598931' }, @{ Name = 'Flatlay'; PinId = '1016239833598932' }
$made = New-PinExperiment -AdAccountId $env:TEST_ACCOUNT -CampaignId $env:TEST_CAMPAIGN -Name $env:TEST_RUN -Variant $variants -BillableEvent CLICKTHROUGH -Budget 10 -IdempotencyKey $env:TEST_RUN -ErrorAction Stop
"MADE $(@($made.Variants | Where-Object AdId).Count)"
'@
        function Get-RunEnvironment {
            # Both runs share a state folder (the journal), as two runs of a runbook on one machine do; each signs in afresh.
            @{
                PINTEREST_ADS_CLIENT_ID = $server.ClientId; PINTEREST_ADS_CLIENT_SECRET = $server.ClientSecret; PINTEREST_ADS_API_BASE_URI = $server.BaseUri.ToString()
                PINTEREST_ADS_REFRESH_TOKEN = $server.IssueRefreshToken(); PINTEREST_ADS_STATE_DIRECTORY = (Join-Path $TestDrive $run); PINTEREST_ADS_TIMEOUT = '3'
                TEST_ACCOUNT = $account; TEST_CAMPAIGN = $campaign.Id; TEST_RUN = $run
            }
        }
        # Pinterest holds the ads request until the process that sent it is gone, and never makes them.
        $held = $server.Faults.When('POST', "/ad_accounts/$account/ads").Delay([TimeSpan]::FromSeconds(30)).DropConnectionBeforeProcessing()
        $since = $server.Requests.Count

        $first = Start-TestPwsh -Script $script -Environment (Get-RunEnvironment)
        $deadline = [DateTime]::UtcNow.AddSeconds(90)
        while ($held.Hits -eq 0 -and -not $first.Process.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $held.Hits | Should -Be 1 -Because 'the first run must be killed while its ads request is with Pinterest'
        & kill -9 $first.Process.Id
        $null = Wait-TestPwsh $first
        (Get-StoredGroups $run).Count | Should -Be 3 -Because 'the ad groups were made before the kill'

        $rerun = Invoke-TestPwsh -Script $script -Environment (Get-RunEnvironment) -TimeoutSeconds 90

        $rerun.ExitCode | Should -Be 0 -Because $rerun.AllText
        $rerun.Output | Should -Match 'MADE 3'
        $groups = Get-StoredGroups $run
        $groups.Count | Should -Be 3
        foreach ($group in $groups) { @(Get-Stored ads | Where-Object ad_group_id -EQ $group.id).Count | Should -Be 1 }
        (Get-Writes ad_groups $since | Where-Object Method -EQ 'POST').Count | Should -Be 1 -Because 'the re-run took the ad groups from the journal'
        # The held request is logged when its hold ends, as dropped; only the re-run's reached Pinterest.
        @(Get-Writes ads $since | Where-Object { -not $_.Dropped }).Count | Should -Be 1 -Because 'the re-run sent the ads once, after it found none'
    }
}
