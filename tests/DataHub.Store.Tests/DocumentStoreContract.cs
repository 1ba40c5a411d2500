using System.Text;
using DataHub.Core.Documents;
using DataHub.Store.Documents;

namespace DataHub.Store.Tests;

/// <summary>
/// What every <see cref="IDocumentStore"/> backend must do, written once and run against each of them:
/// callers (the sync run, the API, reindex) must not be able to tell which backend they have.
/// xunit creates a class instance per test, so each test gets an empty store.
/// </summary>
public abstract class DocumentStoreContract
{
    protected abstract IDocumentStore Store { get; }

    [Fact]
    public async Task A_written_version_reads_back_byte_for_byte()
    {
        var id = TestDocuments.NewId();
        var content = TestDocuments.Json(id, 1);

        Assert.Equal(VersionWrite.Written, await Store.PutVersionAsync(id, 1, content));

        Assert.Equal(content, await Store.GetVersionAsync(id, 1));
    }

    [Fact]
    public async Task Writing_the_same_version_with_the_same_bytes_again_is_a_no_op()
    {
        var id = TestDocuments.NewId();
        var content = TestDocuments.Json(id, 1);
        await Store.PutVersionAsync(id, 1, content);

        Assert.Equal(VersionWrite.AlreadyPresent, await Store.PutVersionAsync(id, 1, content.ToArray()));
        Assert.Equal(content, await Store.GetVersionAsync(id, 1));
    }

    [Fact]
    public async Task Writing_different_bytes_under_an_existing_version_is_a_conflict_and_keeps_the_original()
    {
        var id = TestDocuments.NewId();
        var original = TestDocuments.Json(id, 1);
        await Store.PutVersionAsync(id, 1, original);

        var conflict = await Assert.ThrowsAsync<DocumentStoreException>(() => Store.PutVersionAsync(id, 1, TestDocuments.Json(id, 1, ",\"changed\":true")).AsTask());

        Assert.Contains("already exists with different content", conflict.Message);
        Assert.Equal(original, await Store.GetVersionAsync(id, 1));
    }

    [Fact]
    public async Task Missing_versions_pointers_and_files_read_as_null()
    {
        var id = TestDocuments.NewId();

        Assert.Null(await Store.GetVersionAsync(id, 1));
        Assert.Null(await Store.GetCurrentAsync(id));
        Assert.Null(await Store.OpenFileAsync(id, "scan.pdf"));
    }

    [Fact]
    public async Task Without_a_pointer_the_highest_version_is_current()
    {
        var id = TestDocuments.NewId();
        await Store.PutVersionAsync(id, 1, TestDocuments.Json(id, 1));
        Assert.Equal(1, await Store.GetCurrentAsync(id));
        var listed = await Store.ListAsync().FirstAsync(d => d.Id == id);
        Assert.Equal(1, listed.Current);
    }

    [Fact]
    public async Task The_current_pointer_moves_and_superseded_versions_stay_readable()
    {
        var id = TestDocuments.NewId();
        var v1 = TestDocuments.Json(id, 1);
        var v2 = TestDocuments.Json(id, 2);
        await Store.PutVersionAsync(id, 1, v1);
        await Store.SetCurrentAsync(id, 1);
        Assert.Equal(1, await Store.GetCurrentAsync(id));

        await Store.PutVersionAsync(id, 2, v2);
        await Store.SetCurrentAsync(id, 2);

        Assert.Equal(2, await Store.GetCurrentAsync(id));
        Assert.Equal(v1, await Store.GetVersionAsync(id, 1));
        Assert.Equal(v2, await Store.GetVersionAsync(id, 2));
    }

    [Fact]
    public async Task Files_beside_a_document_round_trip_and_can_be_replaced()
    {
        var id = TestDocuments.NewId();
        var scan = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31)).ToArray();
        await Store.PutFileAsync(id, "scan-page-1.tif", new MemoryStream(scan));
        await Store.PutFileAsync(id, "ocr.txt", new MemoryStream(Encoding.UTF8.GetBytes("GIẤY KHAI SINH — bản cũ")));

        await Store.PutFileAsync(id, "ocr.txt", new MemoryStream(Encoding.UTF8.GetBytes("GIẤY KHAI SINH")));

        Assert.Equal(scan, await ReadAllAsync(await Store.OpenFileAsync(id, "scan-page-1.tif")));
        Assert.Equal("GIẤY KHAI SINH", Encoding.UTF8.GetString(await ReadAllAsync(await Store.OpenFileAsync(id, "ocr.txt"))));
    }

    [Theory]
    [InlineData("../current")]
    [InlineData("../../etc/passwd")]
    [InlineData("files/x.pdf")]
    [InlineData("a\\b.pdf")]
    [InlineData(".hidden")]
    [InlineData("Scan.PDF")]
    [InlineData("bản-quét.pdf")]
    [InlineData("")]
    [InlineData("x.pdf?comp=list")]
    public async Task Hostile_file_names_are_refused_before_anything_is_written(string name)
    {
        var id = TestDocuments.NewId();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutFileAsync(id, name, new MemoryStream([1, 2, 3])).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenFileAsync(id, name).AsTask());
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Listing_returns_every_document_with_its_versions_in_numeric_order_current_and_files()
    {
        var a = TestDocuments.NewId();
        var b = TestDocuments.NewId();
        var c = TestDocuments.NewId();
        foreach (var v in new[] { 1, 2, 10 }) await Store.PutVersionAsync(a, v, TestDocuments.Json(a, v));
        await Store.SetCurrentAsync(a, 10);
        await Store.PutFileAsync(a, "scan.pdf", new MemoryStream([1]));
        await Store.PutFileAsync(a, "ocr.txt", new MemoryStream([2]));
        await Store.PutVersionAsync(b, 1, TestDocuments.Json(b, 1));
        await Store.PutVersionAsync(c, 3, TestDocuments.Json(c, 3));
        await Store.SetCurrentAsync(c, 3);

        var listed = await ListAsync();

        Assert.Equal(new[] { a, b, c }.OrderBy(x => x.Value, StringComparer.Ordinal), listed.Select(d => d.Id));
        var docA = listed.Single(d => d.Id == a);
        Assert.Equal([1, 2, 10], docA.Versions);
        Assert.Equal(10, docA.Current);
        Assert.Equal(["ocr.txt", "scan.pdf"], docA.Files);
        var docB = listed.Single(d => d.Id == b);
        Assert.Equal([1], docB.Versions);
        Assert.Equal(1, docB.Current); // no pointer: the highest version is current
        Assert.Empty(docB.Files);
        Assert.Equal(3, listed.Single(d => d.Id == c).Current);
    }

    [Fact]
    public async Task Eight_parallel_writers_of_the_same_version_yield_one_write_and_identical_content()
    {
        // Two nodes (or a recovered job and the original) publishing the same record at once.
        var id = TestDocuments.NewId();
        var content = TestDocuments.Json(id, 1, ",\"pad\":\"" + new string('x', 4000) + "\"");
        using var start = new ManualResetEventSlim();

        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await Store.PutVersionAsync(id, 1, content.ToArray());
        })).ToArray();
        start.Set();
        var outcomes = await Task.WhenAll(writers);

        Assert.Equal(1, outcomes.Count(o => o == VersionWrite.Written));
        Assert.Equal(7, outcomes.Count(o => o == VersionWrite.AlreadyPresent));
        Assert.Equal(content, await Store.GetVersionAsync(id, 1));
        Assert.Equal([1], (await ListAsync()).Single().Versions);
    }

    [Fact]
    public async Task Eight_parallel_writers_with_different_bytes_leave_exactly_one_winner_intact()
    {
        var id = TestDocuments.NewId();
        var contents = Enumerable.Range(0, 8).Select(i => TestDocuments.Json(id, 1, $",\"writer\":{i},\"pad\":\"{new string('y', 4000)}\"")).ToArray();
        using var start = new ManualResetEventSlim();

        var writers = contents.Select(c => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                return await Store.PutVersionAsync(id, 1, c);
            }
            catch (DocumentStoreException)
            {
                return (VersionWrite?)null;
            }
        })).ToArray();
        start.Set();
        var outcomes = await Task.WhenAll(writers);

        Assert.Equal(1, outcomes.Count(o => o == VersionWrite.Written));
        Assert.Equal(7, outcomes.Count(o => o is null));
        var winner = contents[Array.FindIndex(outcomes, o => o == VersionWrite.Written)];
        Assert.Equal(winner, await Store.GetVersionAsync(id, 1));
    }

    [Fact]
    public async Task Flush_succeeds_after_writes()
    {
        var id = TestDocuments.NewId();
        await Store.PutVersionAsync(id, 1, TestDocuments.Json(id, 1));

        await Store.FlushAsync();

        Assert.Equal(TestDocuments.Json(id, 1), await Store.GetVersionAsync(id, 1));
    }

    protected async Task<List<StoredDocument>> ListAsync()
    {
        var list = new List<StoredDocument>();
        await foreach (var doc in Store.ListAsync()) list.Add(doc);
        return list;
    }

    private static async Task<byte[]> ReadAllAsync(Stream? stream)
    {
        Assert.NotNull(stream);
        await using (stream)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            return buffer.ToArray();
        }
    }
}
