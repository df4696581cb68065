using Microsoft.Extensions.Options;
using Tailor.Host.Demo;
using Tailor.Host.Evaluation;
using Tailor.Host.Hosting;
using Tailor.Host.Mailbox;

namespace Tailor.Host.CommandLine;

/// <summary>The host's command line: <c>serve</c> (default), <c>demo</c>, <c>mailbox</c>, <c>eval</c>, <c>api-key</c>, <c>help</c>.</summary>
public static class TailorCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (verb, rest) = SplitVerb(args);
        try
        {
            switch (verb)
            {
                case "serve":
                    NativeOutputSilencer.Apply();
                    await TailorHost.Build(HostArguments.Translate(rest)).RunAsync();
                    return 0;
                case "demo":
                    var options = DemoOptions.Parse(rest);
                    NativeOutputSilencer.Apply();
                    return await DemoCommand.RunAsync(options);
                case "mailbox":
                    var mailbox = MailboxOptions.Parse(rest);
                    using (var stop = new ConsoleStop())
                    {
                        return await MailboxCommand.RunAsync(mailbox, Console.Out, Console.Error, stop.Token);
                    }

                case "api-key":
                    return ApiKeyCommand.Run(rest, Console.Out);
                case "eval":
                    NativeOutputSilencer.Apply();
                    return EvalCommand.Run(rest, Console.Out, Console.Error);
                case "help" or "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"Unknown command '{verb}'.{Environment.NewLine}{Usage}");
                    return 2;
            }
        }
        catch (ArgumentException invalid)
        {
            await Console.Error.WriteLineAsync($"error: {invalid.Message}");
            return 2;
        }
        catch (InvalidDataException invalid)
        {
            // A data file that is not what it should be: say which line, not a stack trace.
            await Console.Error.WriteLineAsync($"error: {invalid.Message}");
            return 2;
        }
        catch (InvalidOperationException unconvertible) when (UnconvertibleSetting.Describe(unconvertible) is { } problem)
        {
            // A setting's text is not of its type: the binder fails before validation can say which setting is wrong.
            await Console.Error.WriteLineAsync($"error: invalid configuration: {problem}");
            return 2;
        }
        catch (OptionsValidationException invalid)
        {
            // Options are validated on start: say which setting is wrong instead of printing a stack trace.
            await Console.Error.WriteLineAsync($"error: invalid configuration: {string.Join("; ", InvalidSettings.Describe(invalid))}");
            return 2;
        }
    }

    public const string Usage =
        """
        Usage: tailor [command] [options]

        Commands:
          serve   Run services (the default). Options: --target all|<name>[,<name>...]
                  (ingestion, embedding, topic, recommendation, sendtime, contentgeneration;
                  add sender, the sample SMTP sender, with e.g. --target all,sender),
                  plus any configuration key, e.g. --ConnectionStrings:rabbitmq=amqp://guest:guest@localhost:5672
          demo    Replay the bundled Online Retail sample through every service on the embedded
                  defaults and write the emails. Options: --data FILE (csv or csv.gz), --out DIR
          mailbox [--port 2525] [--out DIR]
                  A local SMTP server on 127.0.0.1 for trying the sender: writes each message it
                  receives as {n}-{to}.eml and its HTML part as {n}-{to}.html (default ./tailor-mailbox)
                  and prints one line per message. Ctrl+C stops it.
          eval recommend --train FILE --test FILE [--json] [--until DATE] [--from DATE] [--no-content] [--tune]
                  Train every recommender on one file (Online Retail CSV, or user,item,timestamp[,weight])
                  and print NDCG@10, HR@10, Recall@10 and coverage on the other, for all items and
                  for new items only; "served" is the blend Tailor would serve. --tune chooses the
                  hyperparameters on the last 30 days of the training file first.
                  --split random:0.2 [--seed N] or --split per-user-last (each user's last basket)
                  holds out part of --train as the test instead of --until/--from. --diversity LAMBDA
                  scores the lists re-ranked for variety at that MMR weight (1 is off).
          eval send-time --train FILE --test FILE [--json] [--until DATE] [--from DATE]
                         [--months YYYY-MM,YYYY-MM...] [--save-model DIR]
                  Replay the test period day by day through SendTime's own code and score each model
                  by the share of each test user's orders within 1 hour of the hour the planner sends
                  at, against the best global hour, with a 95% interval over customers. --months
                  trains before each month and tests on it, then pools the months; --save-model DIR
                  writes the model validation chose, for Tailor:SendTime:ModelDirectory.
          api-key new --client NAME --scopes events,catalog,campaigns,admin
                  Mint an API key and print the configuration that grants it.
          help    Show this text.
        """;

    private static (string Verb, string[] Remaining) SplitVerb(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') || args is ["--help" or "-h", ..]
            ? (args[0].ToLowerInvariant(), args[1..])
            : ("serve", args);
}
