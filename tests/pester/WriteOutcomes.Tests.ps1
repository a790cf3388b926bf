#Requires -Version 7.2
<#
    Writes happen once and the caller is told the truth when the network or the server misbehaves:
    the fake Pinterest API ignores Idempotency-Key (as Pinterest does) and injects the fault;
    entity counts come from the fake's own state.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun

    function Get-CampaignPosts { @(Get-AdsRequests $server POST campaigns) }

    function Connect-Session([hashtable] $Variables = @{}) {
        # A second sign-in with its own state folder (its journal is not ours, as on another machine
        # without Redis) and the PINTEREST_ADS_* variables given.
        $Variables.PINTEREST_ADS_STATE_DIRECTORY = Join-Path $TestDrive "machine-$([guid]::NewGuid().ToString('N'))"
        $saved = @{}
        foreach ($name in $Variables.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $Variables[$name]) }
        try {
            Connect-PinterestAds -ApiBaseUri $server.BaseUri -ClientId $server.ClientId -AccessToken (ConvertTo-SecureString $server.IssueAccessToken() -AsPlainText -Force) -PassThru -DoNotSetDefault
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }

    function Get-LiveCampaigns([string] $Name) {
        @($server.GetEntitiesJson($account, 'campaigns') | ConvertFrom-Json | Where-Object { $_.name -eq $Name -and $_.status -ne 'ARCHIVED' })
    }
}

AfterAll {
    $server.Dispose()
}

Describe 'Reconciliation never adopts another write''s campaign' {
    It 'gives as many campaigns as creates when same-name creates one after another get a 503 or lose their answer (<Keys>)' -ForEach @(
        @{ Keys = 'a key each' }
        @{ Keys = 'no keys' }
    ) {
        $name = "one after another $Keys"
        $run = [guid]::NewGuid().ToString('N')
        $ids = foreach ($n in 1..8) {
            if ($n % 2) { $null = $server.Faults.InjectStatus('POST', "/ad_accounts/$account/campaigns", 503) }
            else { $null = $server.Faults.DropAfterCommit('POST', "/ad_accounts/$account/campaigns") }
            $parameters = @{ AdAccountId = $account; Name = $name; ObjectiveType = 'AWARENESS' }
            if ($Keys -eq 'a key each') { $parameters.IdempotencyKey = "$run-$n" }
            (New-PinCampaign @parameters -ErrorAction Stop).Id
        }

        $ids.Count | Should -Be 8
        @($ids | Sort-Object -Unique).Count | Should -Be 8
        $server.CountEntities($account, 'campaigns', $name) | Should -Be 8
    }

    It 'judges "made after the send" on the server''s clock: a lost create is found with the server 10 minutes behind' {
        $name = 'server behind'
        $server.AdvanceClock([TimeSpan]::FromMinutes(-10))
        try {
            $null = $server.Faults.DropAfterCommit('POST', "/ad_accounts/$account/campaigns")
            $made = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey "behind-$([guid]::NewGuid())" -ErrorAction Stop
        }
        finally {
            $server.AdvanceClock([TimeSpan]::FromMinutes(10))
        }

        $server.CountEntities($account, 'campaigns', $name) | Should -Be 1
        $made.Id | Should -Match '^\d+$'
    }

    It 'judges "made after the send" on the server''s clock: another machine''s earlier campaign is not adopted with the server 10 minutes ahead' {
        $name = 'server ahead'
        $other = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -Context (Connect-Session) -ErrorAction Stop
        $server.AdvanceClock([TimeSpan]::FromMinutes(10))
        try {
            $null = $server.Faults.InjectStatus('POST', "/ad_accounts/$account/campaigns", 503)
            $mine = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey "ahead-$([guid]::NewGuid())" -ErrorAction Stop
        }
        finally {
            $server.AdvanceClock([TimeSpan]::FromMinutes(-10))
        }

        $mine.Id | Should -Not -Be $other.Id
        $server.CountEntities($account, 'campaigns', $name) | Should -Be 2
    }

    It 'does not adopt another machine''s campaign made a few seconds before the send' {
        $name = 'made just before'
        $other = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -Context (Connect-Session) -ErrorAction Stop
        Start-Sleep -Seconds 3
        $null = $server.Faults.InjectStatus('POST', "/ad_accounts/$account/campaigns", 503)
        $mine = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -ErrorAction Stop

        $mine.Id | Should -Not -Be $other.Id
        $server.CountEntities($account, 'campaigns', $name) | Should -Be 2
    }
}

Describe 'A create Pinterest holds past PINTEREST_ADS_TIMEOUT and commits late' {
    BeforeAll {
        # Attempts give up after 3 s, and a timed-out write settles for as long before anyone looks.
        $script:impatient = Connect-Session @{ PINTEREST_ADS_TIMEOUT = '3' }
    }

    It 'is found once it has settled, and never sent again' {
        $name = 'held, then committed while settling'
        $null = $server.Faults.InjectLatency('POST', "/ad_accounts/$account/campaigns", [TimeSpan]::FromSeconds(4.5))
        $posts = (Get-CampaignPosts).Count
        $verbose = [System.Collections.Generic.List[string]]::new()

        New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey "held-$([guid]::NewGuid())" -Context $impatient -ErrorAction Stop -Verbose 4>&1 |
            ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $verbose.Add("$_") } else { $made = $_ } }

        $made.Id | Should -Match '^\d+$'
        $verbose -join "`n" | Should -Match 'timed out after 3'
        $verbose -join "`n" | Should -Match 'waiting 3 s for it to settle'
        (Get-CampaignPosts).Count | Should -Be ($posts + 1)
        $server.CountEntities($account, 'campaigns', $name) | Should -Be 1
    }

    It 'leaves one live campaign when it lands only after the re-send: the late one is archived and both ids are reported' {
        $name = 'held, then committed after the re-send'
        $null = $server.Faults.InjectLatency('POST', "/ad_accounts/$account/campaigns", [TimeSpan]::FromSeconds(7.5))

        $made = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey "late-$([guid]::NewGuid())" -Context $impatient -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue

        $live = Get-LiveCampaigns $name
        $live.Count | Should -Be 1
        $live[0].id | Should -Be $made.Id
        $server.CountEntities($account, 'campaigns', $name) | Should -Be 2
        $late = @($server.GetEntitiesJson($account, 'campaigns') | ConvertFrom-Json | Where-Object { $_.name -eq $name -and $_.status -eq 'ARCHIVED' })[0].id
        "$warned" | Should -Match "$late duplicates $($made.Id)\. $late was archived"
    }

    It 'keeps the re-send''s campaign when the look for a late one fails: a warning says to check, and a re-run with the key replays it' {
        $name = 'held, then the late look refused'
        $key = "late-look-$([guid]::NewGuid())"
        $null = $server.Faults.InjectLatency('POST', "/ad_accounts/$account/campaigns", [TimeSpan]::FromSeconds(7.5))
        # The look after the timeout goes through; the look for a late landing, after the re-send, is refused.
        $null = $server.Faults.When('GET', "/ad_accounts/$account/campaigns")
        $null = $server.Faults.InjectStatus('GET', "/ad_accounts/$account/campaigns", 403)

        $made = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey $key -Context $impatient -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue
        $posts = (Get-CampaignPosts).Count
        $again = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey $key -Context $impatient -ErrorAction Stop

        $made.Id | Should -Match '^\d+$'
        "$warned" | Should -Match "check for a duplicate of $($made.Id)"
        $again.Id | Should -Be $made.Id
        (Get-CampaignPosts).Count | Should -Be $posts
    }

    It 'shows the timeout in Get-PinterestAdsContext' {
        $impatient.RequestTimeout | Should -Be ([TimeSpan]::FromSeconds(3))
        (Connect-Session).RequestTimeout | Should -Be ([TimeSpan]::FromSeconds(30))
    }
}

Describe 'A re-run after kill -9 in the middle of a batch' {
    It 'takes the interrupted keys over at once, reconciles, and finishes within a minute with one campaign per key' {
        $run = "crash-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $script = @'
Import-Module $env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -EnvironmentVariable
$rows = 1..3 | ForEach-Object { [pscustomobject]@{ AdAccountId = $env:TEST_ACCOUNT; Name = "$env:TEST_RUN $_"; ObjectiveType = 'AWARENESS'; IdempotencyKey = "$env:TEST_RUN-$_" } }
$made = $rows | New-PinCampaign -ErrorAction Stop
"MADE $(@($made).Count)"
'@
        function Get-RunEnvironment {
            @{
                PINTEREST_ADS_CLIENT_ID = $server.ClientId; PINTEREST_ADS_CLIENT_SECRET = $server.ClientSecret; PINTEREST_ADS_API_BASE_URI = $server.BaseUri.ToString()
                PINTEREST_ADS_REFRESH_TOKEN = $server.IssueRefreshToken(); PINTEREST_ADS_STATE_DIRECTORY = (Join-Path $TestDrive $run); PINTEREST_ADS_TIMEOUT = '3'
                TEST_ACCOUNT = $account; TEST_RUN = $run
            }
        }
        # Pinterest holds the batch for 4 s, then commits it, whatever became of the client.
        $held = $server.Faults.InjectLatency('POST', "/ad_accounts/$account/campaigns", [TimeSpan]::FromSeconds(4))

        $first = Start-TestPwsh -Script $script -Environment (Get-RunEnvironment)
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ($held.Hits -eq 0 -and -not $first.Process.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $held.Hits | Should -Be 1 -Because 'the first run must be killed while its batch is with Pinterest'
        & kill -9 $first.Process.Id
        $null = Wait-TestPwsh $first

        $rerun = Invoke-TestPwsh -Script $script -Environment (Get-RunEnvironment) -TimeoutSeconds 60

        $rerun.ExitCode | Should -Be 0 -Because $rerun.AllText
        $rerun.Output | Should -Match 'MADE 3'
        foreach ($n in 1..3) { (Get-LiveCampaigns "$run $n").Count | Should -Be 1 }
    }
}

Describe 'A check for a lost answer that fails' {
    BeforeAll {
        # The re-run lets what the first run sent settle for as long as an attempt may take.
        $script:impatient = Connect-Session @{ PINTEREST_ADS_TIMEOUT = '3' }
    }

    It 'leaves the outcome unknown, naming the key, and a re-run with the key returns the campaign instead of making another' {
        $name = 'check refused'
        $key = "check-$([guid]::NewGuid().ToString('N'))"
        $null = $server.Faults.DropAfterCommit('POST', "/ad_accounts/$account/campaigns")
        $null = $server.Faults.InjectStatus('GET', "/ad_accounts/$account/campaigns", 403)
        $record = $null

        try { New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey $key -Context $impatient -ErrorAction Stop } catch { $record = $_ }
        $again = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey $key -Context $impatient -ErrorAction Stop

        $server.CountEntities($account, 'campaigns', $name) | Should -Be 1
        $again.Id | Should -Match '^\d+$'
        $record.FullyQualifiedErrorId | Should -BeLike 'writeOutcomeUnknown,*'
        $record.Exception.Message | Should -Match "the check for its result failed: .*403.*Idempotency-Key: $key"
    }
}

Describe 'A malformed success' {
    It 'on a create (<Label>) is reconciled: the caller gets the campaign, one exists, and a re-run with the key returns it' -ForEach @(
        @{ Label = 'an empty body'; Body = '' }
        @{ Label = 'a body cut off'; Body = '{"items":[{"data":{"id":"' }
        @{ Label = 'no items'; Body = '{}' }
    ) {
        $name = "malformed $Label"
        $key = "malformed-$([guid]::NewGuid().ToString('N'))"
        $server.Faults.InjectMalformedSuccess('POST', "/ad_accounts/$account/campaigns", $Body)
        $posts = (Get-CampaignPosts).Count

        $first = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey $key -ErrorAction Stop
        $again = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey $key -ErrorAction Stop

        $first.Id | Should -Match '^\d+$'
        $first.Name | Should -Be $name
        $again.Id | Should -Be $first.Id
        $server.CountEntities($account, 'campaigns', $name) | Should -Be 1
        (Get-CampaignPosts).Count | Should -Be ($posts + 1)
    }

    It 'on a read is the invalidResponse error with the status, the request id and the first bytes, secrets masked' {
        $server.Faults.InjectMalformedSuccess('GET', "/ad_accounts/$account/campaigns", '{"items":[{"id":"1","name":"cut","access_token":"pina_leakedsecret0123456789')
        $record = $null
        try { Get-PinCampaign -AdAccountId $account -ErrorAction Stop } catch { $record = $_ }

        $record.FullyQualifiedErrorId | Should -BeLike 'invalidResponse,*'
        $record.CategoryInfo.Category | Should -Be 'InvalidResult'
        $record.Exception.GetType().Name | Should -Be 'PinterestAdsException'
        $rid = ($server.Requests | Where-Object { $_.Method -eq 'GET' -and $_.Path -eq "/v5/ad_accounts/$account/campaigns" } | Select-Object -Last 1).RequestId
        $message = $record.Exception.Message
        $message | Should -Match "GET /ad_accounts/$account/campaigns answered 200 with a body that cannot be read"
        $message | Should -Match ([regex]::Escape($rid))
        $message | Should -Match ([regex]::Escape('{"items":[{"id":"1","name":"cut"'))
        $message | Should -Not -Match 'pina_leaked'
    }
}
