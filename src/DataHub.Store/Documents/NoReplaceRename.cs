using System.Runtime.InteropServices;

namespace DataHub.Store.Documents;

/// <summary>
/// <c>renameat2(RENAME_NOREPLACE)</c>: moves a finished temporary file to its final name unless that name
/// exists, in one system call that the kernel makes atomic. <see cref="File.Move(string, string, bool)"/>
/// without overwrite does the same in three (two <c>lstat</c>s, then <c>rename</c>) and can still replace a
/// file that appears between its check and its rename; the checks and the managed work around them were
/// 2–3 % of a 100,000-record sync's profile (bench/RESULTS.md, seventh session). File systems without the
/// flag fall back to <see cref="File.Move(string, string, bool)"/>.
/// </summary>
public static partial class NoReplaceRename
{
    private const int AtFdCwd = -100;
    private const uint RenameNoReplace = 1;
    private const int EExist = 17, EInval = 22, ENoSys = 38;
    private static volatile bool _unsupported;

    /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>; false (and nothing moved) when <paramref name="to"/> exists.</summary>
    public static bool TryMove(string from, string to)
    {
        if (!_unsupported)
        {
            if (RenameAt2(AtFdCwd, from, AtFdCwd, to, RenameNoReplace) == 0) return true;
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EExist) return false;
            if (errno is not (EInval or ENoSys)) throw new IOException($"cannot rename {from} to {to}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
            _unsupported = true;
        }
        try
        {
            File.Move(from, to, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(to))
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
