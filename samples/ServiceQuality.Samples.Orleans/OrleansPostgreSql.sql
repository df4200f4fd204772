-- The PostgreSQL tables and queries of Orleans' ADO.NET clustering and reminders, for the ServiceQuality Orleans sample.
--
-- Written in this repository (not taken from the Orleans repository) for the query keys, parameter names and result
-- columns of Microsoft.Orleans.Clustering.AdoNet 10.4.0 and Microsoft.Orleans.Reminders.AdoNet 10.4.0, as read from
-- their assemblies: each provider loads "SELECT QueryKey, QueryText FROM OrleansQuery" once, refuses to start when one
-- of its keys is missing, and runs the text under each key with named parameters (@Name). Another Orleans version may
-- use other keys or parameters: check them before using this script with it.
--
--   Clustering (deployment id = the cluster id; Status: SiloStatus as int, 3 = Active, 6 = Dead):
--     InsertMembershipVersionKey       @DeploymentId                              -> one boolean: the version row was created
--     MembershipReadAllKey             @DeploymentId                              -> the version row joined with every member
--     MembershipReadRowKey             @DeploymentId @Address @Port @Generation   -> the version row joined with that member
--     InsertMembershipKey              @DeploymentId @Address @Port @Generation @SiloName @HostName @Status @ProxyPort
--                                      @StartTime @IAmAliveTime @Version          -> one boolean (false: version moved, or the row exists)
--     UpdateMembershipKey              @DeploymentId @Address @Port @Generation @Status @SuspectTimes @IAmAliveTime
--                                      @Version                                   -> one boolean (false: version moved, or no such row)
--     UpdateIAmAlivetimeKey            @DeploymentId @Address @Port @Generation @IAmAliveTime
--     GatewaysQueryKey                 @DeploymentId @Status                      -> Address, ProxyPort, Generation of the gateways
--     CleanupDefunctSiloEntriesKey     @DeploymentId @IAmAliveTime                -> deletes dead silos not alive since then
--     DeleteMembershipTableEntriesKey  @DeploymentId
--   Membership rows are read by column name: Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
--   SuspectTimes, StartTime (NULL: no member, the version row only), IAmAliveTime, and Version (the table version, the
--   etag of every row). The @Version a write sends is the version it read: the write succeeds only on that version and
--   moves it on by one, in the same transaction.
--
--   Reminders (GrainHash, BeginHash, EndHash: the uint ring hash as a signed int; Period: milliseconds, int or bigint):
--     UpsertReminderRowKey   @ServiceId @GrainHash @GrainId @ReminderName @StartTime @Period -> Version (the new etag)
--     ReadReminderRowKey     @ServiceId @GrainId @ReminderName                 -> GrainId, ReminderName, StartTime, Period, Version
--     ReadReminderRowsKey    @ServiceId @GrainId                               -> the same columns, every reminder of the grain
--     ReadRangeRows1Key      @ServiceId @BeginHash @EndHash  (BeginHash < EndHash, signed): BeginHash < GrainHash <= EndHash
--     ReadRangeRows2Key      @ServiceId @BeginHash @EndHash  (a range wrapping round): GrainHash > BeginHash OR <= EndHash
--     DeleteReminderRowKey   @ServiceId @GrainId @ReminderName @Version        -> one boolean: the row at that etag was deleted
--     DeleteReminderRowsKey  @ServiceId
--
-- Idempotent: every silo runs it when it starts, inside a transaction holding a PostgreSQL advisory lock
-- (SampleCluster.EnsureOrleansTablesAsync), so silos starting together create the tables once. Times are timestamptz
-- (Orleans sends and expects UTC).

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  text NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId text        NOT NULL PRIMARY KEY,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer     NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId text        NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NOT NULL,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL,
    GrainHash    integer     NOT NULL,
    Version      integer     NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- The silos read their share of the ring: reminders by service and hash range.
CREATE INDEX IF NOT EXISTS OrleansRemindersTable_ServiceId_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

-- The membership table's version moves on by one, only from the version a silo read (its etag); false otherwise.
CREATE OR REPLACE FUNCTION orleans_move_membership_version(p_deployment_id text, p_expected_version integer)
RETURNS boolean LANGUAGE plpgsql AS $fn$
BEGIN
    UPDATE OrleansMembershipVersionTable AS v
    SET Version = v.Version + 1, Timestamp = now()
    WHERE v.DeploymentId = p_deployment_id AND v.Version = p_expected_version;
    RETURN FOUND;
END
$fn$;

-- A member joins: only on the version the silo read, which moves on by one; nothing changes when the member exists.
CREATE OR REPLACE FUNCTION orleans_insert_membership(
    p_deployment_id text, p_address text, p_port integer, p_generation integer, p_silo_name text, p_host_name text,
    p_status integer, p_proxy_port integer, p_start_time timestamptz, p_i_am_alive_time timestamptz,
    p_expected_version integer)
RETURNS boolean LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT orleans_move_membership_version(p_deployment_id, p_expected_version) THEN
        RETURN false;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
         p_start_time, p_i_am_alive_time);
    RETURN true;
EXCEPTION WHEN unique_violation THEN
    RETURN false; -- the member exists: the block's version update is rolled back
END
$fn$;

-- A member's status, suspicions and liveness change: only on the version read, which moves on by one.
CREATE OR REPLACE FUNCTION orleans_update_membership(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspect_times text, p_i_am_alive_time timestamptz, p_expected_version integer)
RETURNS boolean LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT orleans_move_membership_version(p_deployment_id, p_expected_version) THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipTable AS m
    SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_i_am_alive_time
    WHERE m.DeploymentId = p_deployment_id AND m.Address = p_address AND m.Port = p_port
      AND m.Generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found';
    END IF;
    RETURN true;
EXCEPTION WHEN no_data_found THEN
    RETURN false; -- no such member: the block's version update is rolled back
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted);
$q$),
('MembershipReadAllKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$q$),
('MembershipReadRowKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$q$),
('InsertMembershipKey', $q$
SELECT orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                                 @ProxyPort, @StartTime, @IAmAliveTime, @Version);
$q$),
('UpdateMembershipKey', $q$
SELECT orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                                 @IAmAliveTime, @Version);
$q$),
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
$q$),
('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
$q$),
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status = 6;
$q$),
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$q$),
('UpsertReminderRowKey', $q$
INSERT INTO OrleansRemindersTable AS r (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash, Version = r.Version + 1
RETURNING r.Version;
$q$),
('ReadReminderRowKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
$q$),
('ReadReminderRowsKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
$q$),
('ReadRangeRows1Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
$q$),
('ReadRangeRows2Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
$q$),
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM deleted);
$q$),
('DeleteReminderRowsKey', $q$
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
