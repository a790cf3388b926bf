using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PinterestAds.Core.Tests.Limiting;

/// <summary>
/// A real redis-server on 127.0.0.1 and a free port, without persistence, started by the test
/// that needs it. It can be killed and started again on the same port, to test outages.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private Process? _process;

    public RedisServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Start();
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

    public bool Ping()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            stream.ReadTimeout = 500;
            var ping = "PING\r\n"u8.ToArray();
            stream.Write(ping);
            var buffer = new byte[16];
            int n = stream.Read(buffer);
            return n >= 5 && System.Text.Encoding.ASCII.GetString(buffer, 0, n).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException || ex is IOException)
        {
            return false;
        }
    }

    public void Dispose() => Kill();
}
