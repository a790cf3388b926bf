using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Core.Coordination
{
    /// <summary>
    /// A small state file held open with <see cref="FileShare.None"/>: an exclusive lock shared by
    /// every process of the user on this machine (on Unix .NET takes an advisory <c>flock</c>,
    /// which all our processes honour). Threads of one process queue on a semaphore first, so
    /// they do not spin against each other. Keep these files on local disk.
    /// </summary>
    internal sealed class LockedFile : IDisposable
    {
        // Striped, so a process that touches many files (one journal entry per key) keeps a fixed
        // number of semaphores. Nobody holds two LockedFiles at once, so stripes cannot deadlock.
        private static readonly SemaphoreSlim[] Gates = CreateGates(32);

        [ThreadStatic]
        private static Random? _random;

        private readonly SemaphoreSlim _gate;
        private readonly FileStream _stream;

        private LockedFile(string path, SemaphoreSlim gate, FileStream stream)
        {
            Path = path;
            _gate = gate;
            _stream = stream;
        }

        public string Path { get; }

        /// <summary>Opens (creating if needed) and locks <paramref name="path"/>, retrying while another process holds it.</summary>
        /// <exception cref="TimeoutException">The file stayed locked for <paramref name="timeout"/>.</exception>
        public static async Task<LockedFile> OpenAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var gate = Gates[(StringComparer.Ordinal.GetHashCode(path) & int.MaxValue) % Gates.Length];
            var started = DateTime.UtcNow;
            if (!await gate.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
            {
                throw new TimeoutException($"'{path}' stayed locked by this process for {timeout.TotalSeconds:0.#} s.");
            }

            try
            {
                int delayMs = 1;
                while (true)
                {
                    try
                    {
                        // Unbuffered (buffer size 1): every read and write here is whole, so a buffer would only cost a copy.
                        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                        return new LockedFile(path, gate, stream);
                    }
                    catch (DirectoryNotFoundException)
                    {
                        // Only the first open of a folder's first file pays for creating it.
                        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                    }
                    catch (IOException) when (!(DateTime.UtcNow - started > timeout))
                    {
                        // Another process holds it: back off a little, with jitter so waiters spread out.
                        _random ??= new Random(Guid.NewGuid().GetHashCode());
                        await Task.Delay(delayMs + _random.Next(0, delayMs + 1), cancellationToken).ConfigureAwait(false);
                        delayMs = Math.Min(delayMs * 2, 20);
                    }
                    catch (IOException ex)
                    {
                        throw new TimeoutException($"'{path}' stayed locked by another process for {timeout.TotalSeconds:0.#} s.", ex);
                    }
                }
            }
            catch
            {
                gate.Release();
                throw;
            }
        }

        private static SemaphoreSlim[] CreateGates(int count)
        {
            var gates = new SemaphoreSlim[count];
            for (int i = 0; i < count; i++)
            {
                gates[i] = new SemaphoreSlim(1, 1);
            }

            return gates;
        }

        /// <summary>The content's length in bytes.</summary>
        public long Length => _stream.Length;

        public string ReadAllText() => ReadText(0, (int)_stream.Length);

        /// <summary>Up to <paramref name="count"/> bytes from byte <paramref name="offset"/> on, as UTF-8 text.</summary>
        public string ReadText(long offset, int count)
        {
            var buffer = ReadBytes(offset, count);
            return Encoding.UTF8.GetString(buffer, 0, buffer.Length);
        }

        /// <summary>Up to <paramref name="count"/> bytes from byte <paramref name="offset"/>; fewer where the content ends first.</summary>
        public byte[] ReadBytes(long offset, int count)
        {
            _stream.Position = offset;
            var buffer = new byte[count];
            int read = 0;
            while (read < count)
            {
                int n = _stream.Read(buffer, read, count - read);
                if (n == 0)
                {
                    Array.Resize(ref buffer, read);
                    break;
                }

                read += n;
            }

            return buffer;
        }

        /// <summary>Replaces the content; returns its length in bytes.</summary>
        public int WriteAllText(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            _stream.Position = 0;
            _stream.Write(bytes, 0, bytes.Length);
            _stream.SetLength(bytes.Length);
            _stream.Flush(flushToDisk: false);
            return bytes.Length;
        }

        /// <summary>
        /// Writes <paramref name="text"/> at <paramref name="offset"/>: at the end (which the caller read
        /// as <see cref="Length"/>), it appends, and a crash mid-write loses at most this addition.
        /// Returns how many bytes were written.
        /// </summary>
        public int WriteAt(long offset, string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            _stream.Position = offset;
            _stream.Write(bytes, 0, bytes.Length);
            _stream.Flush(flushToDisk: false);
            return bytes.Length;
        }

        /// <summary>Removes the file while still holding it (used when a journal entry is abandoned).</summary>
        public void Delete()
        {
            try
            {
                File.Delete(Path);
            }
            catch (IOException)
            {
                // On Windows an open file cannot be deleted; emptying it has the same meaning.
                WriteAllText(string.Empty);
            }
            catch (UnauthorizedAccessException)
            {
                WriteAllText(string.Empty);
            }
        }

        public void Dispose()
        {
            try
            {
                _stream.Dispose();
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
