using System.Diagnostics;
using DataHub.Store.Documents;

namespace DataHub.Cli.Bench;

/// <summary>
/// The storage-only baseline: writes files of exactly the sizes and relative paths another store holds
/// (same count, sizes and layout), with the same parallelism and the same one-syncfs-per-batch
/// durability, and nothing else — no parsing, validation, catalog or temporary names. What DataHub adds
/// on top of this is the cost of its own code.
/// </summary>
internal static class RawWriteBaseline
{
    public static (TimeSpan Elapsed, long Files, long Bytes) Run(string likeFolder, string outputFolder, int parallelism, int batchSize)
    {
        var files = Directory.EnumerateFiles(likeFolder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(f => (Relative: Path.GetRelativePath(likeFolder, f), Size: (int)new FileInfo(f).Length))
            .ToList();
        var content = new byte[files.Count == 0 ? 0 : files.Max(f => f.Size)];
        Random.Shared.NextBytes(content);
        if (Directory.Exists(outputFolder) && Directory.EnumerateFileSystemEntries(outputFolder).Any())
            throw new InvalidOperationException($"{outputFolder} is not empty: the baseline writes new files only");
        Directory.CreateDirectory(outputFolder);
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < files.Count; start += batchSize)
        {
            var end = Math.Min(files.Count, start + batchSize);
            Parallel.For(start, end, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
            {
                var path = Path.Combine(outputFolder, files[i].Relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // Created exactly the way the store creates its files.
                FileSystemDocumentStore.WriteNewFile(path, content.AsSpan(0, files[i].Size));
            });
            FileSystemSync.SyncFileSystemOf(outputFolder);
        }
        clock.Stop();
        return (clock.Elapsed, files.Count, files.Sum(f => (long)f.Size));
    }
}
