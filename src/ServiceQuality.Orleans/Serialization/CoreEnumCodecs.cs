using Orleans.Serialization.Codecs;
using ServiceQuality.Complaints;
using ServiceQuality.Normalization;
using ServiceQuality.Sla;
using ServiceQuality.Workflow;

namespace ServiceQuality.Orleans.Serialization;

// The core's enums cross grain boundaries inside commands, replies, snapshots and survey responses. The core has no
// Orleans attributes (it references nothing), so each enum gets a codec here, the way Orleans registers its own for
// System.DayOfWeek and System.DateTimeKind: the enum's 32-bit value on the wire.

/// <summary>Carries <see cref="ComplaintState"/>.</summary>
[RegisterSerializer]
internal sealed class ComplaintStateCodec : Enum32BaseCodec<ComplaintState>;

/// <summary>Carries <see cref="ComplaintCommand"/>.</summary>
[RegisterSerializer]
internal sealed class ComplaintCommandCodec : Enum32BaseCodec<ComplaintCommand>;

/// <summary>Carries <see cref="ContactChannel"/>.</summary>
[RegisterSerializer]
internal sealed class ContactChannelCodec : Enum32BaseCodec<ContactChannel>;

/// <summary>Carries <see cref="ComplaintMilestones"/>.</summary>
[RegisterSerializer]
internal sealed class ComplaintMilestonesCodec : Enum32BaseCodec<ComplaintMilestones>;

/// <summary>Carries <see cref="ComplaintDueKind"/>.</summary>
[RegisterSerializer]
internal sealed class ComplaintDueKindCodec : Enum32BaseCodec<ComplaintDueKind>;

/// <summary>Carries <see cref="ClientSegment"/>.</summary>
[RegisterSerializer]
internal sealed class ClientSegmentCodec : Enum32BaseCodec<ClientSegment>;

/// <summary>Carries <see cref="ClientWant"/>.</summary>
[RegisterSerializer]
internal sealed class ClientWantCodec : Enum32BaseCodec<ClientWant>;

/// <summary>Carries <see cref="Priority"/>.</summary>
[RegisterSerializer]
internal sealed class PriorityCodec : Enum32BaseCodec<Priority>;

/// <summary>Carries <see cref="SlaClockKind"/>.</summary>
[RegisterSerializer]
internal sealed class SlaClockKindCodec : Enum32BaseCodec<SlaClockKind>;

/// <summary>Carries <see cref="RefusalReason"/>.</summary>
[RegisterSerializer]
internal sealed class RefusalReasonCodec : Enum32BaseCodec<RefusalReason>;

/// <summary>Carries <see cref="SlaStatus"/>.</summary>
[RegisterSerializer]
internal sealed class SlaStatusCodec : Enum32BaseCodec<SlaStatus>;

/// <summary>Carries <see cref="FactKind"/>.</summary>
[RegisterSerializer]
internal sealed class FactKindCodec : Enum32BaseCodec<FactKind>;

/// <summary>Carries <see cref="ImpactLevel"/>.</summary>
[RegisterSerializer]
internal sealed class ImpactLevelCodec : Enum32BaseCodec<ImpactLevel>;
