using System.Runtime.InteropServices;

namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>Sends a process SIGTERM, as Kubernetes and <c>docker stop</c> do to stop a container.</summary>
internal static partial class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks the process to stop.</summary>
    public static void Terminate(int processId)
    {
        if (Kill(processId, SigTerm) != 0)
        {
            throw new InvalidOperationException(
                $"kill({processId}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
