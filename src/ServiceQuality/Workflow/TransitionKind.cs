namespace ServiceQuality.Workflow;

/// <summary>What a trigger does when it is accepted.</summary>
public enum TransitionKind
{
    /// <summary>The machine moves to another state: exit observers, transition observers, then entry observers run.</summary>
    Transition = 0,

    /// <summary>The machine leaves the state and enters it again: its exit and entry observers run.</summary>
    Reentry = 1,

    /// <summary>The trigger is handled inside the state (a milestone): no exit or entry observer runs.</summary>
    Internal = 2,

    /// <summary>The trigger is accepted and does nothing.</summary>
    Ignored = 3,
}

/// <summary>Why a trigger was refused.</summary>
public enum RefusalReason
{
    /// <summary>The state (and its superstates) have no behaviour for the trigger.</summary>
    NotPermitted = 0,

    /// <summary>The state has behaviour for the trigger, but no candidate's guards are all met.</summary>
    GuardsUnmet = 1,
}
