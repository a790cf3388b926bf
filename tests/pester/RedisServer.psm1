# A real redis-server for the limiter tests: loopback only, a free port, no persistence
# (--save '' --appendonly no). Tests start their own, kill it mid-run and start it again on the
# same port to prove the module fails closed and recovers by itself.

Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1')

# Each port serves one server per test run: the module remembers the Redis at each address (in
# the run's state folder), and a fresh server where an earlier one was would look like a Redis
# that lost its data. Kept by the process, not the module, which test files import again with -Force.
$script:UsedPorts = [AppDomain]::CurrentDomain.GetData('PinterestAds.Tests.RedisPorts')
if (-not $script:UsedPorts) {
    $script:UsedPorts = [System.Collections.Generic.HashSet[int]]::new()
    [AppDomain]::CurrentDomain.SetData('PinterestAds.Tests.RedisPorts', $script:UsedPorts)
}

function Get-FreeTcpPort {
    while ($true) {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $port = $listener.LocalEndpoint.Port } finally { $listener.Stop() }
        if ($script:UsedPorts.Add($port)) { return $port }
    }
}

function Test-RedisPing {
    <# .SYNOPSIS True when something on 127.0.0.1:$Port answers PING with +PONG. #>
    param([Parameter(Mandatory)] [int] $Port)
    $client = [System.Net.Sockets.TcpClient]::new()
    try {
        $client.Connect([System.Net.IPAddress]::Loopback, $Port)
        $stream = $client.GetStream()
        $stream.ReadTimeout = 500
        $ping = [System.Text.Encoding]::ASCII.GetBytes("PING`r`n")
        $stream.Write($ping, 0, $ping.Length)
        $buffer = [byte[]]::new(16)
        $read = $stream.Read($buffer, 0, $buffer.Length)
        return [System.Text.Encoding]::ASCII.GetString($buffer, 0, $read).StartsWith('+PONG')
    }
    catch { return $false }
    finally { $client.Dispose() }
}

function Start-TestRedis {
    <#
    .SYNOPSIS
        Starts redis-server on 127.0.0.1 (a free port unless -Port is given) and waits for PING.
        Returns an object with Port, Configuration (a StackExchange.Redis string) and Process.
    #>
    param([int] $Port, [int] $TimeoutSeconds = 10)
    $server = Get-Command redis-server -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if (-not $server) { throw 'redis-server is not installed; the limiter tests need it (build.ps1 test installs it where it can).' }
    if (-not $Port) { $Port = Get-FreeTcpPort }

    $start = [System.Diagnostics.ProcessStartInfo]::new($server.Source)
    foreach ($argument in @('--port', "$Port", '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--loglevel', 'warning')) {
        $start.ArgumentList.Add($argument)
    }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    # A server outlives no test file (Stop-TestRedis), nor a run that was killed.
    Start-TestWatchdog -Child $process -Seconds 3600
    # Drain the pipes so a chatty server never blocks on a full buffer.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (Test-RedisPing -Port $Port)) {
        if ($process.HasExited) { throw "redis-server exited with code $($process.ExitCode) (port $Port)." }
        if ([DateTime]::UtcNow -gt $deadline) {
            $process.Kill()
            throw "redis-server did not answer PING on port $Port within $TimeoutSeconds s."
        }
        Start-Sleep -Milliseconds 20
    }

    [pscustomobject]@{
        PSTypeName    = 'PinterestAds.Tests.RedisServer'
        Port          = $Port
        Configuration = "127.0.0.1:$Port"
        Process       = $process
    }
}

function Stop-TestRedis {
    <# .SYNOPSIS Kills the server (SIGKILL: connections drop at once, nothing is saved) and waits for it to exit. #>
    param([Parameter(Mandatory, ValueFromPipeline)] $Redis)
    process {
        if ($Redis.Process -and -not $Redis.Process.HasExited) {
            $Redis.Process.Kill()
            $null = $Redis.Process.WaitForExit(5000)
        }
    }
}

function Suspend-TestRedis {
    <# .SYNOPSIS SIGSTOP: the server keeps its connections but answers nothing (a hung or partitioned Redis). #>
    param([Parameter(Mandatory)] $Redis)
    & kill -STOP $Redis.Process.Id
}

function Resume-TestRedis {
    <# .SYNOPSIS SIGCONT after Suspend-TestRedis. #>
    param([Parameter(Mandatory)] $Redis)
    & kill -CONT $Redis.Process.Id
}

function Restart-TestRedis {
    <# .SYNOPSIS Starts a fresh server on the same port as $Redis (which must be stopped) and updates its Process. #>
    param([Parameter(Mandatory)] $Redis)
    $fresh = Start-TestRedis -Port $Redis.Port
    $Redis.Process = $fresh.Process
    $Redis
}

function Invoke-RedisCommand {
    <# .SYNOPSIS Runs redis-cli against the test server, e.g. Invoke-RedisCommand $redis ZCARD key. #>
    param([Parameter(Mandatory)] $Redis, [Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    & redis-cli -h 127.0.0.1 -p $Redis.Port @Arguments
}

Export-ModuleMember -Function Get-FreeTcpPort, Test-RedisPing, Start-TestRedis, Stop-TestRedis, Suspend-TestRedis, Resume-TestRedis, Restart-TestRedis, Invoke-RedisCommand
