namespace ServiceQuality.Complaints;

/// <summary>
/// A new complaint as the host received it: who, from where, how urgent, the client's own words, and any host-defined
/// tags and metadata. The time of receipt is the lifecycle's clock, like every other event's time.
/// </summary>
/// <example>
/// <code>
/// var complaint = await service.ReceiveAsync(new ReceiveComplaintRequest
/// {
///     ComplaintId = "C-1", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email,
///     Priority = Priority.High, Text = "The VPN drops every hour.", Actor = "desk", Tags = ["vpn"],
/// });
/// </code>
/// </example>
public sealed record ReceiveComplaintRequest
{
    /// <summary>Gets the complaint's identifier (not null, empty or white space).</summary>
    public required string ComplaintId { get; init; }

    /// <summary>Gets the client's identifier (not null, empty or white space).</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets whether the client is internal or external.</summary>
    public required ClientSegment Segment { get; init; }

    /// <summary>Gets the client channel the complaint came in on (not <see cref="ContactChannel.Internal"/>).</summary>
    public required ContactChannel Channel { get; init; }

    /// <summary>Gets the priority, which selects the SLA policy.</summary>
    /// <value><see cref="Priority.Normal"/>.</value>
    public Priority Priority { get; init; } = Priority.Normal;

    /// <summary>Gets the client's own words (not null, empty or white space).</summary>
    public required string Text { get; init; }

    /// <summary>Gets who recorded the complaint (not null, empty or white space).</summary>
    public required string Actor { get; init; }

    /// <summary>Gets host-defined tags, distinct (ordinal), within <see cref="ComplaintOptions.MaxTags"/> and <see cref="ComplaintOptions.MaxTagLength"/>.</summary>
    /// <value>None.</value>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets host-defined metadata, within <see cref="ComplaintOptions.MaxMetadataEntries"/>, <see cref="ComplaintOptions.MaxMetadataKeyLength"/> and <see cref="ComplaintOptions.MaxMetadataValueLength"/>.</summary>
    /// <value>None.</value>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = Values.NoMetadata;
}
