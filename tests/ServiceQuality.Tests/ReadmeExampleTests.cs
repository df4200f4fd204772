// Each README example lives in a namespace outside ServiceQuality, with exactly the README's usings inside it, so it
// compiles here only if the README shows every using it needs; ReadmeExampleTests reads README.md and this file and
// fails unless each README C# block is, character for character, the usings and code marked below.
#pragma warning disable IDE0161, IDE0065 // block-scoped namespaces, usings inside them: each example has its own usings
#pragma warning disable CA1050 // the example types live in the examples' own namespaces

namespace ServiceQuality.Tests
{
    using System.Text.RegularExpressions;

    /// <summary>The C# examples of README.md: each block is one marked example of this file, and every block is one.</summary>
    public partial class ReadmeExampleTests
    {
        /// <summary>The one C# block that is not compiled here: it needs an ASP.NET Core or generic host builder.</summary>
        private const string HostExampleStart = "builder.Services.AddServiceQuality(";

        [Fact]
        public void ReadmeCSharpBlocks_AreTheExamplesThisFileCompiles()
        {
            string root = RepositoryRoot();
            string readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
            string source = File.ReadAllText(Path.Combine(root, "tests", "ServiceQuality.Tests", "ReadmeExampleTests.cs")).ReplaceLineEndings("\n");
            var blocks = Regex.Matches(readme, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
            string[] names = ["workflow", "lifecycle", "normalization", "scoring"];

            var examples = names.Select(name => Region(source, name, "usings") + "\n" + Region(source, name, "code")).ToList();

            Assert.Equal(names.Length + 1, blocks.Count);
            Assert.Equal(examples, blocks.Where(b => !b.StartsWith(HostExampleStart, StringComparison.Ordinal)));
            Assert.All(examples, e => Assert.StartsWith("using ", e, StringComparison.Ordinal));
        }

        /// <summary>The lines between <c>// README name part</c> and <c>// README end</c>, without their common indentation.</summary>
        private static string Region(string source, string name, string part)
        {
            string start = $"// README {name} {part}\n";
            int from = source.IndexOf(start, StringComparison.Ordinal);
            Assert.True(from >= 0, $"no region '{name} {part}'");
            from = source.IndexOf('\n', from) + 1;
            int to = source.IndexOf("// README end", from, StringComparison.Ordinal);
            var lines = source[from..source.LastIndexOf('\n', to)].Split('\n');
            int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
            return string.Concat(lines.Select(l => (l.Length >= indent ? l[indent..] : l.TrimStart()) + "\n"));
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ServiceQuality.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No ServiceQuality.sln above {AppContext.BaseDirectory}.");
        }
    }
}

namespace ReadmeExamples.Workflow
{
    // README workflow usings
    using ServiceQuality.Workflow;
    // README end

    public enum Stage { Open, Received, Investigating, HelpOffered, Closed, Withdrawn }

    public enum Step { Withdraw, Thank, Apologize, OfferHelp, Close }

    public sealed class Complaint
    {
        public bool Apologized { get; set; }
    }

    public class WorkflowExampleTests
    {
        [Fact]
        public void ReadmeExample_OfferHelpBeforeAnApology_IsRefusedWithTheReadmeMessage()
        {
            var complaint = new Complaint();

            // README workflow code
            var builder = new StateMachineBuilder<Stage, Step, Complaint>("complaint", version: "1", initialState: Stage.Received);
            builder.Configure(Stage.Open).Permit(Step.Withdraw, Stage.Withdrawn);            // any open complaint can be withdrawn
            builder.Configure(Stage.Received).SubstateOf(Stage.Open).Permit(Step.Thank, Stage.Investigating);
            builder.Configure(Stage.Investigating).SubstateOf(Stage.Open)
                .InternalTransition(Step.Apologize, static (c, _) => c.Apologized = true)      // a milestone, no state change
                .PermitIf(Step.OfferHelp, Stage.HelpOffered, static c => c.Apologized, "an apology has been recorded");
            builder.Configure(Stage.HelpOffered).Permit(Step.Close, Stage.Closed);
            builder.Configure(Stage.Closed).Final();
            builder.Configure(Stage.Withdrawn).Final();
            StateMachineDefinition<Stage, Step, Complaint> workflow = builder.Build();  // validated: every problem reported at once

            Stage next = workflow.Fire(Stage.Received, Step.Thank, complaint);          // zero allocations
            FireResult<Stage, Step> result = workflow.Evaluate(next, Step.OfferHelp, complaint);
            // result.Refusal.Message: "Trigger 'OfferHelp' is refused in state 'Investigating': unmet guard(s):
            //                          an apology has been recorded. Permitted now: Withdraw, Apologize."
            string diagram = workflow.ToMermaid();                                     // or ToDot(), or GetInfo()
            // README end

            Assert.Equal(Stage.Investigating, next);
            Assert.Equal(
                "Trigger 'OfferHelp' is refused in state 'Investigating': unmet guard(s): an apology has been recorded. Permitted now: Withdraw, Apologize.",
                result.Refusal!.Message);
            Assert.Contains("Investigating --> HelpOffered : OfferHelp [an apology has been recorded]", diagram, StringComparison.Ordinal);
        }
    }
}

namespace ReadmeExamples.Lifecycle
{
    using Microsoft.Extensions.Time.Testing;

    // README lifecycle usings
    using ServiceQuality;
    using ServiceQuality.Complaints;
    using ServiceQuality.Sla;
    // README end

    public class LifecycleExampleTests
    {
        [Fact]
        public async Task ReadmeExample_ReceiveAndAcknowledge_TheUpdateClockRunsOnLondonHours()
        {
            var timeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));   // a Monday, 09:00 in London

            // README lifecycle code
            var lifecycle = new ComplaintLifecycle(new ComplaintOptions { Calendar = BusinessCalendar.Weekdays(
                TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), new TimeOnly(9, 0), new TimeOnly(17, 30)) }, timeProvider);
            var service = new ComplaintService(lifecycle, new InMemoryComplaintStore());   // or new SqliteComplaintStore("Data Source=complaints.db")

            var complaint = await service.ReceiveAsync(new ReceiveComplaintRequest
            {
                ComplaintId = "C-1", ClientId = "client-7", Segment = ClientSegment.External, Channel = ContactChannel.Email,
                Priority = Priority.High, Text = "The VPN drops every hour and nobody tells me why!", Actor = "desk",
            });   // the first event carries the normalized record: canonical text, facts, areas, incident key
            CommandResult result = (await service.ExecuteAsync("C-1", c => c.Acknowledge("ann", ContactChannel.Phone, "Thank you for telling us."))).Result;
            if (!result.IsAccepted)
            {
                Console.WriteLine(result.Message);          // why, and the commands allowed now
            }

            SlaEvaluation sla = (await service.LoadAsync("C-1"))!.EvaluateSla();
            Console.WriteLine($"{sla.Update.Status}, breach at {sla.Update.BreachAt}");
            // README end

            Assert.True(result.IsAccepted);
            Assert.Equal(16, complaint.Snapshot.Normalized!.IncidentKey.Length);
            Assert.Equal(ComplaintState.Acknowledged, (await service.LoadAsync("C-1"))!.Snapshot.State);
            Assert.Equal(SlaStatus.Running, sla.Update.Status);
        }
    }
}

namespace ReadmeExamples.Normalization
{
    // README normalization usings
    using ServiceQuality.Normalization;
    // README end

    public class NormalizationExampleTests
    {
        [Fact]
        public void ReadmeExample_CalmAndAngry_SameFactsAreaKeyAndFingerprint()
        {
            var receivedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

            // README normalization code
            var normalizer = new ComplaintNormalizer();                 // build once; thread-safe
            var calm  = normalizer.Normalize("The VPN has been down for 3 hours. Ticket INC-4471.");
            var angry = normalizer.Normalize("THE VPN HAS BEEN DOWN FOR 3 HOURS!!! Absolutely useless. Ticket INC-4471 😡");
            // The same facts (System VPN, Duration PT3H, Reference INC-4471), area (Availability), incident key and fingerprint;
            // and the same canonical text "the VPN has been down for 3 hours. ticket INC-4471".
            // angry.Neutralized counts what was removed: 6 shouted words, 1 punctuation run, 1 intensifier, 1 insult, 1 emoji.
            // (tests/ServiceQuality.Tests/ReadmeExampleTests.cs keeps this example true.)
            var index = new RecurrenceIndex();                          // near-duplicates within 3 years (the default window), without a scan
            index.Add("Q1", calm, receivedAt);
            // README end

            foreach (var record in new[] { calm, angry })
            {
                Assert.Equal(
                    [(FactKind.System, "VPN"), (FactKind.Duration, "PT3H"), (FactKind.Reference, "INC-4471")],
                    record.Facts.Select(f => (f.Kind, f.Value)));
                Assert.Equal(["Availability"], record.Areas.Select(a => a.Area));
            }

            Assert.Equal(calm.IncidentKey, angry.IncidentKey);
            Assert.Equal(calm.Fingerprint, angry.Fingerprint);
            Assert.Equal("the VPN has been down for 3 hours. ticket INC-4471", angry.CanonicalText);
            Assert.Equal(angry.CanonicalText, calm.CanonicalText);
            var n = angry.Neutralized;
            Assert.Equal((6, 1, 1, 1, 1), (n.Shouting, n.PunctuationRuns, n.Intensifiers, n.Insults, n.Emoji));
            Assert.Equal(0, calm.Neutralized.Total);
            Assert.Equal(1, index.Count);
        }
    }
}

namespace ReadmeExamples.Scoring
{
    // README scoring usings
    using System.Text.Json;
    using ServiceQuality.Insights;
    using ServiceQuality.Scoring;                            // every scoring type: one namespace
    // README end

    public class ScoringExampleTests
    {
        [Fact]
        public void ReadmeExample_RatingsScorecardAndPartials_GiveTheirValues()
        {
            byte[] responses = [10, 9, 7, 3, 10];
            var partA = new RatingAccumulator<NpsScale>();
            partA.Add([10, 10, 0]);
            var partB = new RatingAccumulator<NpsScale>();
            partB.Add([8]);
            SurveyResponse[] surveyResponses =
            [
                new() { ClientId = "C1", Segment = ServiceQuality.ClientSegment.External, Agent = "ann", Nps = 9 },
                new() { ClientId = "C2", Segment = ServiceQuality.ClientSegment.External, Agent = "bob", Nps = 4 },
            ];
            ProportionResult sla = Proportion.FromCounts(9, 10), fcr = Proportion.FromCounts(7, 10), reopen = Proportion.FromCounts(1, 10);
            var surveyResponsesOfThisHost = surveyResponses;
            byte[] buffer = new byte[4096];

            // README scoring code
            var ratings = new RatingAccumulator<NpsScale>();
            ratings.Add(responses);                                  // ReadOnlySpan<byte>: vectorized, no allocation
            NpsResult nps = ratings.GetNps();                        // score in [-1, 1], variance, SE, adjusted-Wald interval
            var merged = RatingAccumulator<NpsScale>.Combine(partA, partB);   // associative, commutative: merge across machines

            ScorecardResult card = Scorecard.Compute(surveyResponses, slaAttainment: sla, firstContactResolution: fcr, reopenRate: reopen);

            // Partial results travel: JSON (source-generated, AOT-safe) or compact versioned binary, merged anywhere.
            string json = JsonSerializer.Serialize(ratings, ScoringJson.NpsRatings);
            var partial = new ScorecardAccumulator();
            partial.Add(surveyResponsesOfThisHost);
            partial.TryWriteTo(buffer, out int written);             // ScorecardAccumulator.TryReadFrom(...) then Merge(...)
            // README end

            Assert.Equal(0.4, nps.Estimate!.Value, 12);             // 3 promoters, 1 detractor of 5
            Assert.Equal(4, merged.Count);
            Assert.Equal(2, card.SampleSize);
            Assert.Equal(ratings.Count, JsonSerializer.Deserialize(json, ScoringJson.NpsRatings).Count);
            Assert.InRange(written, 1, buffer.Length);
        }
    }
}
