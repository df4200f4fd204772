using ServiceQuality.Complaints;
using ServiceQuality.Testing;

namespace ServiceQuality.Tests.Complaints;

/// <summary>The in-memory store against the shipped store contract suite (ServiceQuality.Testing).</summary>
public sealed class InMemoryComplaintStoreTests : ComplaintStoreContract
{
    protected override ValueTask<IComplaintStore> CreateStoreAsync() => ValueTask.FromResult<IComplaintStore>(new InMemoryComplaintStore());
}
