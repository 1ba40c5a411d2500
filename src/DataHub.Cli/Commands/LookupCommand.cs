using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataHub.Core.Dates;
using DataHub.Core.Documents;
using DataHub.Core.Identity;
using DataHub.Pipeline.Lookup;
using DataHub.Store.Audit;
using DataHub.Store.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub lookup CITIZEN_ID [--type T] [--valid-on D] [--format table|json]</c></summary>
internal static class LookupCommand
{
    public static Command Create()
    {
        var citizen = new Argument<string>("citizen-id") { Description = "12-digit personal identification number" };
        var type = new Option<string?>("--type") { Description = "Only this document type (e.g. birth-certificate)" };
        var validOn = new Option<string?>("--valid-on") { Description = "Only documents valid on this date (default: today; 'any' for all current versions)" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        var purpose = new Option<string?>("--purpose") { Description = "Why you look (written to the access log)" };
        var command = new Command("lookup", "List the reusable documents of a citizen") { citizen, type, validOn, format, purpose };
        command.SetAction(async (parse, ct) =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            if (!CitizenId.TryParse(parse.GetValue(citizen), today, out var id, out var reason)) throw new ArgumentException(reason);
            var typeName = parse.GetValue(type);
            if (typeName is not null && DocumentType.FromSlug(typeName) is null)
                throw new ArgumentException($"unknown document type '{typeName}' (known: {string.Join(", ", DocumentType.All)})");
            DateOnly? on = today;
            var validOnText = parse.GetValue(validOn);
            if (validOnText == "any") on = null;
            else if (validOnText is not null) on = VietnameseDate.TryParse(validOnText, out var d, out var why) ? d : throw new ArgumentException($"--valid-on: {why}");

            await using var services = CliContext.Services(parse);
            var documents = services.GetRequiredService<CitizenDocuments>().Find(id, typeName, on, null);
            // Staff lookups are accesses too: logged like the API's, under the operating-system user.
            services.GetRequiredService<AccessLog>().Append(new AccessLogEntry(DateTimeOffset.UtcNow, DocumentReuse.CliClientPrefix + Environment.UserName,
                parse.GetValue(purpose), "cli lookup", id.Value, documents.Select(d => d.DocumentId).Distinct().ToList(), 200));
            if (parse.GetValue(format) == "json")
            {
                var store = services.GetRequiredService<IDocumentStore>();
                var array = new JsonArray();
                foreach (var d in documents)
                {
                    DocumentId.TryParse(d.DocumentId, out var docId);
                    var bytes = await store.GetVersionAsync(docId, d.Version, ct);
                    array.Add(bytes is null ? null : JsonNode.Parse(bytes));
                }
                Console.Out.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return 0;
            }
            if (documents.Count == 0)
            {
                Console.Out.WriteLine($"No reusable documents for {id.Masked}{(on is { } x ? $" valid on {x:yyyy-MM-dd}" : "")}.");
                return 0;
            }
            DataHub.Pipeline.Reporting.TextTable.Write(Console.Out, ["document id", "type", "role", "result number", "issued", "valid until", "status", "version", "method", "agency"],
                documents.Select(d => new[]
                {
                    d.DocumentId, d.DocumentType, d.Role ?? "", d.ResultNumber, d.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    d.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", d.Status, d.Version.ToString(CultureInfo.InvariantCulture), d.Method, d.AgencyCode,
                }).ToList());
            return 0;
        });
        return command;
    }
}
