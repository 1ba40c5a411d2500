using System.CommandLine;
using System.Globalization;
using DataHub.Core.Identity;
using DataHub.Pipeline.Reporting;
using DataHub.Store.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub audit verify</c> and <c>datahub audit citizen ID</c>: the access log for inspectors.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check the access log's hash chain and anchor; exit 1 at the first broken entry");
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            var log = services.GetRequiredService<AccessLog>();
            var result = AccessLogVerifier.Verify(log.ReadAll(), log.Anchor.Read());
            if (result.IsIntact)
            {
                Console.Out.WriteLine($"access log intact: {result.EntriesChecked.ToString("N0", CultureInfo.InvariantCulture)} entries, hash chain and anchor agree");
                return 0;
            }
            Console.Error.WriteLine($"datahub: access log broken: {result.Problem} ({result.EntriesChecked.ToString("N0", CultureInfo.InvariantCulture)} entries verified before it)");
            return 1;
        });

        var citizen = new Argument<string>("citizen-id") { Description = "12-digit personal identification number" };
        var who = new Command("citizen", "Who looked at this citizen's documents (lookups by ID and reads of their documents)") { citizen };
        who.SetAction(async (parse, ct) =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            if (!CitizenId.TryParse(parse.GetValue(citizen), today, out var id, out var reason)) throw new ArgumentException(reason);
            await using var services = CliContext.Services(parse);
            var records = services.GetRequiredService<AccessLog>().ForCitizen(id.Value);
            if (records.Count == 0)
            {
                Console.Out.WriteLine($"Nobody has looked up or read documents of {id.Masked}.");
                return 0;
            }
            TextTable.Write(Console.Out, ["#", "time (UTC)", "client", "purpose", "endpoint", "status", "documents"], records.Select(r => new[]
            {
                r.Sequence.ToString(CultureInfo.InvariantCulture), r.Entry.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.Entry.Client,
                r.Entry.Purpose ?? "", r.Entry.Endpoint, r.Entry.Status.ToString(CultureInfo.InvariantCulture), string.Join(" ", r.Entry.DocumentIds),
            }).ToList());
            return 0;
        });
        return new Command("audit", "The access log: verify its chain, see who looked at a citizen") { verify, who };
    }
}
