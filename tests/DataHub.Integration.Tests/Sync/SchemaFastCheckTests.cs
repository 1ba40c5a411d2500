using System.Text;
using DataHub.Connectors.Manifests;
using DataHub.Connectors.Mapping;
using DataHub.Connectors.Sources;
using DataHub.Core.Documents;
using DataHub.Core.Normalization;
using DataHub.Core.Schemas;
using DataHub.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace DataHub.Integration.Tests.Sync;

/// <summary>
/// The normalizer trusts <see cref="SchemaFastCheck"/> to accept documents without asking NJsonSchema,
/// so the one thing it must never do is accept what NJsonSchema refuses. Checked on every document the
/// bundled samples normalize to, and on thousands of broken copies of them.
/// </summary>
public class SchemaFastCheckTests
{
    private static readonly SchemaRegistry Registry =
        SchemaRegistry.Load(Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText));

    [Fact]
    public void Every_shared_schema_compiles_to_a_fast_check()
    {
        Assert.All(Registry.All, s => Assert.NotNull(s.FastCheck));
    }

    [Fact]
    public void A_schema_with_a_keyword_it_does_not_know_is_left_to_NJsonSchema()
    {
        Assert.Null(SchemaFastCheck.TryCompile(JObject.Parse("""{"type":"object","oneOf":[{"required":["a"]},{"required":["b"]}]}""")));
        Assert.Null(SchemaFastCheck.TryCompile(JObject.Parse("""{"type":"string","format":"date"}""")));
        Assert.NotNull(SchemaFastCheck.TryCompile(JObject.Parse("""{"type":"string","title":"x","x-kind":"text","maxLength":3}""")));
    }

    [Fact]
    public async Task Accepts_every_valid_sample_document_and_no_broken_copy_NJsonSchema_refuses()
    {
        var documents = await SampleDocumentsAsync();
        Assert.True(documents.Count > 2000, $"only {documents.Count} sample documents");
        // The samples have no construction permits or judicial records; one hand-written document each.
        documents.Add((Registry.Get(DocumentType.ConstructionPermit), JObject.Parse("""
            {"documentType":"construction-permit","resultNumber":"45/GPXD","issuingAgency":{"code":"000.00.20.H47","name":"Sở Xây dựng","level":"province"},
             "issueDate":"2024-05-02","validity":{"status":"valid","validUntil":"2026-05-02"},"subjects":[{"citizenId":"049085001234","role":"owner"}],
             "fields":{"permitNumber":"45/GPXD","ownerName":"Trần Thị Bích","ownerCitizenId":"049085001234","address":"Hội An","parcelNumber":"7",
                       "constructionType":"Nhà ở riêng lẻ","floors":3,"floorAreaM2":210.5,"heightM":11.2}}
            """)));
        documents.Add((Registry.Get(DocumentType.JudicialRecordCertificate), JObject.Parse("""
            {"documentType":"judicial-record-certificate","resultNumber":"LLTP-2024-0001","issuingAgency":{"code":"000.00.22.H47","name":"Sở Tư pháp","level":"province"},
             "issueDate":"2024-05-02","validity":{"status":"valid"},"subjects":[{"citizenId":"049085001234","role":"person"}],
             "fields":{"fullName":"Trần Thị Bích","citizenId":"049085001234","dateOfBirth":"1985-02-03","sex":"female","criminalRecordStatus":"none","purpose":"Xin việc"}}
            """)));
        Assert.Equal(DocumentType.All.Count, documents.Select(d => d.Schema.Type).Distinct().Count());

        foreach (var (schema, document) in documents)
        {
            Assert.Empty(schema.Schema.Validate(document));
            Assert.True(schema.FastCheck!.Accepts(document), $"fast check refuses a valid {schema.Type.Slug}: {document.ToString(Newtonsoft.Json.Formatting.None)}");
        }

        int refusedByBoth = 0, acceptedByBoth = 0;
        foreach (var (schema, document) in documents.GroupBy(d => d.Schema.Type).SelectMany(g => g.Take(15)))
        {
            foreach (var broken in BrokenCopies(document))
            {
                var njsonSchemaAccepts = schema.Schema.Validate(broken).Count == 0;
                var fastAccepts = schema.FastCheck!.Accepts(broken);
                Assert.False(fastAccepts && !njsonSchemaAccepts, $"fast check accepts what NJsonSchema refuses: {broken.ToString(Newtonsoft.Json.Formatting.None)}");
                if (!njsonSchemaAccepts) refusedByBoth++;
                else if (fastAccepts) acceptedByBoth++;
            }
        }
        // Both kinds occur: most breakages are refused, and some (an optional field dropped) are still valid.
        Assert.True(refusedByBoth > 1000, $"only {refusedByBoth} broken copies refused");
        Assert.True(acceptedByBoth > 10, $"only {acceptedByBoth} harmless changes accepted");
    }

    [Fact]
    public async Task Every_sample_document_s_bytes_are_what_Newtonsoft_writes_for_it()
    {
        // Content hashes published before the normalizer had its own writer came from Newtonsoft's bytes.
        var documents = await SampleDocumentsAsync();
        Assert.True(documents.Count > 2000, $"only {documents.Count} sample documents");
        foreach (var (_, document) in documents)
        {
            Assert.True(s_contents.TryGetValue(document, out var content));
            Assert.Equal(Encoding.UTF8.GetBytes(document.ToString(Newtonsoft.Json.Formatting.None)), content);
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JObject, byte[]> s_contents = new();

    private static async Task<List<(DocumentSchema Schema, JObject Document)>> SampleDocumentsAsync()
    {
        var normalizer = new ResultNormalizer(Registry, new NormalizerOptions());
        var sources = new SourceFactory([new FileDropKind()]);
        var documents = new List<(DocumentSchema, JObject)>();
        foreach (var manifest in ManifestLoader.LoadAll(Path.Combine(RepoPaths.Root, "connectors"), Registry).Where(m => m.Source.Kind == "fileDrop"))
        {
            var mapper = new RecordMapper(manifest);
            await foreach (var record in sources.Create(manifest, RepoPaths.Root).ReadAsync(null, CancellationToken.None))
            {
                var outcome = normalizer.Normalize(mapper.Map(record));
                if (outcome.Document is { } d)
                {
                    var parsed = JObject.Parse(System.Text.Encoding.UTF8.GetString(d.Content));
                    s_contents.AddOrUpdate(parsed, d.Content);
                    documents.Add((Registry.Get(d.Type), parsed));
                }
            }
        }
        return documents;
    }

    /// <summary>Each value replaced, removed or joined by something else, one change per copy.</summary>
    private static IEnumerable<JObject> BrokenCopies(JObject document)
    {
        var paths = document.DescendantsAndSelf().Where(t => t is not JProperty).Select(t => t.Path).ToList();
        JToken[] replacements =
        [
            "", "x", new string('A', 600), string.Concat(Enumerable.Repeat("A\u0301", 150)), "2020/01/01", "04908500123", "049085001234",
            5, -1, 0, 0.5, 1e12, true, JValue.CreateNull(), new JArray(), new JObject(), new JObject { ["unexpected"] = 1 },
        ];
        foreach (var path in paths)
        {
            if (path.Length == 0)
            {
                var extra = (JObject)document.DeepClone();
                extra["unexpected"] = "x";
                yield return extra;
                continue;
            }
            foreach (var replacement in replacements)
            {
                var copy = (JObject)document.DeepClone();
                copy.SelectToken(path)!.Replace(replacement.DeepClone());
                yield return copy;
            }
            var removed = (JObject)document.DeepClone();
            var token = removed.SelectToken(path)!;
            if (token.Parent is JProperty property) property.Remove();
            else token.Remove();
            yield return removed;
        }
    }
}
