using ServiceQuality.Complaints;

namespace ServiceQuality.Quickstart.Pipeline;

/// <summary>What the simulation did, for the report.</summary>
internal sealed record SimulationOutcome(int Complaints, int Accepted, int Refused, IReadOnlyDictionary<string, int> RefusalsByCommand, IReadOnlyList<string> RefusalExamples);

/// <summary>
/// Runs every bundled complaint through the lifecycle on a simulated clock. Each complaint follows a script drawn from a
/// random generator seeded by its id (so every run is the same): how fast its agent acknowledges, whether the client is
/// asked for information, whether an agent tries to offer help before apologising (the workflow refuses it), whether the
/// client rejects the first fix or withdraws. Complaints received in the last days are left open.
/// </summary>
internal static class LifecycleSimulation
{
    private static readonly Dictionary<string, double> AgentSpeed = new(StringComparer.Ordinal)
    {
        ["Ada"] = 0.5, ["Ben"] = 0.8, ["Chloe"] = 1.0, ["Dev"] = 1.3, ["Eli"] = 2.2, ["Fatima"] = 0.7,
    };

    public static async Task<SimulationOutcome> RunAsync(
        ComplaintService service, SimulatedClock clock, IReadOnlyList<BundledComplaint> complaints, DateTimeOffset end, Action<int> progress)
    {
        int accepted = 0, refused = 0, done = 0;
        var refusals = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<string>();
        foreach (var c in complaints)
        {
            var random = new Random(StableSeed(c.Id));
            double speed = AgentSpeed.GetValueOrDefault(c.Agent, 1.0);
            clock.Set(c.ReceivedAt);
            await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = c.Id, ClientId = c.ClientId, Segment = c.Segment, Channel = c.Channel, Priority = c.Priority, Text = c.Text, Actor = "service desk" });
            accepted++;

            async Task<bool> Step(TimeSpan after, Func<Complaint, CommandResult> command)
            {
                clock.Advance(after);
                if (clock.Now > end)
                {
                    return false; // not yet: the complaint stays where it is at the end of the period
                }

                var result = await service.ExecuteAsync(c.Id, command);
                if (result.Result.Refusal is { } refusal)
                {
                    refused++;
                    refusals[refusal.Command.ToString()] = refusals.GetValueOrDefault(refusal.Command.ToString()) + 1;
                    if (examples.Count < 3)
                    {
                        examples.Add($"{c.Id}: {refusal.Message}");
                    }
                }
                else
                {
                    accepted++;
                }

                return true;
            }

            TimeSpan Minutes(double mean) => TimeSpan.FromMinutes(Math.Max(1, mean * speed * (0.3 + (1.4 * random.NextDouble()))));
            TimeSpan Hours(double mean) => TimeSpan.FromHours(mean * speed * (0.3 + (1.4 * random.NextDouble())));
            var channel = c.Channel;
            string agent = c.Agent;

            if (random.NextDouble() < 0.03)
            {
                await Step(Hours(2), x => x.Withdraw(c.ClientId, channel, "Found a workaround myself."));
                done++;
                progress(done);
                continue;
            }

            bool open = await Step(Minutes(c.Priority >= Priority.High ? 20 : 90), x => x.Acknowledge(agent, channel, "Thank you for telling us about this."))
                && await Step(Minutes(30), x => x.StartInvestigating(agent))
                && await Step(Minutes(20), x => x.AddInformation(agent, "Reproduced; logs attached."));
            if (open && random.NextDouble() < 0.3)
            {
                open = await Step(Minutes(15), x => x.RequestInformation(agent, channel, "Which office were you working from?"))
                    && await Step(Hours(10), x => x.RecordClientResponse(c.ClientId, channel, "From the main office, floor 3."));
            }

            if (open && random.NextDouble() < 0.15)
            {
                // Straight to a solution without an apology: the workflow's policy refuses it.
                open = await Step(Minutes(5), x => x.OfferHelp(agent, channel, ["Reinstall the client"]));
            }

            open = open
                && await Step(Minutes(10), x => x.Apologize(agent, channel, "We are sorry this got in the way of your work."))
                && await Step(Minutes(10), x => x.OfferHelp(agent, channel, ["Fix it today", "A workaround now, the fix this week"]))
                && await Step(Minutes(15), x => x.Commit(agent, channel, "Replace the failing component", clock.Now + Hours(30)));
            if (open && random.NextDouble() < 0.5)
            {
                open = await Step(Hours(14), x => x.PostUpdate(agent, channel, "The part has arrived; the engineer is on site tomorrow."));
            }

            open = open && await Step(Hours(c.Priority >= Priority.High ? 6 : 20), x => x.DeliverFix(agent, channel, "Replaced the component and tested it with the client."));
            if (open && random.NextDouble() < 0.12)
            {
                // A rejected fix sends the complaint back to Investigating: apologise, offer, commit and fix again.
                open = await Step(Hours(4), x => x.RecordClientRejection(c.ClientId, channel, "It failed again this morning."))
                    && await Step(Minutes(30), x => x.Apologize(agent, channel, "We are sorry the first fix did not hold."))
                    && await Step(Minutes(10), x => x.OfferHelp(agent, channel, ["Replace the whole unit"]))
                    && await Step(Minutes(10), x => x.Commit(agent, channel, "Replace the whole unit", clock.Now + Hours(24)))
                    && await Step(Hours(8), x => x.DeliverFix(agent, channel, "Replaced the whole unit."));
            }

            if (open)
            {
                await Step(Hours(6), x => x.RecordClientConfirmation(c.ClientId, channel));
            }

            done++;
            progress(done);
        }

        clock.Set(end);
        return new SimulationOutcome(complaints.Count, accepted, refused, refusals, examples);
    }

    private static int StableSeed(string id)
    {
        unchecked
        {
            int hash = 17;
            foreach (char ch in id)
            {
                hash = (hash * 31) + ch;
            }

            return hash;
        }
    }
}
