#Requires -Version 7.2
<#
    A Redis that misbehaves under a signed-in session against the fake Pinterest API. Paused
    (SIGSTOP) or killed: every failure is the documented quota error (LimitsExceeded), its message
    names the server, says what failed in a few words and what to do, and never carries
    StackExchange.Redis's connection dump; nothing is sent to Pinterest meanwhile. Flushed, or
    restarted without persistence: the module notices, warns once, counts the budget as used up,
    and a re-run with the same key finds its campaign instead of making another.
#>

BeforeDiscovery {
    $script:hasRedis = [bool](Get-Command redis-server -CommandType Application -ErrorAction Ignore)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'RedisServer.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Connect-WithRedis($Server, $Redis, [int] $RequestsPerHour = 1000) {
        # A refresh token and the client secret: the budget, the journal, the refresh lock and the
        # shared tokens all live in Redis.
        $secret = ConvertTo-SecureString $Server.ClientSecret -AsPlainText -Force
        $refresh = ConvertTo-SecureString $Server.IssueRefreshToken() -AsPlainText -Force
        Connect-PinterestAds -ApiBaseUri $Server.BaseUri -ClientId $Server.ClientId -ClientSecret $secret -RefreshToken $refresh `
            -RedisConfiguration $Redis.Configuration -RequestsPerHour $RequestsPerHour -PassThru -DoNotSetDefault
    }

    function Initialize-RedisSession {
        # A Redis, the fake API and a session whose budget, journal and tokens live in that Redis.
        $script:redis = Start-TestRedis
        $script:server = Start-PinTestServer -IgnoreIdempotencyKey
        $script:context = Connect-WithRedis $server $redis
        $script:account = $server.DefaultAdAccountId
    }

    function Invoke-Collecting([scriptblock] $Action) {
        # Runs $Action with -ErrorAction Stop semantics and returns the error record, or $null.
        try { $null = & $Action; $null } catch { $_ }
    }

    function Assert-QuotaErrorInFewWords($Record, $Redis) {
        $Record | Should -Not -BeNullOrEmpty
        $Record.Exception.GetType().Name | Should -Be 'PinterestAdsException' -Because "$($Record.Exception.GetType().FullName): $($Record.Exception.Message)"
        $Record.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $message = $Record.Exception.Message
        $message | Should -Match "Redis (at )?$([regex]::Escape($Redis.Configuration))"
        $message | Should -Match 'Start Redis|once (it|the journal) answers'
        # StackExchange.Redis's dump: multiplexer counters, thread pools, its version.
        $message | Should -Not -Match 'mgr:|IOCP|WORKER|clientName|v: \d+\.\d+|last-heartbeat|No connection is active'
        $message.Length | Should -BeLessThan 400
    }
}

Describe 'A paused Redis' -Skip:(-not $hasRedis) {
    BeforeAll {
        Initialize-RedisSession
        $script:run = [guid]::NewGuid().ToString('N').Substring(0, 8)
    }
    AfterAll {
        Resume-TestRedis $redis
        $server | Stop-PinTestServer -ErrorAction SilentlyContinue
        $redis | Stop-TestRedis
    }

    It 'gives only the documented quota error while it is paused and after, in a few words, and sends nothing' {
        $null = Get-PinAdAccount -Context $context
        $writesBefore = @($server.RequestsTo('POST', "/ad_accounts/$account/campaigns")).Count
        $records = [System.Collections.Generic.List[object]]::new()
        Suspend-TestRedis $redis
        try {
            foreach ($n in 1..3) { $records.Add((Invoke-Collecting { Get-PinAdAccount -Context $context -ErrorAction Stop })) }
            foreach ($n in 1..2) {
                $records.Add((Invoke-Collecting { New-PinCampaign -AdAccountId $account -Name "paused $n" -ObjectiveType AWARENESS -IdempotencyKey "paused-$run-$n" -Context $context -ErrorAction Stop }))
            }
            # StackExchange.Redis gives up on the hung connection after a while and fails what it queued.
            Start-Sleep -Seconds 3
            foreach ($n in 1..2) { $records.Add((Invoke-Collecting { Get-PinAdAccount -Context $context -ErrorAction Stop })) }
        }
        finally {
            Resume-TestRedis $redis
        }

        $records.Count | Should -Be 7
        foreach ($record in $records) { Assert-QuotaErrorInFewWords $record $redis }
        @($server.RequestsTo('POST', "/ad_accounts/$account/campaigns")).Count | Should -Be $writesBefore
    }

    It 'keeps StackExchange.Redis''s own account for -Verbose' {
        $redis | Stop-TestRedis
        try {
            $seen = [System.Collections.Generic.List[string]]::new()
            try { Get-PinAdAccount -Context $context -Verbose -ErrorAction Stop 4>&1 | ForEach-Object { $seen.Add("$_") } } catch { $failure = $_ }
            $failure.CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $seen -join "`n" | Should -Match "Redis at $([regex]::Escape($redis.Configuration)): \S"
        }
        finally {
            $null = Restart-TestRedis $redis
        }
    }
}

Describe 'A killed Redis' -Skip:(-not $hasRedis) {
    BeforeAll {
        Initialize-RedisSession
    }
    AfterAll {
        $server | Stop-PinTestServer -ErrorAction SilentlyContinue
        $redis | Stop-TestRedis
    }

    It 'is named with what failed and what to do, for reads and for keyed writes alike' {
        $null = Get-PinAdAccount -Context $context
        $redis | Stop-TestRedis

        Assert-QuotaErrorInFewWords (Invoke-Collecting { Get-PinAdAccount -Context $context -ErrorAction Stop }) $redis
        Assert-QuotaErrorInFewWords (Invoke-Collecting { Get-PinAdAccount -Context $context -ErrorAction Stop }) $redis
        Assert-QuotaErrorInFewWords (Invoke-Collecting { New-PinCampaign -AdAccountId $account -Name 'down' -ObjectiveType AWARENESS -IdempotencyKey "down-$([guid]::NewGuid())" -Context $context -ErrorAction Stop }) $redis
        @($server.RequestsTo('POST', "/ad_accounts/$account/campaigns")).Count | Should -Be 0
    }
}

Describe 'A Redis that forgets' -Skip:(-not $hasRedis) {
    BeforeAll {
        $script:server = Start-PinTestServer -IgnoreIdempotencyKey
        $script:account = $server.DefaultAdAccountId

        function Clear-Redis {
            Invoke-RedisCommand $redis FLUSHALL | Should -Be 'OK'
            # A session looks at the marker at most once a second while it uses Redis.
            Start-Sleep -Milliseconds 1100
        }
    }
    BeforeEach {
        # A Redis for each test: a loss weighs on a Redis for the rest of its hour.
        $script:redis = Start-TestRedis
    }
    AfterEach {
        $redis | Stop-TestRedis
    }
    AfterAll {
        $server | Stop-PinTestServer -ErrorAction SilentlyContinue
    }

    It 'after FLUSHALL, warns once and a re-run with the same key finds the campaign instead of making another' {
        $context = Connect-WithRedis $server $redis -RequestsPerHour 100000
        $key = "flushed-$([guid]::NewGuid().ToString('N'))"
        $made = New-PinCampaign -AdAccountId $account -Name 'made before the flush' -ObjectiveType AWARENESS -IdempotencyKey $key -Context $context -ErrorAction Stop
        Clear-Redis

        $again = New-PinCampaign -AdAccountId $account -Name 'made before the flush' -ObjectiveType AWARENESS -IdempotencyKey $key -Context $context -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue
        $null = Get-PinAdAccount -Context $context -WarningVariable later -WarningAction SilentlyContinue

        $again.Id | Should -Be $made.Id
        $server.CountEntities($account, 'campaigns', 'made before the flush') | Should -Be 1
        @($warned).Count | Should -Be 1
        "$warned" | Should -Match "Redis at $([regex]::Escape($redis.Configuration)) lost the module's data"
        "$warned" | Should -Match 'appendonly yes.*maxmemory-policy noeviction'
        @($later).Count | Should -Be 0
    }

    It 'after FLUSHALL, counts the forgotten budget as used up rather than starting from zero' {
        $context = Connect-WithRedis $server $redis -RequestsPerHour 10
        $null = Get-PinAdAccount -Context $context
        Clear-Redis

        $app = Get-PinRateLimit -Context $context -WarningAction SilentlyContinue | Where-Object { -not $_.AdAccountId }
        $record = $null
        try { Get-PinAdAccount -Context $context -ErrorAction Stop -WarningAction SilentlyContinue } catch { $record = $_ }

        $app.Remaining | Should -Be 0
        $record.FullyQualifiedErrorId | Should -BeLike 'requestBudgetExhausted,*'
        $record.CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }

    It 'restarted without persistence between two runs, the second run finds the first one''s campaign' {
        $name = "made before the restart $([guid]::NewGuid().ToString('N').Substring(0, 6))"
        $run = @{
            PINTEREST_ADS_CLIENT_ID = $server.ClientId; PINTEREST_ADS_CLIENT_SECRET = $server.ClientSecret; PINTEREST_ADS_API_BASE_URI = $server.BaseUri.ToString()
            PINTEREST_ADS_REDIS = $redis.Configuration; PINTEREST_ADS_REQUESTS_PER_HOUR = '100000'; PINTEREST_ADS_STATE_DIRECTORY = (Join-Path $TestDrive 'runbook-machine')
            TEST_ACCOUNT = $account; TEST_NAME = $name; TEST_KEY = "restart-$name"
        }
        $script = @'
Import-Module $env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -EnvironmentVariable -WarningVariable warned -WarningAction SilentlyContinue
$made = New-PinCampaign -AdAccountId $env:TEST_ACCOUNT -Name $env:TEST_NAME -ObjectiveType AWARENESS -IdempotencyKey $env:TEST_KEY -ErrorAction Stop -WarningVariable +warned -WarningAction SilentlyContinue
"ID $($made.Id)"
"WARNED $warned"
'@
        $run.PINTEREST_ADS_REFRESH_TOKEN = $server.IssueRefreshToken()
        $first = Invoke-TestPwsh -Script $script -Environment $run
        $redis | Stop-TestRedis
        $null = Restart-TestRedis $redis
        $run.PINTEREST_ADS_REFRESH_TOKEN = $server.IssueRefreshToken()
        $second = Invoke-TestPwsh -Script $script -Environment $run

        $first.ExitCode | Should -Be 0 -Because $first.AllText
        $second.ExitCode | Should -Be 0 -Because $second.AllText
        $id = [regex]::Match($first.Output, 'ID (\d+)').Groups[1].Value
        $second.Output | Should -Match "ID $id"
        $second.Output | Should -Match "WARNED Redis at .* lost the module's data"
        $server.CountEntities($account, 'campaigns', $name) | Should -Be 1
        $first.Output | Should -Not -Match 'lost the module'
    }
}
