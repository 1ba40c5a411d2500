using DataHub.Store.AzureBlob;

namespace DataHub.Store.Tests;

public sealed class SharedKeySignerTests
{
    [Fact]
    public void Path_style_urls_sign_the_account_twice_with_the_encoded_path_and_decoded_sorted_query()
    {
        var signer = new SharedKeySigner("devstoreaccount1", new byte[32]);
        using var request = new HttpRequestMessage(HttpMethod.Get,
            "http://127.0.0.1:10000/devstoreaccount1/docs?restype=container&comp=list&prefix=h%E1%BB%93%20s%C6%A1%2F&maxresults=5000");
        request.Headers.Add("x-ms-version", "2025-11-05");
        request.Headers.Add("x-ms-date", "Mon, 23 Nov 2026 01:00:00 GMT");

        var lines = signer.StringToSign(request).Split('\n');

        Assert.Equal("GET", lines[0]);
        Assert.Equal("x-ms-date:Mon, 23 Nov 2026 01:00:00 GMT", lines[12]);
        Assert.Equal("x-ms-version:2025-11-05", lines[13]);
        Assert.Equal("/devstoreaccount1/devstoreaccount1/docs", lines[14]);
        Assert.Equal(["comp:list", "maxresults:5000", "prefix:hồ sơ/", "restype:container"], lines[15..]);
    }

    [Fact]
    public void Non_ascii_blob_names_are_signed_percent_encoded_as_sent()
    {
        var signer = new SharedKeySigner("devstoreaccount1", new byte[32]);
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/docs/gi%E1%BA%A5y%20khai%20sinh.json")
        {
            Content = new ByteArrayContent([1, 2, 3]),
        };
        request.Headers.IfNoneMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);

        var lines = signer.StringToSign(request).Split('\n');

        Assert.Equal("3", lines[3]);
        Assert.Equal("*", lines[9]);
        Assert.Equal("/devstoreaccount1/devstoreaccount1/docs/gi%E1%BA%A5y%20khai%20sinh.json", lines[^1]);
    }
}
