namespace ServiceQuality.Complaints;

/// <summary>The states of the complaint lifecycle. <see cref="Open"/> and <see cref="Engaged"/> are superstates: a complaint is always in a leaf state.</summary>
public enum ComplaintState
{
    /// <summary>Superstate of every state in which the complaint is still being handled: it can be withdrawn, escalated, and information added.</summary>
    Open = 0,

    /// <summary>Received, not yet acknowledged: the client has not been thanked yet.</summary>
    Received = 1,

    /// <summary>Superstate of the open states after the client was thanked: apologies and client updates can be given.</summary>
    Engaged = 2,

    /// <summary>The client was thanked for the complaint.</summary>
    Acknowledged = 3,

    /// <summary>Gathering information (investigate, not interrogate).</summary>
    Investigating = 4,

    /// <summary>Waiting for information from the client: SLA clocks pause here by default.</summary>
    AwaitingClient = 5,

    /// <summary>The client was asked how we can help, with options.</summary>
    HelpOffered = 6,

    /// <summary>An action and a due date were committed to.</summary>
    Committed = 7,

    /// <summary>The fix was delivered; waiting for the client's confirmation (or the auto-close window).</summary>
    Resolved = 8,

    /// <summary>Closed: the client confirmed, or did not answer within the auto-close window. Can be reopened within the reopen window.</summary>
    Closed = 9,

    /// <summary>Withdrawn by the client: final.</summary>
    Withdrawn = 10,
}

/// <summary>The commands a complaint accepts; which are permitted in each state is decided by the lifecycle definition.</summary>
public enum ComplaintCommand
{
    /// <summary>Acknowledge the complaint and thank the client.</summary>
    Acknowledge = 0,

    /// <summary>Start investigating (gathering information).</summary>
    StartInvestigating = 1,

    /// <summary>Add information found (internal).</summary>
    AddInformation = 2,

    /// <summary>Ask the client for information: the SLA clocks pause until the client responds.</summary>
    RequestInformation = 3,

    /// <summary>Record the client's response to a request for information.</summary>
    RecordClientResponse = 4,

    /// <summary>Apologize to the client (sincerely, even if it was not our fault).</summary>
    Apologize = 5,

    /// <summary>Post a client-visible update (restarts the update clock).</summary>
    PostUpdate = 6,

    /// <summary>Ask the client how we can help, offering options.</summary>
    OfferHelp = 7,

    /// <summary>Commit to an action with a due date.</summary>
    Commit = 8,

    /// <summary>Deliver the fix.</summary>
    DeliverFix = 9,

    /// <summary>Record that the client confirmed the fix: closes the complaint.</summary>
    RecordClientConfirmation = 10,

    /// <summary>Record that the client rejected the fix: reopens the investigation.</summary>
    RecordClientRejection = 11,

    /// <summary>Escalate to a higher level, with a reason.</summary>
    Escalate = 12,

    /// <summary>The client withdraws the complaint.</summary>
    Withdraw = 13,

    /// <summary>Reopen a closed complaint within the reopen window.</summary>
    Reopen = 14,

    /// <summary>Close a resolved complaint the client did not answer within the auto-close window.</summary>
    AutoClose = 15,

    /// <summary>Assign or reassign the complaint to an agent and a team (internal).</summary>
    Assign = 16,

    /// <summary>Change the priority: the SLA clocks are re-targeted to the policy of the new priority.</summary>
    ChangePriority = 17,

    /// <summary>Put the complaint on hold for a pause reason (awaiting a third party, a scheduled change): the clocks that reason pauses stop.</summary>
    PutOnHold = 18,

    /// <summary>Release the hold: the clocks it paused run again.</summary>
    ReleaseHold = 19,

    /// <summary>Link the complaint to a recurring problem (replacing the problem it was linked to, if any).</summary>
    LinkProblem = 20,

    /// <summary>Unlink the complaint from its problem.</summary>
    UnlinkProblem = 21,

    /// <summary>Link a survey response that rates the handling of this complaint.</summary>
    LinkSurveyResponse = 22,

    /// <summary>Add or remove host-defined tags.</summary>
    ChangeTags = 23,

    /// <summary>Set or remove host-defined metadata.</summary>
    ChangeMetadata = 24,

    /// <summary>Record (once per clock, status and cycle) that an SLA clock went at risk or breached: a system command for the SLA monitor.</summary>
    RecordSlaAlert = 25,
}

/// <summary>Where an interaction with the client happened; every interaction on a client channel is a moment of truth.</summary>
public enum ContactChannel
{
    /// <summary>Not client-visible: internal work.</summary>
    Internal = 0,

    /// <summary>By telephone (the help-desk voice).</summary>
    Phone = 1,

    /// <summary>By email.</summary>
    Email = 2,

    /// <summary>Through a web portal or link.</summary>
    Web = 3,

    /// <summary>By chat or instant message.</summary>
    Chat = 4,

    /// <summary>In person (the hallway conversation counts too).</summary>
    InPerson = 5,
}

/// <summary>The steps of the complaint process that have been recorded at least once.</summary>
[Flags]
public enum ComplaintMilestones
{
    /// <summary>None yet.</summary>
    None = 0,

    /// <summary>The client was thanked.</summary>
    Thanked = 1,

    /// <summary>Information was added to the investigation.</summary>
    InformationAdded = 2,

    /// <summary>The client was asked for information.</summary>
    InformationRequested = 4,

    /// <summary>An apology was given.</summary>
    Apologized = 8,

    /// <summary>A client-visible update was posted.</summary>
    ClientUpdated = 16,

    /// <summary>Help was offered.</summary>
    HelpOffered = 32,

    /// <summary>An action was committed to.</summary>
    Committed = 64,

    /// <summary>A fix was delivered.</summary>
    FixDelivered = 128,

    /// <summary>The client confirmed a fix.</summary>
    ClientConfirmed = 256,

    /// <summary>The complaint was escalated.</summary>
    Escalated = 512,
}
