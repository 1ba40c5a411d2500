using System.Security.Cryptography;
using System.Text;
using DataHub.Store.AzureBlob;
using DataHub.Store.Documents;

namespace DataHub.Store.Tests;

/// <summary>The REST client against a real Azurite: what the store builds on.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobRestClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlobRestClient _client = azurite.CreateClient();
    private readonly string _container = AzuriteFixture.NewContainerName("client");

    public async Task InitializeAsync() => await _client.CreateContainerAsync(_container);

    public async Task DisposeAsync()
    {
        await _client.DeleteContainerAsync(_container);
        _client.Dispose();
    }

    [Fact]
    public async Task Creating_a_container_twice_reports_it_already_existed()
    {
        var name = AzuriteFixture.NewContainerName("twice");

        Assert.True(await _client.CreateContainerAsync(name));
        Assert.False(await _client.CreateContainerAsync(name));
        Assert.True(await _client.DeleteContainerAsync(name));
        Assert.False(await _client.DeleteContainerAsync(name));
    }

    [Fact]
    public async Task Put_get_head_and_delete_round_trip_with_metadata_and_md5()
    {
        var content = Encoding.UTF8.GetBytes("{\"holder\":\"Lê Văn Tám\"}");
        var metadata = new Dictionary<string, string> { ["agency"] = "000.00.15.H56", ["kind"] = "birth" };

        Assert.Equal(BlobWriteOutcome.Written, await _client.PutBlockBlobAsync(_container, "a/b.json", content, metadata: metadata, contentType: "application/json"));

        var download = await _client.GetBlobAsync(_container, "a/b.json");
        Assert.NotNull(download);
        Assert.Equal(content, download.Content);
        Assert.Equal(MD5.HashData(content), download.Properties.ContentMd5);
        Assert.Equal("application/json", download.Properties.ContentType);
        Assert.Equal("000.00.15.H56", download.Properties.Metadata["agency"]);
        var head = await _client.GetPropertiesAsync(_container, "a/b.json");
        Assert.NotNull(head);
        Assert.Equal(content.Length, head.Length);
        Assert.Equal(MD5.HashData(content), head.ContentMd5);
        Assert.Equal("birth", head.Metadata["kind"]);
        Assert.Equal(download.Properties.ETag, head.ETag);

        Assert.True(await _client.DeleteBlobAsync(_container, "a/b.json"));
        Assert.Null(await _client.GetBlobAsync(_container, "a/b.json"));
        Assert.Null(await _client.GetPropertiesAsync(_container, "a/b.json"));
        Assert.False(await _client.DeleteBlobAsync(_container, "a/b.json"));
    }

    [Fact]
    public async Task A_range_read_returns_the_slice_the_total_length_and_the_whole_blob_md5()
    {
        var content = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        await _client.PutBlockBlobAsync(_container, "range.bin", content);

        var slice = await _client.GetBlobAsync(_container, "range.bin", new BlobRange(100, 50));
        var tail = await _client.GetBlobAsync(_container, "range.bin", new BlobRange(990));

        Assert.Equal(content[100..150], slice!.Content);
        Assert.Equal(1000, slice.Properties.Length);
        Assert.Equal(MD5.HashData(content), slice.Properties.ContentMd5);
        Assert.Equal(content[990..], tail!.Content);
    }

    [Fact]
    public async Task Create_only_put_never_replaces_an_existing_blob()
    {
        await _client.PutBlockBlobAsync(_container, "v1.json", "first"u8.ToArray(), BlobPutMode.CreateOnly);

        var second = await _client.PutBlockBlobAsync(_container, "v1.json", "second"u8.ToArray(), BlobPutMode.CreateOnly);

        Assert.Equal(BlobWriteOutcome.AlreadyExists, second);
        Assert.Equal("first"u8.ToArray(), (await _client.GetBlobAsync(_container, "v1.json"))!.Content);
    }

    [Fact]
    public async Task Overwrite_put_replaces_the_blob()
    {
        await _client.PutBlockBlobAsync(_container, "current", "1"u8.ToArray());

        await _client.PutBlockBlobAsync(_container, "current", "2"u8.ToArray());

        Assert.Equal("2"u8.ToArray(), (await _client.GetBlobAsync(_container, "current"))!.Content);
    }

    [Theory]
    [InlineData("hồ sơ/giấy khai sinh – Nguyễn Văn Ấn.json")]
    [InlineData("ĐƯỜNG/đường/ưu tiên/Phường Bến Nghé.txt")]
    [InlineData("dấu cách + cộng & bằng = hỏi ? thăng # phần trăm %.txt")]
    [InlineData("NFD-tiê\u0301ng-viê\u0323t.txt")]
    [InlineData("emoji-📄-和.txt")]
    public async Task Non_ascii_and_reserved_characters_round_trip_through_put_get_head_and_list(string name)
    {
        var content = Encoding.UTF8.GetBytes(name);

        await _client.PutBlockBlobAsync(_container, name, content);

        Assert.Equal(content, (await _client.GetBlobAsync(_container, name))!.Content);
        Assert.Equal(content.Length, (await _client.GetPropertiesAsync(_container, name))!.Length);
        var prefix = name[..Math.Min(4, name.Length)];
        var listed = await _client.ListBlobsAsync(_container, prefix);
        Assert.Contains(name, listed.Items.Select(i => i.Name));
        Assert.True(await _client.DeleteBlobAsync(_container, name));
    }

    [Fact]
    public async Task Metadata_can_be_replaced_without_touching_the_bytes()
    {
        await _client.PutBlockBlobAsync(_container, "m.json", "{}"u8.ToArray(), metadata: new Dictionary<string, string> { ["old"] = "1" });

        await _client.SetMetadataAsync(_container, "m.json", new Dictionary<string, string> { ["reviewed"] = "yes" });

        var props = (await _client.GetPropertiesAsync(_container, "m.json"))!;
        Assert.Equal("yes", props.Metadata["reviewed"]);
        Assert.False(props.Metadata.ContainsKey("old"));
        Assert.Equal("{}"u8.ToArray(), (await _client.GetBlobAsync(_container, "m.json"))!.Content);
    }

    [Fact]
    public async Task Blob_index_tags_are_set_and_read_back()
    {
        await _client.PutBlockBlobAsync(_container, "tagged.json", "{}"u8.ToArray());
        var tags = new Dictionary<string, string> { ["agency"] = "H56", ["type"] = "birth-certificate", ["year"] = "2024" };

        await _client.SetTagsAsync(_container, "tagged.json", tags);

        Assert.Equal(tags, await _client.GetTagsAsync(_container, "tagged.json"));
        Assert.Null(await _client.GetTagsAsync(_container, "no-such-blob.json"));
    }

    [Fact]
    public async Task Listing_follows_markers_page_by_page_in_name_order()
    {
        var names = Enumerable.Range(0, 11).Select(i => $"page/{i:D2}").ToArray();
        foreach (var name in names) await _client.PutBlockBlobAsync(_container, name, new byte[] { 1 });
        await _client.PutBlockBlobAsync(_container, "other/x", new byte[] { 1 });

        var pages = new List<BlobListPage>();
        string? marker = null;
        do
        {
            var page = await _client.ListBlobsAsync(_container, "page/", marker, maxResults: 4);
            pages.Add(page);
            marker = page.NextMarker;
        }
        while (marker is not null);

        Assert.Equal([4, 4, 3], pages.Select(p => p.Items.Count));
        Assert.Equal(names, pages.SelectMany(p => p.Items).Select(i => i.Name));
        Assert.Equal(names, await _client.ListAllBlobsAsync(_container, "page/", pageSize: 5).Select(i => i.Name).ToArrayAsync());
    }

    [Fact]
    public async Task Listing_a_missing_container_is_empty()
    {
        var page = await _client.ListBlobsAsync(AzuriteFixture.NewContainerName("missing"));

        Assert.Empty(page.Items);
        Assert.Null(page.NextMarker);
    }

    [Fact]
    public async Task A_wrong_account_key_fails_once_with_a_clear_error()
    {
        var wrongKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var connection = BlobConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={wrongKey};BlobEndpoint={azurite.Connection.BlobEndpoint};");
        var counting = new CountingHandler();
        using var client = new BlobRestClient(connection, AzuriteFixture.FastOptions, counting);

        var error = await Assert.ThrowsAsync<DocumentStoreException>(() => client.PutBlockBlobAsync(_container, "x.json", "{}"u8.ToArray()));

        Assert.StartsWith("Blob storage refused the credentials for account devstoreaccount1: 403", error.Message);
        Assert.Equal(1, counting.Requests);
        Assert.DoesNotContain(wrongKey, error.Message);
    }

    [Fact]
    public async Task A_sas_connection_string_authorizes_requests_without_the_key()
    {
        var sas = TestSas.AccountSas("devstoreaccount1", azurite.Connection.AccountKey!, "rwdlac", DateTimeOffset.UtcNow.AddHours(1));
        var connection = BlobConnectionString.Parse($"BlobEndpoint={azurite.Connection.BlobEndpoint};SharedAccessSignature={sas}");
        Assert.Null(connection.AccountKey);
        using var client = new BlobRestClient(connection, AzuriteFixture.FastOptions);
        var container = AzuriteFixture.NewContainerName("sas");

        Assert.True(await client.CreateContainerAsync(container));
        await client.PutBlockBlobAsync(container, "giấy tờ/sas.json", "{\"sas\":true}"u8.ToArray());
        Assert.Equal("{\"sas\":true}"u8.ToArray(), (await client.GetBlobAsync(container, "giấy tờ/sas.json"))!.Content);
        Assert.Equal(["giấy tờ/sas.json"], (await client.ListBlobsAsync(container)).Items.Select(i => i.Name));
        Assert.True(await client.DeleteContainerAsync(container));
    }

    [Fact]
    public async Task A_read_only_sas_is_refused_for_writes_with_a_clear_error()
    {
        var sas = TestSas.AccountSas("devstoreaccount1", azurite.Connection.AccountKey!, "rl", DateTimeOffset.UtcNow.AddHours(1));
        using var client = new BlobRestClient(BlobConnectionString.Parse($"BlobEndpoint={azurite.Connection.BlobEndpoint};SharedAccessSignature={sas}"), AzuriteFixture.FastOptions);
        await _client.PutBlockBlobAsync(_container, "readable.json", "{}"u8.ToArray());

        Assert.Equal("{}"u8.ToArray(), (await client.GetBlobAsync(_container, "readable.json"))!.Content);
        var error = await Assert.ThrowsAsync<DocumentStoreException>(() => client.PutBlockBlobAsync(_container, "denied.json", "{}"u8.ToArray()));
        Assert.Contains("refused the credentials for account devstoreaccount1", error.Message);
    }
}
