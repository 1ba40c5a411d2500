using System.CommandLine;
using System.Globalization;
using DataHub.Pipeline.Review;
using DataHub.Pipeline.Reporting;
using DataHub.Store.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub review list|show|approve|reject</c>: the human review queue.</summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var status = new Option<string>("--status") { Description = "pending, approved, rejected or all", DefaultValueFactory = _ => "pending" };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 50, Description = "How many items" };
        var list = new Command("list", "Records waiting for a clerk (or decided ones)") { status, limit };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            var items = services.GetRequiredService<ICatalog>().ListReviews(parse.GetValue(status)!, parse.GetValue(limit));
            TextTable.Write(Console.Out, ["id", "type", "status", "sample", "reason"],
                items.Select(i => new[] { ReviewDesk.IdOf(i), i.DocumentType ?? "", i.Status, i.Sampled ? "yes" : "", Short(i.Reason, 90) }).ToList());
            return 0;
        });

        var id = new Argument<string>("id") { Description = "connector:sourceRef, as `review list` shows" };
        var show = new Command("show", "Everything about one item: reason, fields as read, page image, OCR text") { id };
        show.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            var item = services.GetRequiredService<ReviewDesk>().Get(parse.GetValue(id)!);
            Console.Out.WriteLine($"id:      {ReviewDesk.IdOf(item)}\ntype:    {item.DocumentType}\nstatus:  {item.Status}{(item.Sampled ? " (random accuracy sample)" : "")}\nreason:  {item.Reason}");
            if (item.ImagePath is not null) Console.Out.WriteLine($"page:    {item.ImagePath}");
            var payload = DataHub.Pipeline.Sync.ReviewPayload.Parse(item.RawJson);
            if (payload is not null)
            {
                Console.Out.WriteLine("fields as read (confidence):");
                foreach (var (name, value) in payload.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    var confidence = payload.Confidences?.TryGetValue(name, out var c) == true ? c.ToString("0", CultureInfo.InvariantCulture) : "";
                    Console.Out.WriteLine($"  {name,-22} {Short(value ?? "", 70),-72} {confidence}");
                }
            }
            if (item.OcrText is not null) Console.Out.WriteLine("OCR text:\n" + item.OcrText);
            return 0;
        });

        var set = new Option<string[]>("--set") { Description = "Correct a field: --set fullName=\"Nguyễn Văn An\" (repeatable)" };
        var by = new Option<string>("--by") { Description = "Who decides (for the record)", DefaultValueFactory = _ => Environment.UserName };
        var approve = new Command("approve", "Publish the record, with the clerk's corrections") { id, set, by };
        approve.SetAction(async (parse, ct) =>
        {
            var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(set) ?? [])
            {
                var eq = pair.IndexOf('=');
                if (eq <= 0) throw new ArgumentException($"--set {pair}: use field=value");
                corrections[pair[..eq].Trim()] = pair[(eq + 1)..];
            }
            await using var services = CliContext.Services(parse);
            var document = await services.GetRequiredService<ReviewDesk>().ApproveAsync(parse.GetValue(id)!, corrections, parse.GetValue(by)!, ct);
            Console.Out.WriteLine($"published {document.DocumentType} {document.DocumentId} version {document.Version} ({document.Method})");
            return 0;
        });

        var reason = new Option<string>("--reason") { Required = true, Description = "Why the record cannot be published" };
        var reject = new Command("reject", "Quarantine the record with the clerk's reason") { id, reason, by };
        reject.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            services.GetRequiredService<ReviewDesk>().Reject(parse.GetValue(id)!, parse.GetValue(reason)!, parse.GetValue(by)!);
            Console.Out.WriteLine($"rejected {parse.GetValue(id)}");
            return 0;
        });
        return new Command("review", "Human review of records the machine is not sure of") { list, show, approve, reject };
    }

    private static string Short(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
