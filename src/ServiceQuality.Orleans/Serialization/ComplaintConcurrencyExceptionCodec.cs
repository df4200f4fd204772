using System.Runtime.ExceptionServices;
using ServiceQuality.Complaints;

namespace ServiceQuality.Orleans.Serialization;

/// <summary>
/// Carries a <see cref="ComplaintConcurrencyException"/> (a command that still conflicted after the grain's attempts)
/// with its fields: Orleans' own exception codec takes exceptions of <c>System</c>, <c>Microsoft</c> and <c>Azure</c>
/// types only and, even when allowed, rebuilds them through their parameterless constructor (message and stack only), so
/// the caller would lose <see cref="ComplaintConcurrencyException.ComplaintId"/> and the versions a host answers with
/// (the WebApi's <c>concurrency-conflict</c> 409). The exception arrives as the same type, with the same complaint,
/// versions, message and inner exception, and the grain's stack as its remote stack trace.
/// </summary>
[RegisterConverter]
internal sealed class ComplaintConcurrencyExceptionConverter : IConverter<ComplaintConcurrencyException, ComplaintConcurrencyExceptionSurrogate>
{
    /// <inheritdoc />
    public ComplaintConcurrencyException ConvertFromSurrogate(in ComplaintConcurrencyExceptionSurrogate surrogate)
    {
        // The stores throw it with its fields (the message is made from them); the message constructors leave the
        // complaint empty and the versions 0.
        var exception = surrogate.ComplaintId is { Length: > 0 } id
            ? new ComplaintConcurrencyException(id, surrogate.ExpectedVersion, surrogate.ActualVersion)
            : surrogate.InnerException is { } inner
                ? new ComplaintConcurrencyException(surrogate.Message ?? string.Empty, inner)
                : new ComplaintConcurrencyException(surrogate.Message ?? string.Empty);
        if (surrogate.StackTrace is { Length: > 0 } stackTrace)
        {
            ExceptionDispatchInfo.SetRemoteStackTrace(exception, stackTrace);
        }

        return exception;
    }

    /// <inheritdoc />
    public ComplaintConcurrencyExceptionSurrogate ConvertToSurrogate(in ComplaintConcurrencyException value) => new()
    {
        ComplaintId = value.ComplaintId,
        ExpectedVersion = value.ExpectedVersion,
        ActualVersion = value.ActualVersion,
        Message = value.Message,
        InnerException = value.InnerException,
        StackTrace = value.StackTrace,
    };
}

/// <summary>The wire form of a <see cref="ComplaintConcurrencyException"/>.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.ComplaintConcurrencyException")]
internal struct ComplaintConcurrencyExceptionSurrogate
{
    /// <summary>The complaint (empty when the exception was made from a message only).</summary>
    [Id(0)]
    public string ComplaintId;

    /// <summary>The version the writer expected.</summary>
    [Id(1)]
    public long ExpectedVersion;

    /// <summary>The stream's version when the append was refused.</summary>
    [Id(2)]
    public long ActualVersion;

    /// <summary>The message (made from the fields when <see cref="ComplaintId"/> is set).</summary>
    [Id(3)]
    public string? Message;

    /// <summary>The cause, if any.</summary>
    [Id(4)]
    public Exception? InnerException;

    /// <summary>Where it was thrown, on the silo.</summary>
    [Id(5)]
    public string? StackTrace;
}
