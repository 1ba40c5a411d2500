using System.Runtime.InteropServices;

namespace DataHub.Cli;

/// <summary>
/// Caps glibc's malloc arenas for this process (<c>mallopt(M_ARENA_MAX)</c>). glibc gives each thread that
/// allocates natively (SQLite's page caches and sorters on the sync's and the server's pool threads) an arena of its
/// own, up to eight per core, and every arena keeps what was freed in it. A million-record sync peaked at 327 MiB
/// (343 MB, against a budget of 300 MB); with two arenas at 260 MiB, at the same speed (bench/RESULTS.md, fourteenth
/// session). The environment's <c>MALLOC_ARENA_MAX</c>, when set, is left to decide.
/// </summary>
internal static partial class MallocArenas
{
    private const int MArenaMax = -8;

    /// <param name="arenas">One per core: native allocations on more threads than cores would contend, and fewer is enough.</param>
    public static void Limit(int arenas)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return;
        try
        {
            MallOpt(MArenaMax, arenas);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no arenas to cap): nothing to do.
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
