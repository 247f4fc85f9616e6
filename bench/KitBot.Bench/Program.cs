using KitBot.Bench;

// dotnet run -c Release --project bench/KitBot.Bench -- <mode> [options]   (bench/run.sh runs every mode)
return args switch
{
    ["micro", .. var rest] => Micro.Run(rest),
    ["allocprobe"] => await AllocProbe.RunAsync(),
    ["load", .. var rest] => await LoadDriver.RunAsync(Options.Parse(rest)),
    ["openloop", .. var rest] => await OpenLoop.RunAsync(Options.Parse(rest)),
    ["slack", .. var rest] => await SlackAckDriver.RunAsync(Options.Parse(rest)),
    ["reminders", .. var rest] => await ReminderDispatch.RunAsync(Options.Parse(rest)),
    ["coldstart", .. var rest] => await ColdStart.RunAsync(Options.Parse(rest)),
    ["report", .. var rest] => Report.Write(Options.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Modes: micro | allocprobe | load | openloop | slack | reminders | coldstart | report. See bench/run.sh.");
    return 2;
}
