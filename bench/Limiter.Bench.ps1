<#
.SYNOPSIS
    Permit latency and throughput of the Redis request budget, beside a plain Redis round trip
    (PING) measured in the same run against the same local redis-server.
.DESCRIPTION
    Starts its own redis-server on loopback (no persistence), loads the engine assembly from the
    built module and times, in compiled code so PowerShell's own call overhead stays out:
      - latency: sequential permits (one Lua script, one round trip each) vs sequential PINGs;
      - throughput: -Concurrency callers for -Seconds, permits/s vs PINGs/s.
    Each measurement is repeated -Runs times; the figures are medians over the runs. The ratio
    permit/PING is the number to watch: the limiter should cost about one Redis round trip.
    Writes one object per metric, then the markdown section (a string starting with "## ") that
    bench/Invoke-Benchmarks.ps1 puts into docs/performance.md.
.EXAMPLE
    ./bench/Limiter.Bench.ps1 -ModuleManifest ./out/PinterestAds/PinterestAds.psd1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [int] $Iterations = 5000,
    [int] $Concurrency = 16,
    [double] $Seconds = 3,
    [int] $Runs = 3
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
Import-Module (Join-Path $PSScriptRoot '../tests/pester/RedisServer.psm1') -Force

$moduleBase = Split-Path (Resolve-Path $ModuleManifest)
$core = Get-ChildItem $moduleBase -Recurse -Filter PinterestAds.Core.dll | Select-Object -First 1 -ExpandProperty FullName
if (-not $core) { throw "The engine assemblies were not found under $moduleBase; build the module first." }

if (-not ('PinterestAdsBench.LimiterBench' -as [type])) {
    Add-Type -Path $core
    Add-Type -ReferencedAssemblies @($core, 'System.Collections', 'System.Linq', 'System.Threading', 'System.Runtime', 'netstandard') -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Limiting;

namespace PinterestAdsBench
{
    public static class LimiterBench
    {
        public static double[] PermitLatencies(IRequestLimiter limiter, LimiterBucket bucket, int count)
        {
            var result = new double[count];
            for (int i = 0; i < count; i++)
            {
                var clock = Stopwatch.StartNew();
                limiter.AcquireAsync(bucket, Guid.NewGuid().ToString("N"), SilentObserver.Instance, CancellationToken.None).GetAwaiter().GetResult();
                result[i] = clock.Elapsed.TotalMilliseconds;
            }

            return result;
        }

        public static double[] PingLatencies(string configuration, int count)
        {
            var result = new double[count];
            for (int i = 0; i < count; i++)
            {
                var clock = Stopwatch.StartNew();
                RedisConnections.PingAsync(configuration).GetAwaiter().GetResult();
                result[i] = clock.Elapsed.TotalMilliseconds;
            }

            return result;
        }

        public static double PermitsPerSecond(IRequestLimiter limiter, LimiterBucket bucket, int callers, double seconds) =>
            Throughput(callers, seconds, () => limiter.AcquireAsync(bucket, Guid.NewGuid().ToString("N"), SilentObserver.Instance, CancellationToken.None));

        public static double PingsPerSecond(string configuration, int callers, double seconds) =>
            Throughput(callers, seconds, () => RedisConnections.PingAsync(configuration));

        private static double Throughput(int callers, double seconds, Func<Task> operation)
        {
            long done = 0;
            var until = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
            {
                while (until.Elapsed.TotalSeconds < seconds)
                {
                    await operation().ConfigureAwait(false);
                    Interlocked.Increment(ref done);
                }
            })).ToArray();
            Task.WaitAll(workers);
            return done / until.Elapsed.TotalSeconds;
        }
    }
}
'@
}

# A state folder of its own: the module remembers each Redis it used there, and this one is new.
$savedState = $env:PINTEREST_ADS_STATE_DIRECTORY
$env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path ([System.IO.Path]::GetTempPath()) ('pinads-bench-' + [guid]::NewGuid().ToString('N'))
$redis = Start-TestRedis
try {
    $options = [PinterestAds.Core.Limiting.BudgetOptions]::new()
    $options.RequestsPerWindow = 100000000
    $options.RedisConfiguration = $redis.Configuration
    $limiter = [PinterestAds.Core.Session.SessionWiring]::CreateLimiter($options)

    # Warm up: connection, script load (EVAL once, then EVALSHA), JIT.
    $warm = [PinterestAds.Core.Limiting.LimiterBucket]::new('bench', 'warmup')
    $null = [PinterestAdsBench.LimiterBench]::PermitLatencies($limiter, $warm, 200)
    $null = [PinterestAdsBench.LimiterBench]::PingLatencies($redis.Configuration, 200)

    $measured = foreach ($run in 1..$Runs) {
        # A fresh bucket per run, so every run starts from an empty log.
        $bucket = [PinterestAds.Core.Limiting.LimiterBucket]::new('bench', "run$run")
        $permits = [PinterestAdsBench.LimiterBench]::PermitLatencies($limiter, $bucket, $Iterations)
        $pings = [PinterestAdsBench.LimiterBench]::PingLatencies($redis.Configuration, $Iterations)
        $throughputBucket = [PinterestAds.Core.Limiting.LimiterBucket]::new('bench', "throughput$run")
        [pscustomobject]@{
            PermitMedian = Get-Median $permits
            PermitP99    = Get-Percentile $permits 99
            PingMedian   = Get-Median $pings
            PingP99      = Get-Percentile $pings 99
            PermitsPerS  = [PinterestAdsBench.LimiterBench]::PermitsPerSecond($limiter, $throughputBucket, $Concurrency, $Seconds)
            PingsPerS    = [PinterestAdsBench.LimiterBench]::PingsPerSecond($redis.Configuration, $Concurrency, $Seconds)
        }
    }
    $logSize = [int](Invoke-RedisCommand $redis ZCARD "pinterestads:rl:{bench:run1}")
}
finally {
    $redis | Stop-TestRedis
    Remove-Item $env:PINTEREST_ADS_STATE_DIRECTORY -Recurse -Force -ErrorAction Ignore
    $env:PINTEREST_ADS_STATE_DIRECTORY = $savedState
}

$permitMedian = Get-Median $measured.PermitMedian; $pingMedian = Get-Median $measured.PingMedian
$permitP99 = Get-Median $measured.PermitP99; $pingP99 = Get-Median $measured.PingP99
$permitRate = Get-Median $measured.PermitsPerS; $pingRate = Get-Median $measured.PingsPerS
$rows = @(
    [pscustomobject]@{ Metric = 'Latency, median (ms)'; Permit = [Math]::Round($permitMedian, 3); RedisPing = [Math]::Round($pingMedian, 3); Ratio = [Math]::Round($permitMedian / $pingMedian, 2) }
    [pscustomobject]@{ Metric = 'Latency, p99 (ms)'; Permit = [Math]::Round($permitP99, 3); RedisPing = [Math]::Round($pingP99, 3); Ratio = [Math]::Round($permitP99 / $pingP99, 2) }
    [pscustomobject]@{ Metric = "Throughput, $Concurrency callers (per s)"; Permit = [Math]::Round($permitRate); RedisPing = [Math]::Round($pingRate); Ratio = [Math]::Round($permitRate / $pingRate, 2) }
)

$rows
$version = (& redis-server --version) -replace '^Redis server v=(\S+).*$', '$1'
@(
    '## Request budget: Redis permit vs a plain Redis round trip'
    ''
    "``bench/Limiter.Bench.ps1 -ModuleManifest <module> -Iterations $Iterations -Concurrency $Concurrency -Seconds $Seconds -Runs $Runs``: one permit is one"
    'Lua script (trim, count, admit; Redis clock) in one round trip through the shared connection, timed in compiled'
    'code beside a bare PING on the same connection in the same run.'
    ''
    '| Redis limiter | permit | plain Redis PING | ratio |'
    '|---|---:|---:|---:|'
    foreach ($row in $rows) { "| $($row.Metric) | $($row.Permit) | $($row.RedisPing) | $($row.Ratio) |" }
    ''
    "Medians of $Runs runs; $Iterations sequential calls per latency run (the bucket's log held $logSize entries at the end of a run);"
    "$Concurrency concurrent callers for $Seconds s per throughput run, all on one bucket; redis-server $version on loopback, sharing the"
    "$([Environment]::ProcessorCount) cores with the client. A real budget admits 1000 requests per hour, so throughput is headroom, not a limit."
) -join "`n"
