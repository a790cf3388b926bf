# The request budget across processes: real pwsh children hammer one bucket through a real
# redis-server (and through the machine-local file limiter), every admission's store timestamp
# is swept offline for the busiest rolling window, and Redis is killed and restarted mid-run.
# Windows are scaled down to seconds; the code path is the one a 1000-per-hour budget uses.

BeforeDiscovery {
    $script:hasRedis = [bool](Get-Command redis-server -CommandType Application -ErrorAction Ignore)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'RedisServer.psm1') -Force

    # The workers load the engine assembly straight into their own process (no module import),
    # so they can call the limiter the way the request pipeline does.
    $script:coreAssembly = Get-ChildItem (Split-Path (Get-TestModulePath)) -Recurse -Filter PinterestAds.Core.dll |
        Select-Object -First 1 -ExpandProperty FullName
    if (-not $coreAssembly) { throw "PinterestAds.Core.dll was not found beside $(Get-TestModulePath); build the module first." }

    $script:workerPath = Join-Path $TestDrive 'LimiterWorker.ps1'
    Set-Content -Path $workerPath -Encoding utf8NoBOM -Value @'
param(
    [Parameter(Mandatory)] [string] $CoreAssembly,
    [string] $Redis,
    [string] $StateDirectory,
    [Parameter(Mandatory)] [string] $ClientId,
    [int] $Budget,
    [int] $WindowMs,
    [Parameter(Mandatory)] [string] $GoFile,
    [Parameter(Mandatory)] [string] $ReadyFile,
    [int] $RunMs,
    [double] $SkewMinutes = 0,
    [int] $Concurrency = 4,
    [int] $MaxWaitMs = 30000
)
$ErrorActionPreference = 'Stop'
Add-Type -Path $CoreAssembly

function New-SkewedClock([Type] $base, [TimeSpan] $offset) {
    # A TimeProvider whose wall clock is off by $offset. Emitted at run time because the engine's
    # TimeProvider (Microsoft.Bcl.TimeProvider) is not the runtime's type a PowerShell class would extend.
    $assembly = [System.Reflection.Emit.AssemblyBuilder]::DefineDynamicAssembly([System.Reflection.AssemblyName]::new('SkewedClock'), 'Run')
    $type = $assembly.DefineDynamicModule('SkewedClock').DefineType('SkewedClock', 'Public, Sealed, Class', $base)
    $field = $type.DefineField('Offset', [TimeSpan], 'Public, Static')
    $method = $type.DefineMethod('GetUtcNow', 'Public, Virtual, HideBySig', [DateTimeOffset], [Type[]]@())
    $il = $method.GetILGenerator()
    $il.Emit([System.Reflection.Emit.OpCodes]::Call, [DateTimeOffset].GetProperty('UtcNow').GetGetMethod())
    $il.Emit([System.Reflection.Emit.OpCodes]::Ldsfld, $field)
    $il.Emit([System.Reflection.Emit.OpCodes]::Call, [DateTimeOffset].GetMethod('op_Addition', [Type[]]@([DateTimeOffset], [TimeSpan])))
    $il.Emit([System.Reflection.Emit.OpCodes]::Ret)
    $type.DefineMethodOverride($method, $base.GetMethod('GetUtcNow'))
    $null = $type.DefineDefaultConstructor('Public')
    $created = $type.CreateType()
    $created.GetField('Offset').SetValue($null, $offset)
    [Activator]::CreateInstance($created)
}

$options = [PinterestAds.Core.Limiting.BudgetOptions]::new()
$options.RequestsPerWindow = $Budget
$options.Window = [TimeSpan]::FromMilliseconds($WindowMs)
$options.MaxWait = [TimeSpan]::FromMilliseconds($MaxWaitMs)
if ($Redis) { $options.RedisConfiguration = $Redis } else { $options.StateDirectory = $StateDirectory }
if ($SkewMinutes) {
    $options.TimeProvider = New-SkewedClock ([PinterestAds.Core.Limiting.BudgetOptions].GetProperty('TimeProvider').PropertyType) ([TimeSpan]::FromMinutes($SkewMinutes))
    "skew $([long]($options.TimeProvider.GetUtcNow() - [DateTimeOffset]::UtcNow).TotalSeconds)"
}

$limiter = [PinterestAds.Core.Session.SessionWiring]::CreateLimiter($options)
$bucket = [PinterestAds.Core.Limiting.LimiterBucket]::new($ClientId, '549755885175')
$observer = [PinterestAds.Core.Diagnostics.SilentObserver]::Instance
$none = [System.Threading.CancellationToken]::None
# Warm up (JIT, Redis connection) without spending anything, then wait for everyone.
$null = $limiter.InspectAsync($bucket, $none).GetAwaiter().GetResult()
Set-Content -Path $ReadyFile -Value 'ready'
# The test opens the gate within seconds; a gate that never opens means the test is gone.
$giveUp = [DateTime]::UtcNow.AddMinutes(2)
while (-not (Test-Path $GoFile)) {
    if ([DateTime]::UtcNow -gt $giveUp) { throw 'The gate did not open within two minutes; the test that started this worker is gone.' }
    Start-Sleep -Milliseconds 5
}
$start = [long](Get-Content -Raw $GoFile)
while ([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() -lt $start) { Start-Sleep -Milliseconds 1 }
$end = $start + $RunMs

$tasks = [System.Collections.Generic.List[System.Threading.Tasks.Task]]::new()
$begun = [System.Collections.Generic.List[long]]::new()
function Start-Acquire {
    $begun.Add([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds())
    $tasks.Add($limiter.AcquirePermitAsync($bucket, [guid]::NewGuid().ToString('N'), $observer, $none))
}
for ($i = 0; $i -lt $Concurrency; $i++) { Start-Acquire }
while ($tasks.Count -gt 0) {
    $index = [System.Threading.Tasks.Task]::WaitAny($tasks.ToArray())
    $task = $tasks[$index]; $began = $begun[$index]
    $tasks.RemoveAt($index); $begun.RemoveAt($index)
    $now = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
    if ($task.IsFaulted) {
        $e = $task.Exception.GetBaseException()
        $id = if ($e.PSObject.Properties['ErrorId']) { $e.ErrorId } else { $e.GetType().Name }
        "err $id $now $($now - $began)"
        if ($now -lt $end) { Start-Sleep -Milliseconds 50 }
    }
    else {
        "ok $($task.Result.StoreTimeMicroseconds) $now $($now - $began)"
    }
    if ($now -lt $end) { Start-Acquire }
}
'done'
'@

    function Start-Workers {
        # Starts one pwsh child per argument set, waits until all report "ready", then opens the
        # gate for all of them at once. Returns the processes with their pending output.
        param([Parameter(Mandatory)] [hashtable[]] $Workers, [int] $TimeoutSeconds = 90)
        $goFile = Join-Path $TestDrive ("go-" + [guid]::NewGuid().ToString('N'))
        $started = foreach ($worker in $Workers) {
            $ready = Join-Path $TestDrive ("ready-" + [guid]::NewGuid().ToString('N'))
            $info = [System.Diagnostics.ProcessStartInfo]::new((Get-TestPwshPath))
            foreach ($a in @('-NoProfile', '-NonInteractive', '-File', $workerPath, '-CoreAssembly', $coreAssembly, '-GoFile', $goFile, '-ReadyFile', $ready)) { $info.ArgumentList.Add($a) }
            foreach ($key in $worker.Keys) { $info.ArgumentList.Add("-$($key):$($worker[$key])") }
            $info.UseShellExecute = $false
            $info.RedirectStandardOutput = $true
            $info.RedirectStandardError = $true
            $process = [System.Diagnostics.Process]::Start($info)
            Start-TestWatchdog -Child $process -Seconds 600
            [pscustomobject]@{ Process = $process; Ready = $ready; Output = $process.StandardOutput.ReadToEndAsync(); Error = $process.StandardError.ReadToEndAsync() }
        }
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while (@($started | Where-Object { -not (Test-Path $_.Ready) }).Count -gt 0) {
            $dead = $started | Where-Object { $_.Process.HasExited } | Select-Object -First 1
            if ($dead) { throw "A worker exited before it was ready: $($dead.Error.Result)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw 'The workers did not start in time.' }
            Start-Sleep -Milliseconds 50
        }
        Set-Content -Path $goFile -Value ([DateTimeOffset]::UtcNow.AddMilliseconds(300).ToUnixTimeMilliseconds())
        $started
    }

    function Wait-Workers {
        param([Parameter(Mandatory)] $Workers, [int] $TimeoutSeconds = 120)
        foreach ($w in $Workers) {
            if (-not $w.Process.WaitForExit($TimeoutSeconds * 1000)) { $w.Process.Kill(); throw 'A worker did not finish.' }
            $w.Process.ExitCode | Should -Be 0 -Because $w.Error.Result
        }
        foreach ($w in $Workers) {
            foreach ($line in ($w.Output.Result -split "`r?`n")) {
                $parts = $line -split ' '
                switch ($parts[0]) {
                    'ok' { [pscustomobject]@{ Ok = $true; Stamp = [long]$parts[1]; At = [long]$parts[2]; LatencyMs = [long]$parts[3]; Worker = $w.Process.Id } }
                    'err' { [pscustomobject]@{ Ok = $false; ErrorId = $parts[1]; At = [long]$parts[2]; LatencyMs = [long]$parts[3]; Worker = $w.Process.Id } }
                    'skew' { [pscustomobject]@{ Skew = [long]$parts[1]; Worker = $w.Process.Id } }
                }
            }
        }
    }

    function Measure-BusiestWindow {
        # The most admissions in any half-open window [t, t + T): the limiter's promise is "at most N".
        param([long[]] $Stamps, [long] $WindowUs)
        $sorted = [long[]]($Stamps | Sort-Object)
        $best = 0; $from = 0
        for ($to = 0; $to -lt $sorted.Length; $to++) {
            while ($sorted[$to] - $sorted[$from] -ge $WindowUs) { $from++ }
            $best = [Math]::Max($best, $to - $from + 1)
        }
        $best
    }

    function Assert-BudgetHeld {
        # No attempt was refused, no rolling window admitted more than the budget, and the first
        # $Windows windows from the first admission used at least 95 % of it. Returns the admissions.
        param([Parameter(Mandatory)] $Results, [int] $Budget, [int] $WindowMs, [int] $Windows, [string] $Label)
        $admitted = @($Results | Where-Object Ok)
        @($Results | Where-Object { $_.PSObject.Properties['Ok'] -and -not $_.Ok }) | Should -BeNullOrEmpty
        $stamps = [long[]]$admitted.Stamp
        $busiest = Measure-BusiestWindow -Stamps $stamps -WindowUs ($WindowMs * 1000)
        $busiest | Should -BeLessOrEqual $Budget
        $first = ($stamps | Measure-Object -Minimum).Minimum
        $inFirst = @($stamps | Where-Object { $_ -lt $first + $Windows * $WindowMs * 1000 }).Count
        Write-Host "    $($Label): $($stamps.Count) admissions; busiest rolling window $busiest of $Budget; first $Windows windows $inFirst of $($Windows * $Budget)"
        $inFirst | Should -BeGreaterOrEqual ([Math]::Ceiling(0.95 * $Windows * $Budget))
        $admitted
    }
}

Describe 'The busiest-window sweep' {
    It 'finds one admission too many (so the limiter checks can fail)' {
        Measure-BusiestWindow -Stamps @(0, 10, 500, 999, 1500) -WindowUs 1000 | Should -Be 4
        Measure-BusiestWindow -Stamps @(0, 1000, 2000) -WindowUs 1000 | Should -Be 1
    }
}

Describe 'The Redis request budget across processes' -Skip:(-not $hasRedis) {
    BeforeAll {
        $script:redis = Start-TestRedis
    }
    AfterAll {
        $redis | Stop-TestRedis
    }

    It 'admits at most the budget in every rolling window across 8 processes, uses at least 95 % of it, and ignores skewed client clocks' {
        $budget = 40; $windowMs = 4000; $runMs = 12000
        $client = 'hammer-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $common = @{ Redis = $redis.Configuration; ClientId = $client; Budget = $budget; WindowMs = $windowMs; RunMs = $runMs; Concurrency = 4 }
        $specs = foreach ($i in 1..8) {
            $spec = $common.Clone()
            if ($i -eq 1) { $spec.SkewMinutes = 7 }
            if ($i -eq 2) { $spec.SkewMinutes = -5 }
            $spec
        }

        $results = Wait-Workers (Start-Workers -Workers $specs)

        # Utilisation: three full windows from the first admission hold 3 x budget when saturated.
        $admitted = @(Assert-BudgetHeld -Results $results -Budget $budget -WindowMs $windowMs -Windows 3 -Label '8 processes')

        # Every process got permits, the skewed ones included, and Redis's clock stamped them all.
        @($admitted.Worker | Sort-Object -Unique).Count | Should -Be 8
        $skewed = @($results | Where-Object { $_.PSObject.Properties['Skew'] })
        $skewed.Count | Should -Be 2
        [Math]::Abs($skewed[0].Skew) | Should -BeGreaterThan 250
        foreach ($s in $skewed) {
            $theirs = @($admitted | Where-Object Worker -EQ $s.Worker)
            $theirs.Count | Should -BeGreaterThan 0
            foreach ($a in $theirs) { [Math]::Abs($a.Stamp / 1000 - $a.At) | Should -BeLessThan 5000 }
        }
    }

    It 'fails closed within about a second while Redis is down, and recovers by itself after a restart' {
        $client = 'outage-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $spec = @{ Redis = $redis.Configuration; ClientId = $client; Budget = 100000; WindowMs = 60000; RunMs = 9000; Concurrency = 1; MaxWaitMs = 0 }
        $workers = Start-Workers -Workers @($spec, $spec.Clone(), $spec.Clone())

        Start-Sleep -Seconds 2
        $redis | Stop-TestRedis
        $killedAt = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
        Start-Sleep -Seconds 3
        $null = Restart-TestRedis $redis
        $restartedAt = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
        $results = Wait-Workers $workers

        $duringOutage = @($results | Where-Object { $_.At -gt $killedAt + 200 -and $_.At -lt $restartedAt })
        $duringOutage.Count | Should -BeGreaterThan 3
        $duringOutage | Where-Object Ok | Should -BeNullOrEmpty -Because 'no permit may be granted while Redis is down'
        $duringOutage.ErrorId | Sort-Object -Unique | Should -Be 'requestBudgetUnavailable'
        $slowest = ($duringOutage.LatencyMs | Measure-Object -Maximum).Maximum
        $slowest | Should -BeLessThan 1500

        $recovered = @($results | Where-Object { $_.Ok -and $_.At -gt $restartedAt })
        $recovered.Count | Should -BeGreaterThan 0
        $recovery = ($recovered.At | Measure-Object -Minimum).Minimum - $restartedAt
        $recovery | Should -BeLessThan 5000
        Write-Host "    Redis down: $($duringOutage.Count) quota errors, slowest $slowest ms; first permit $recovery ms after the restart"
        @($recovered.Worker | Sort-Object -Unique).Count | Should -Be 3
    }
}

Describe 'The machine-local request budget across processes' {
    It 'admits at most the budget in every rolling window across 4 processes sharing one file' {
        $budget = 20; $windowMs = 2000
        $state = Join-Path $TestDrive 'local-state'
        $spec = @{ StateDirectory = $state; ClientId = 'local-' + [guid]::NewGuid().ToString('N').Substring(0, 8); Budget = $budget; WindowMs = $windowMs; RunMs = 6000; Concurrency = 2 }

        $results = Wait-Workers (Start-Workers -Workers @($spec, $spec.Clone(), $spec.Clone(), $spec.Clone()))

        $admitted = @(Assert-BudgetHeld -Results $results -Budget $budget -WindowMs $windowMs -Windows 2 -Label '4 processes, local file')
        @($admitted.Worker | Sort-Object -Unique).Count | Should -Be 4
    }
}

Describe 'The module with a Redis budget' -Skip:(-not $hasRedis) {
    BeforeAll {
        Import-Module (Get-TestModulePath) -Force
        $script:redis = Start-TestRedis
        $script:server = Start-PinTestServer
        $script:id = $server.DefaultAdAccountId
        $script:context = Connect-PinterestAds -AccessToken (ConvertTo-SecureString $server.IssueAccessToken() -AsPlainText -Force) `
            -ClientId $server.ClientId -ApiBaseUri $server.BaseUri.ToString() -RedisConfiguration $redis.Configuration -PassThru -DoNotSetDefault
    }
    AfterAll {
        $server | Stop-PinTestServer -ErrorAction SilentlyContinue
        $redis | Stop-TestRedis
    }

    It 'keeps the budget in Redis, where Get-PinRateLimit reads it' {
        $null = Get-PinAdAccount -Id $id -Context $context

        $status = Get-PinRateLimit -AdAccountId $id -Context $context

        $status.Store | Should -Be "Redis $($redis.Configuration)"
        $status.Used | Should -Be 1
        Invoke-RedisCommand $redis ZCARD "pinterestads:rl:{$($server.ClientId):$id}" | Should -Be 1
    }

    It 'sends nothing while Redis is down, says so within about a second, and recovers after a restart' {
        $redis | Stop-TestRedis
        $sent = $server.Requests.Count
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $record = $null
        try { Get-PinAdAccount -Id $id -Context $context -ErrorAction Stop } catch { $record = $_ }
        $elapsed = $clock.Elapsed

        $record.FullyQualifiedErrorId | Should -BeLike 'requestBudgetUnavailable,*'
        $record.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $record.Exception.Message | Should -Match "Redis at $([regex]::Escape($redis.Configuration))"
        $elapsed.TotalSeconds | Should -BeLessThan 1.5
        $server.Requests.Count | Should -Be $sent

        $null = Restart-TestRedis $redis
        $deadline = [DateTime]::UtcNow.AddSeconds(10)
        $account = $null
        while (-not $account -and [DateTime]::UtcNow -lt $deadline) {
            $account = Get-PinAdAccount -Id $id -Context $context -ErrorAction SilentlyContinue
            if (-not $account) { Start-Sleep -Milliseconds 200 }
        }
        $account.Id | Should -Be $id
    }
}
