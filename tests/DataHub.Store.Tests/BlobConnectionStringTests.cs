using DataHub.Store.AzureBlob;
using DataHub.Store.Documents;

namespace DataHub.Store.Tests;

public sealed class BlobConnectionStringTests
{
    [Fact]
    public void Azurite_style_strings_keep_the_path_style_endpoint_and_key()
    {
        var cs = BlobConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={BlobConnectionString.DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;");

        Assert.Equal("devstoreaccount1", cs.AccountName);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", cs.BlobEndpoint.AbsoluteUri);
        Assert.Equal(Convert.FromBase64String(BlobConnectionString.DevelopmentAccountKey), cs.AccountKey);
        Assert.Null(cs.SasToken);
    }

    [Fact]
    public void Use_development_storage_means_the_local_emulator()
    {
        var cs = BlobConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", cs.AccountName);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", cs.BlobEndpoint.AbsoluteUri);
        Assert.NotNull(cs.AccountKey);
    }

    [Fact]
    public void An_azure_account_string_builds_the_endpoint_from_protocol_name_and_suffix()
    {
        var cs = BlobConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=sotttbinhduong;AccountKey=AAAA;EndpointSuffix=core.windows.net");

        Assert.Equal("https://sotttbinhduong.blob.core.windows.net/", cs.BlobEndpoint.AbsoluteUri);
        Assert.Equal("sotttbinhduong", cs.AccountName);
    }

    [Fact]
    public void A_sas_string_keeps_the_token_and_takes_the_account_from_the_endpoint()
    {
        var cs = BlobConnectionString.Parse("BlobEndpoint=https://sotttbinhduong.blob.core.windows.net/;SharedAccessSignature=?sv=2021-08-06&ss=b&sig=abc%3D");

        Assert.Equal("sotttbinhduong", cs.AccountName);
        Assert.Equal("sv=2021-08-06&ss=b&sig=abc%3D", cs.SasToken);
        Assert.Null(cs.AccountKey);
    }

    [Theory]
    [InlineData("AccountName=x;BlobEndpoint=http://127.0.0.1:10000/x", "neither AccountKey nor SharedAccessSignature")]
    [InlineData("AccountName=x;AccountKey=not*base64", "not valid base64")]
    [InlineData("AccountName=x;AccountKey=AAAA;BlobEndpoint=ftp://host/x", "not an absolute http(s) URL")]
    [InlineData("garbage", "not a Key=Value pair")]
    public void Invalid_strings_fail_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<DocumentStoreException>(() => BlobConnectionString.Parse(text));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Printing_a_connection_string_never_shows_the_key()
    {
        var cs = BlobConnectionString.Parse($"UseDevelopmentStorage=true");

        Assert.DoesNotContain(BlobConnectionString.DevelopmentAccountKey, cs.ToString());
    }
}
