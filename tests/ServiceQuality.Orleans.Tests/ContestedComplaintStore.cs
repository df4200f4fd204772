using System.Reflection;
using System.Runtime.ExceptionServices;
using ServiceQuality.Complaints;

namespace ServiceQuality.Orleans.Tests;

/// <summary>
/// A store another writer keeps moving: just before each append to a complaint whose id starts with
/// <see cref="Prefix"/> (the receipt aside), another writer of the same store — a <see cref="ComplaintService"/>
/// outside the cluster, on the store itself — adds an information note, so the append that follows is refused as stale,
/// every time. Every other call goes straight to the store. (Also compiled into the samples' tests, for the WebApi's
/// cluster.)
/// </summary>
public class ContestedComplaintStore : DispatchProxy
{
    /// <summary>The ids of the complaints another writer keeps moving start with this.</summary>
    public const string Prefix = "CONTESTED-";

    /// <summary>Who the other writer is, in the notes it adds.</summary>
    public const string OtherWriter = "other-writer";

    private IComplaintStore _target = null!;
    private ComplaintService _other = null!;

    /// <summary>Wraps <paramref name="target"/>.</summary>
    public static IComplaintStore Wrap(IComplaintStore target)
    {
        var proxy = Create<IComplaintStore, ContestedComplaintStore>();
        var contested = (ContestedComplaintStore)(object)proxy;
        contested._target = target;
        contested._other = new ComplaintService(new ComplaintLifecycle(), target);
        return proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod!.Name == nameof(IComplaintStore.AppendAsync)
            && args![0] is ComplaintAppend { ExpectedVersion: > 0 } append
            && append.ComplaintId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return AppendAfterTheOtherWriterAsync(append, (CancellationToken)args[1]!);
        }

        try
        {
            return targetMethod.Invoke(_target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private async ValueTask<long> AppendAfterTheOtherWriterAsync(ComplaintAppend append, CancellationToken cancellationToken)
    {
        (await _other.ExecuteAsync(append.ComplaintId, c => c.AddInformation(OtherWriter, "Moved on by another writer of the store."), cancellationToken)).Result.EnsureAccepted();
        return await _target.AppendAsync(append, cancellationToken);
    }
}
