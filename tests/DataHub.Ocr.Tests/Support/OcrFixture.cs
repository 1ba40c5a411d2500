using DataHub.Ocr.Corpus;

namespace DataHub.Ocr.Tests.Support;

/// <summary>
/// One engine pool and one rendered corpus (2 pages per class) for all OCR tests: engines take 70 ms
/// each to load, and rendering and recognizing the corpus is the bulk of the suite's run time.
/// </summary>
public sealed class OcrFixture : IAsyncLifetime
{
    public const int PagesPerClass = 2;

    private readonly TempDirectory _dir = new();

    public OcrEngine Engine { get; } = new();

    public string CorpusDirectory => _dir.Path;

    public IReadOnlyList<(OcrCorpusPage Page, OcrDocumentResult Result)> Corpus { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var pages = await OcrCorpus.GenerateAsync(_dir.Path, pagesPerClass: PagesPerClass);
        var results = await Task.WhenAll(pages.Select(p => Engine.RecognizeFileAsync(p.ImagePath)));
        Corpus = pages.Zip(results).ToList();
    }

    public Task DisposeAsync()
    {
        Engine.Dispose();
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class OcrCollection : ICollectionFixture<OcrFixture>
{
    public const string Name = "ocr";
}
