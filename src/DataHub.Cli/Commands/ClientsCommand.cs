using System.CommandLine;
using System.Globalization;
using DataHub.Core.Documents;
using DataHub.Pipeline.Reporting;
using DataHub.Store.Clients;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub clients add|list|revoke</c>: API keys of one-stop software, stored hashed in the catalog.</summary>
internal static class ClientsCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Client system name (e.g. mot-cua-hoi-an)" };
        var types = new Option<string>("--types") { Description = "Document types it may read, comma-separated (e.g. birth-certificate,land-use-right-certificate)", Required = true };
        var rate = new Option<int>("--rate") { Description = "Requests per second allowed", DefaultValueFactory = _ => 50 };
        var add = new Command("add", "Register a client and print its API key (shown once)") { name, types, rate };
        add.SetAction(async (parse, ct) =>
        {
            var slugs = parse.GetValue(types)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = slugs.Where(s => DocumentType.FromSlug(s) is null).ToList();
            if (slugs.Length == 0 || unknown.Count > 0)
                throw new ArgumentException($"--types: unknown document type {string.Join(", ", unknown)} (known: {string.Join(", ", DocumentType.All)})");
            await using var services = CliContext.Services(parse);
            var (client, key) = services.GetRequiredService<ApiClientStore>().Add(parse.GetValue(name)!, slugs, parse.GetValue(rate));
            Console.Error.WriteLine($"client '{client.Name}' added: {string.Join(", ", client.DocumentTypes)}; {client.RatePerSecond} requests/s. Its key is shown once; only its hash is stored:");
            Console.Out.WriteLine(key);
            return 0;
        });

        var list = new Command("list", "List clients (never keys)");
        list.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            var clients = services.GetRequiredService<ApiClientStore>().List();
            TextTable.Write(Console.Out, ["name", "types", "rate/s", "created", "revoked", "key sha-256 (prefix)"], clients.Select(c => new[]
            {
                c.Name, string.Join(",", c.DocumentTypes), c.RatePerSecond.ToString(CultureInfo.InvariantCulture), c.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                c.RevokedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "", c.KeyHash[..12],
            }).ToList());
            return 0;
        });

        var revokeName = new Argument<string>("name") { Description = "Client to revoke" };
        var revoke = new Command("revoke", "Revoke a client's key (a running server refuses it within a second)") { revokeName };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            var client = parse.GetValue(revokeName)!;
            if (!services.GetRequiredService<ApiClientStore>().Revoke(client)) throw new ArgumentException($"no client '{client}'");
            Console.Out.WriteLine($"client '{client}' revoked");
            return 0;
        });
        return new Command("clients", "API clients (one-stop software) and their keys") { add, list, revoke };
    }
}
