using DataHub.Store.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Api.Tests;

/// <summary>
/// The API server's journal (<see cref="AccessLogJournal"/>) on a real data folder: lines move into the
/// hash-chained table exactly once, in order, whoever moves them and whenever the writer died.
/// </summary>
public sealed class AccessLogJournalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Data => Path.Combine(_folder.Path, "data");

    private string LogFile => Path.Combine(Data, "access-log.db");

    private string JournalFolder => Path.Combine(Data, "audit", "journal");

    private static AccessLogEntry Entry(int i) => new(DateTimeOffset.UtcNow.AddTicks(i), "mot-cua-hoi-an", "hồ sơ " + i,
        "GET /v1/citizens/{citizenId}/documents", "04909100123" + (i % 10), ["aaaaaaaaaaaaaaaaaaaaaaaaa" + (char)('a' + i % 26)], 200);

    private static AccessLogEntry Plain(int i) => Entry(i) with { Purpose = "p" + i };

    // Another entry's line, made from the line of Plain(1): only the purpose differs.
    private static string Renumbered(string line, int i) => line.Replace("\"p1\"", $"\"p{i}\"", StringComparison.Ordinal);

    /// <summary>
    /// Logs Plain(1) through a journal closed at once (cut to its lines, no zeros), moves it into the chain, and returns
    /// its line as the writer formatted it.
    /// </summary>
    private static string WriterLine(AccessLog log)
    {
        string path;
        using (var journal = log.OpenJournal())
        {
            journal.Append(Plain(1));
            path = journal.Tail.Path;
        }
        var line = File.ReadAllText(path).TrimEnd('\n');
        Assert.Equal((1L, 0L), log.DrainJournals());
        return line;
    }

    private List<string> Purposes() => Ledger.Query(LogFile, "SELECT purpose FROM access_log ORDER BY seq").Select(r => r[0]).ToList();

    private static IEnumerable<string> PurposesOf(IEnumerable<int> numbers) => numbers.Select(i => "hồ sơ " + i);

    private async Task AssertVerifies(int entries)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var verify = await Cli.RunAsync(Data, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains($"{entries.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} entries", verify.Stdout);
    }

    [Fact]
    public async Task Journal_lines_move_into_the_chain_in_order_and_a_closed_journal_is_deleted_once_moved()
    {
        using (var provider = DataFolderServices.Build(Data))
        {
            var log = provider.GetRequiredService<AccessLog>();
            using (var journal = log.OpenJournal())
            {
                foreach (var i in Enumerable.Range(1, 5)) journal.Append(Entry(i));
                Assert.Equal((5L, 0L), log.DrainJournals());
                // Still open: moved, but kept for the lines to come.
                Assert.True(File.Exists(journal.Tail.Path));
                journal.Append(Entry(6));
            }
            Assert.Equal((1L, 0L), log.DrainJournals());
            Assert.Empty(Directory.GetFiles(JournalFolder));
            log.Anchor.Dispose();
        }
        Assert.Equal(PurposesOf(Enumerable.Range(1, 6)), Purposes());
        await AssertVerifies(6);
    }

    [Fact]
    public async Task A_journal_that_rotates_is_moved_in_the_order_written_and_each_finished_file_deleted()
    {
        using (var provider = DataFolderServices.Build(Data))
        {
            var log = provider.GetRequiredService<AccessLog>();
            using (var journal = log.OpenJournal(rotateAfterBytes: 1024))
            {
                var paths = new HashSet<string>();
                foreach (var i in Enumerable.Range(1, 60))
                {
                    journal.Append(Entry(i));
                    paths.Add(journal.Tail.Path);
                }
                Assert.True(paths.Count >= 5, $"{paths.Count} journals");
                Assert.Equal((60L, 0L), log.DrainJournals());
                // Only the journal still open is left.
                Assert.Equal([journal.Tail.Path], Directory.GetFiles(JournalFolder, "*" + AccessLogJournal.Extension));
            }
            log.DrainJournals();
            log.Anchor.Dispose();
        }
        Assert.Equal(PurposesOf(Enumerable.Range(1, 60)), Purposes());
        Assert.Empty(Directory.GetFiles(JournalFolder));
        await AssertVerifies(60);
    }

    [Fact]
    public async Task A_journal_left_by_a_killed_server_is_moved_by_the_next_reader_without_repeating_what_was_moved()
    {
        string path;
        using (var provider = DataFolderServices.Build(Data))
        {
            var log = provider.GetRequiredService<AccessLog>();
            var journal = log.OpenJournal();
            path = journal.Tail.Path;
            foreach (var i in Enumerable.Range(1, 7)) journal.Append(Entry(i));
            using (var appender = log.OpenAppender()) Assert.Equal(3, appender.MoveFromJournal(path, 3).Moved);
            // The server dies here: nothing else moved, the journal never closed by its writer (the kernel drops the lock).
            journal.Dispose();
            log.Anchor.Dispose();
        }
        Assert.True(File.Exists(path));
        Assert.Equal(PurposesOf(Enumerable.Range(1, 3)), Purposes());

        // Any reader of the log moves the rest first: here the real CLI.
        await AssertVerifies(7);
        Assert.Equal(PurposesOf(Enumerable.Range(1, 7)), Purposes());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Verify_moves_a_journal_nobody_moved_before_it_reads_the_anchor()
    {
        using (var provider = DataFolderServices.Build(Data))
        {
            var log = provider.GetRequiredService<AccessLog>();
            // A server killed before its first move: entries only in the journal, no anchor yet.
            using (var journal = log.OpenJournal())
            {
                foreach (var i in Enumerable.Range(1, 3)) journal.Append(Entry(i));
            }
            log.Anchor.Dispose();
        }
        await AssertVerifies(3);
        Assert.Equal(PurposesOf(Enumerable.Range(1, 3)), Purposes());
    }

    [Fact]
    public async Task Movers_in_parallel_never_move_a_line_twice()
    {
        using (var one = DataFolderServices.Build(Data))
        using (var two = DataFolderServices.Build(Data))
        {
            var first = one.GetRequiredService<AccessLog>();
            var second = two.GetRequiredService<AccessLog>();
            using (var journal = first.OpenJournal())
            {
                var writing = Task.Run(() =>
                {
                    foreach (var i in Enumerable.Range(1, 2000)) journal.Append(Entry(i));
                });
                var movers = new[] { first, second, first }.Select(log => Task.Run(() =>
                {
                    while (!writing.IsCompleted) log.DrainJournals();
                })).ToArray();
                await Task.WhenAll([writing, .. movers]);
            }
            second.DrainJournals();
            first.Anchor.Dispose();
            second.Anchor.Dispose();
        }
        Assert.Equal(PurposesOf(Enumerable.Range(1, 2000)), Purposes());
        Assert.Empty(Directory.GetFiles(JournalFolder));
        await AssertVerifies(2000);
    }

    [Fact]
    public async Task A_line_still_being_written_waits_and_an_unreadable_line_is_recorded_as_such()
    {
        using (var provider = DataFolderServices.Build(Data))
        {
            var log = provider.GetRequiredService<AccessLog>();
            var good = WriterLine(log);
            string Line(int i) => Renumbered(good, i);

            // A journal written by hand beside a held lock, as by a writer in another process: a torn line (power
            // loss), a good one, and one whose end is still to come.
            var path = Path.Combine(JournalFolder, "zz-by-hand" + AccessLogJournal.Extension);
            var held = new FileStream(Path.ChangeExtension(path, AccessLogJournal.LockExtension), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(path, "[\"2026-12-03T10:00:00.0000000Z\",\"torn\n" + Line(2) + "\n" + Line(3)[..20]);
            Assert.Equal((2L, 1L), log.DrainJournals());
            Assert.True(File.Exists(path));
            File.AppendAllText(path, Line(3)[20..] + "\n");
            Assert.Equal((1L, 0L), log.DrainJournals());

            // A partial line at the end of a journal whose writer is gone can never be completed: unreadable, and the journal is finished.
            var tornAt = new FileInfo(path).Length;
            File.AppendAllText(path, Line(4)[..20]);
            held.Dispose();
            Assert.Equal((1L, 1L), log.DrainJournals());
            Assert.False(File.Exists(path));
            Assert.Equal(["p1", $"{Path.GetFileName(path)} at byte 0", "p2", "p3", $"{Path.GetFileName(path)} at byte {tornAt}"], Purposes());
            Assert.Equal([AccessLogJournal.UnreadableLineEndpoint, AccessLogJournal.UnreadableLineEndpoint],
                Ledger.Query(LogFile, "SELECT endpoint FROM access_log WHERE seq IN (2, 5) ORDER BY seq").Select(r => r[0]));
            log.Anchor.Dispose();
        }
        await AssertVerifies(5);
    }

    [Fact]
    public async Task A_journal_an_earlier_version_wrote_is_moved_like_the_others()
    {
        using (var provider = DataFolderServices.Build(Data))
        {
            var log = provider.GetRequiredService<AccessLog>();
            var line = WriterLine(log);
            // Written with pwrite by a server of an earlier version, then left: its own extension, no zeros.
            var legacy = Path.Combine(JournalFolder, "20261201T000000000-1-000001-abcdefgh" + AccessLogJournal.LegacyExtension);
            File.WriteAllText(legacy, Renumbered(line, 2) + "\n" + Renumbered(line, 3) + "\n");
            Assert.Equal((2L, 0L), log.DrainJournals());
            Assert.False(File.Exists(legacy));
            log.Anchor.Dispose();
        }
        Assert.Equal(["p1", "p2", "p3"], Purposes());
        await AssertVerifies(3);
    }

    [Fact]
    public async Task A_mapped_journal_stops_at_its_zeros_while_written_and_a_killed_servers_is_moved_past_them()
    {
        using (var provider = DataFolderServices.Build(Data))
        {
            var log = provider.GetRequiredService<AccessLog>();
            string line;
            string written;
            long length;
            using (var journal = log.OpenJournal())
            {
                journal.Append(Plain(1));
                // Written into the mapping of a file created at its full size: the lines, then zeros.
                var bytes = File.ReadAllBytes(journal.Tail.Path);
                Assert.True(bytes.Length > journal.Tail.Length, $"{bytes.Length:N0} bytes");
                Assert.All(bytes[(int)journal.Tail.Length..], b => Assert.Equal(0, b));
                line = System.Text.Encoding.UTF8.GetString(bytes, 0, (int)journal.Tail.Length).TrimEnd('\n');
                // A reader in another process (here the CLI's drain) moves the line and stops at the zeros.
                Assert.Equal((1L, 0L), log.DrainJournals());
                journal.Append(Plain(2));
                Assert.Equal((1L, 0L), log.DrainJournals());
                (written, length) = journal.Tail;
            }
            // Closed: cut to its lines, and deleted by the next drain.
            Assert.Equal(length, new FileInfo(written).Length);
            Assert.Equal((0L, 0L), log.DrainJournals());
            Assert.Empty(Directory.GetFiles(JournalFolder));
            string Line(int i) => Renumbered(line, i);

            // What a killed server leaves: its mapped file at full size with zeros after the lines and, after a power loss,
            // maybe a page of zeros between them where a page was never written back, cutting a line.
            var path = Path.Combine(JournalFolder, "zz-killed" + AccessLogJournal.Extension);
            var content = new List<byte>();
            content.AddRange(System.Text.Encoding.UTF8.GetBytes(Line(3) + "\n" + Line(4)[..25]));
            var cutAt = content.Count;
            // More than a whole read (4 MiB) of zeros between two lines: a move past them must not end the drain.
            content.AddRange(new byte[9 << 20]);
            content.AddRange(System.Text.Encoding.UTF8.GetBytes(Line(5) + "\n"));
            content.AddRange(new byte[5 << 20]);
            File.WriteAllBytes(path, [.. content]);
            Assert.Equal((3L, 1L), log.DrainJournals());
            Assert.False(File.Exists(path));
            Assert.Equal(["p1", "p2", "p3", $"{Path.GetFileName(path)} at byte {Line(3).Length + 1}", "p5"], Purposes());
            log.Anchor.Dispose();
        }
        await AssertVerifies(5);
    }

    public void Dispose() => _folder.Dispose();
}
