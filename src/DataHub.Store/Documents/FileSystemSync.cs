using System.Runtime.InteropServices;

namespace DataHub.Store.Documents;

/// <summary>
/// <c>syncfs(2)</c> on the file system that holds a folder: one call makes every file written there
/// durable, which is what a batch checkpoint needs, at the cost of one flush instead of one per file.
/// </summary>
public static partial class FileSystemSync
{
    private const int ORdOnly = 0;
    private const int ODirectory = 0x10000;

    public static void SyncFileSystemOf(string folder)
    {
        var fd = Open(folder, ORdOnly | ODirectory);
        if (fd < 0) throw new IOException($"cannot open {folder} to sync it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (SyncFs(fd) != 0) throw new IOException($"syncfs failed for {folder} (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
