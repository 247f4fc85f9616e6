using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using KitBot.Reminders;
using KitBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KitBot.Hosting;

/// <summary>Registers plan-review reminders: the reviews store, delivery, pacing, Hangfire and its dashboard.</summary>
public static class ReminderServiceCollectionExtensions
{
    /// <summary>Divides the pacing figures between <paramref name="instances"/>, keeping each within its setting's range.</summary>
    public static void ShareOut(PacingOptions pacing, int instances)
    {
        if (instances <= 1)
        {
            return;
        }

        pacing.PerConversationBurst = Math.Max(1, pacing.PerConversationBurst / instances);
        pacing.PerConversationPerSecond = Math.Max(0.01, pacing.PerConversationPerSecond / instances);
        pacing.GlobalBurst = Math.Max(1, pacing.GlobalBurst / instances);
        pacing.GlobalPerSecond = Math.Max(0.1, pacing.GlobalPerSecond / instances);
    }

    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        // Settings are validated at start (STYLE.md 9): a bad time, date, zone, rule or dashboard setting stops the host.
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        // Pacing is per instance (token buckets in memory): each instance keeps its share of the configured figures,
        // so between them the deployment stays under the channel's limits (Security:Instances, docs/deploy.md).
        services.AddOptions<ReminderOptions>().PostConfigure<IOptions<Security.SecurityOptions>>((reminders, security) =>
            ShareOut(reminders.Pacing, security.Value.Instances));

        services.AddPostgreSqlStorageWhenConfigured();

        services.AddSingleton<ReminderCalendar>();
        services.AddSingleton<ReminderPacer>();
        services.AddSingleton<ReminderDelivery>();
        services.AddSingleton<ReminderEscalation>();
        // Hand-over codes and reminder partners (issue 14): the partner store is shared with escalation above.
        services.AddSingleton<Handover.HandoverStore>();
        services.AddSingleton<Handover.Handovers>();
        services.AddSingleton<Turns.IStoredVerbs>(sp => sp.GetRequiredService<Handover.Handovers>());
        services.AddSingleton<UndeliverableReminders>();
        services.AddSingleton<IReachabilityListener>(sp => sp.GetRequiredService<UndeliverableReminders>());
        services.AddSingleton<ReviewActions>();
        services.AddSingleton<Turns.IStoredVerbs>(sp => sp.GetRequiredService<ReviewActions>());
        services.AddSingleton<ReminderJobs>();
        // A person's reminders to their team's channel ("send my reviews here"), instead of their personal chat.
        services.AddSingleton<ReviewRouteStore>();
        services.AddSingleton<ReviewRouting>();
        services.AddSingleton<Turns.IStoredVerbs>(sp => sp.GetRequiredService<ReviewRouting>());

        // Hangfire on KitBot's own storage instance, never its global configuration (two hosts in one test process stay apart).
        services.TryAddSingleton<JobStorage>(sp => CreateJobStorage(sp));
        services.TryAddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.TryAddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        // The dashboard middleware refuses to run unless Hangfire looks registered; KitBot passes its storage explicitly.
        services.TryAddSingleton<IGlobalConfiguration>(_ => GlobalConfiguration.Configuration);
        services.TryAddSingleton(_ => Hangfire.Dashboard.DashboardRoutes.Routes);
        // Hangfire's dashboard checks every POST against IAntiforgery when one is registered; its pages send the
        // token in this header. Nothing else in KitBot binds forms, so no other endpoint is affected.
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-KitBot-Dashboard-Token";
            o.Cookie.Name = "KitBot.Dashboard.Antiforgery";
        });
        services.AddSingleton<IReminderScheduler, HangfireReminderScheduler>();
        services.AddHostedService<ReminderHangfireServer>();
        return services;
    }

    /// <summary>
    /// With <c>Storage:Provider</c> PostgreSql, conversations and reviews live in PostgreSQL (several instances
    /// share them); otherwise in the SQLite file.
    /// </summary>
    public static IServiceCollection AddPostgreSqlStorageWhenConfigured(this IServiceCollection services)
    {
        services.TryAddSingleton<PostgresDatabase>();
        services.Replace(ServiceDescriptor.Singleton<IConversationStore>(sp => IsPostgres(sp)
            ? ActivatorUtilities.CreateInstance<PostgresConversationStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteConversationStore>(sp)));
        services.TryAddSingleton<IReviewStore, DbReviewStore>();
        return services;
    }

    /// <summary>Maps the Hangfire dashboard behind <see cref="DashboardAccessFilter"/>: local only unless remote access with credentials is configured.</summary>
    public static WebApplication MapReminders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value;
        _ = app.Services.GetRequiredService<IReviewStore>();
        if (!options.Dashboard.Enabled)
        {
            return app;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardAccessFilter));
        app.UseHangfireDashboard(
            options.Dashboard.Path,
            new DashboardOptions
            {
                // Replace Hangfire's default filter: ours also refuses proxied requests and knows remote credentials.
                Authorization = [],
                AsyncAuthorization = [new DashboardAccessFilter(options.Dashboard, logger)],
                DisplayStorageConnectionString = false,
                DashboardTitle = "KitBot reminders",
                // Every dashboard POST (trigger, requeue, delete) must carry the anti-forgery token the dashboard's own
                // pages hold: Hangfire checks it with IAntiforgery (registered in AddReminders) and answers 403 otherwise.
                IgnoreAntiforgeryToken = false,
                AppPath = null,
            },
            app.Services.GetRequiredService<JobStorage>());
        return app;
    }

    private static bool IsPostgres(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == "PostgreSql";

    private static JobStorage CreateJobStorage(IServiceProvider sp)
    {
        var hangfire = sp.GetRequiredService<IOptions<ReminderOptions>>().Value.Hangfire;
        if (hangfire.Storage != "PostgreSql")
        {
            return new InMemoryStorage();
        }

        var connectionString = string.IsNullOrWhiteSpace(hangfire.ConnectionString)
            ? sp.GetRequiredService<IOptions<StorageOptions>>().Value.PostgreSql.ConnectionString
            : hangfire.ConnectionString;
        return CreatePostgreSqlStorage(hangfire, connectionString);
    }

    /// <summary>
    /// Apart from <see cref="CreateJobStorage"/> so that a host on the embedded defaults never loads Npgsql and
    /// Hangfire.PostgreSql (the runtime loads the assemblies a method names when it compiles the method).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static JobStorage CreatePostgreSqlStorage(Reminders.HangfireStorageOptions hangfire, string? connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = hangfire.Schema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = hangfire.SchedulePollingInterval,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
