using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PinterestAds.Core.Tests.Limiting;

/// <summary>
/// A real redis-server on 127.0.0.1 and a free port, without persistence, started by the test
/// that needs it. It can be killed and started again on the same port, to test outages. A test
/// host that is killed takes it along (watchdog.sh), and none lives past an hour.
/// </summary>
public sealed class RedisServer : IDisposable
{
    // A port is used once per process: the module remembers the Redis at each address, and a
    // fresh server where an earlier one was would look like that Redis having lost its data.
    private static readonly HashSet<int> UsedPorts = new();
    private Process? _process;

    public RedisServer()
    {
        Port = UnusedPort();
        Start();
    }

    private static int UnusedPort()
    {
        while (true)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (UsedPorts)
            {
                if (UsedPorts.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public int Port { get; }

    /// <summary>Fail fast configuration, as a runbook would pass it.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        Watch(_process);
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (Ping())
            {
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode} on port {Port}.");
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"redis-server did not answer PING on port {Port}.");
    }

    /// <summary>Ends <paramref name="server"/> once this process is gone or after an hour (tests/tools/watchdog.sh).</summary>
    private static void Watch(Process server)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "watchdog.sh"), Environment.ProcessId.ToString(), server.Id.ToString(), "3600" })
        {
            start.ArgumentList.Add(argument);
        }

        Process.Start(start)!.Dispose();
    }

    /// <summary>SIGKILL: connections drop at once, nothing is saved.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            Thaw();
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>SIGSTOP: the server keeps its connections but answers nothing (a hung or partitioned Redis).</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>SIGCONT after <see cref="Freeze"/>.</summary>
    public void Thaw() => Signal("CONT");

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {_process!.Id}") { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public bool Ping() => Command("PING") == "+PONG";

    /// <summary>FLUSHALL: Redis forgets everything, as if it had restarted without persistence.</summary>
    public void FlushAll()
    {
        if (Command("FLUSHALL") != "+OK")
        {
            throw new InvalidOperationException($"redis-server on port {Port} did not flush.");
        }
    }

    /// <summary>One inline command on a fresh connection; its first reply line, or null when Redis does not answer.</summary>
    private string? Command(string command)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            stream.ReadTimeout = 500;
            stream.Write(System.Text.Encoding.ASCII.GetBytes(command + "\r\n"));
            var buffer = new byte[64];
            int n = stream.Read(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, n).Split("\r\n")[0];
        }
        catch (Exception ex) when (ex is SocketException || ex is IOException)
        {
            return null;
        }
    }

    public void Dispose() => Kill();
}
