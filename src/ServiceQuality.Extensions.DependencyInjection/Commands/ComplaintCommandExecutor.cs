using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// Runs complaint commands the way every host needs: dispatched from a <see cref="ComplaintCommand"/> and its
/// <see cref="ComplaintCommandArguments"/> (no switch in the host), retried when another writer appended first
/// (<see cref="ComplaintConcurrencyException"/>: reload, decide again, append again, with the bounded, jittered backoff of
/// <see cref="CommandRetryOptions"/>), and logged (refusals, conflicts, store failures; <see cref="ServiceQualityLogEvents"/>).
/// A refusal by the lifecycle is a result, not an exception. Registered by <c>AddServiceQuality</c> (one per tenant). Thread-safe.
/// </summary>
public sealed class ComplaintCommandExecutor
{
    private readonly ResiliencePipeline _retries;
    private readonly ILogger _logger;
    private readonly int _maxRetries;

    /// <summary>Creates an executor.</summary>
    /// <param name="service">The complaints (their store and lifecycle).</param>
    /// <param name="retries">How conflicts are retried.</param>
    /// <param name="timeProvider">The clock the retry delays wait on.</param>
    /// <param name="logger">Where refusals, conflicts and store failures are logged, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="service"/>, <paramref name="retries"/> or <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="retries"/> is invalid; the message names each bad setting and its valid range.</exception>
    public ComplaintCommandExecutor(ComplaintService service, CommandRetryOptions retries, TimeProvider timeProvider, ILogger<ComplaintCommandExecutor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(retries);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = retries.GetProblems(nameof(retries)).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(retries));
        }

        Service = service;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _maxRetries = retries.MaxRetries;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (retries.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ComplaintConcurrencyException>(static e => e is not ComplaintAlreadyExistsException),
                MaxRetryAttempts = retries.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retries.UseJitter,
                Delay = retries.BaseDelay,
                MaxDelay = retries.MaxDelay,
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is ComplaintConcurrencyException conflict)
                    {
                        Log.ConflictRetried(_logger, conflict.ComplaintId, conflict.ExpectedVersion, conflict.ActualVersion, args.AttemptNumber + 1, _maxRetries, args.RetryDelay);
                    }

                    return default;
                },
            });
        }

        _retries = builder.Build();
    }

    /// <summary>Gets the complaint service commands run on.</summary>
    public ComplaintService Service { get; }

    /// <summary>Runs a command from its name and arguments, as a web or message host receives them.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="command">The command.</param>
    /// <param name="arguments">Its arguments (<see cref="ComplaintCommands.ArgumentsOf"/> lists the fields each command reads).</param>
    /// <param name="cancellationToken">Cancels the command (and its retries).</param>
    /// <returns>The execution of the last attempt: the complaint after the command, the event or the refusal (or <see cref="CommandStatus.NotFound"/> when there is no such complaint), and in <see cref="ComplaintExecution.Attempts"/> the number of attempts.</returns>
    /// <exception cref="ArgumentException">The arguments do not fit the command (a field missing or one it does not read), or a value is out of its range (blank text, a due date in the past); the parameter name is the JSON field's.</exception>
    /// <exception cref="ComplaintConcurrencyException">The command still conflicted after every retry; nothing was stored by its last attempt.</exception>
    public ValueTask<ComplaintExecution> DispatchAsync(string complaintId, ComplaintCommand command, ComplaintCommandArguments arguments, CancellationToken cancellationToken = default) =>
        ExecuteAsync(complaintId, ComplaintCommands.Bind(command, arguments), cancellationToken);

    /// <summary>Runs a command given as a function of the complaint, e.g. <c>c =&gt; c.PostUpdate("ann", ContactChannel.Email, "Engineer booked")</c>.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="command">The command; it may run more than once (once per attempt), on a freshly loaded complaint each time.</param>
    /// <param name="cancellationToken">Cancels the command (and its retries).</param>
    /// <returns>The execution of the last attempt: the complaint after the command, the event or the refusal (or <see cref="CommandStatus.NotFound"/> when there is no such complaint), and in <see cref="ComplaintExecution.Attempts"/> the number of attempts.</returns>
    /// <exception cref="ArgumentException">The command's arguments are out of range.</exception>
    /// <exception cref="ComplaintConcurrencyException">The command still conflicted after every retry; nothing was stored by its last attempt.</exception>
    public ValueTask<ComplaintExecution> ExecuteAsync(string complaintId, Func<Complaint, CommandResult> command, CancellationToken cancellationToken = default) =>
        ExecuteAsync(complaintId, command, cancellationToken, logRefusal: true);

    /// <summary>Runs a command; a refusal is logged (1000) only when <paramref name="logRefusal"/> (the hosted services expect theirs).</summary>
    internal async ValueTask<ComplaintExecution> ExecuteAsync(string complaintId, Func<Complaint, CommandResult> command, CancellationToken cancellationToken, bool logRefusal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(complaintId);
        ArgumentNullException.ThrowIfNull(command);
        var attempt = new Attempt(Service, complaintId, command);
        ComplaintExecution execution;
        try
        {
            execution = await _retries.ExecuteAsync(
                static (attempt, ct) => attempt.RunAsync(ct), attempt, cancellationToken).ConfigureAwait(false);
        }
        catch (ComplaintConcurrencyException) when (attempt.Count > 1 || _maxRetries == 0)
        {
            Log.RetriesExhausted(_logger, complaintId, attempt.Count);
            throw;
        }
        catch (Exception ex) when (ex is not (ArgumentException or OperationCanceledException or ComplaintConcurrencyException))
        {
            Log.StoreOperationFailed(_logger, ex, "execute", complaintId);
            throw;
        }

        if (execution.Result.Refusal is { } refusal && logRefusal)
        {
            Log.CommandRefused(_logger, refusal.Command, complaintId, refusal.State, refusal.Reason, string.Join(", ", refusal.AllowedCommands));
        }

        return attempt.Count == 1 ? execution : execution.WithAttempts(attempt.Count);
    }

    /// <summary>One command's attempts: each loads the complaint afresh through the service and runs the command on it.</summary>
    private sealed class Attempt(ComplaintService service, string complaintId, Func<Complaint, CommandResult> command)
    {
        public int Count { get; private set; }

        public ValueTask<ComplaintExecution> RunAsync(CancellationToken cancellationToken)
        {
            Count++;
            return service.ExecuteAsync(complaintId, command, cancellationToken);
        }
    }
}
