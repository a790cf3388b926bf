using System.Runtime.CompilerServices;
using PinterestAds.Core.Coordination;

namespace PinterestAds.Core.Tests;

/// <summary>
/// Gives this test process a state folder of its own. The module remembers each Redis it has used
/// there, and test Redis servers come and go on recycled ports: a fresh server on a port an
/// earlier run remembered would look like a Redis that lost its data.
/// </summary>
internal static class TestRun
{
    [ModuleInitializer]
    internal static void UseOwnStateFolder()
    {
        if (Environment.GetEnvironmentVariable(StatePaths.DirectoryVariable) is not null)
        {
            return;
        }

        string folder = Path.Combine(Path.GetTempPath(), "pinads-xunit-" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable(StatePaths.DirectoryVariable, folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        };
    }
}
