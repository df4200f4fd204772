using System.Collections;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace ServiceQuality.Testing;

/// <summary>How thoroughly a law checker searches for a counterexample.</summary>
public sealed record LawCheckOptions
{
    /// <summary>Gets the default options: 100 inputs a law.</summary>
    public static LawCheckOptions Default { get; } = new();

    /// <summary>Gets how many inputs each law is tried on.</summary>
    /// <value>100. Valid: 1 or more.</value>
    public int MaxTest { get; init; } = 100;

    /// <summary>Gets the seed of the random inputs; the same seed gives the same inputs (and the same counterexample).</summary>
    /// <value><see langword="null"/>: a new seed every run.</value>
    public ulong? Seed { get; init; }

    internal Config ToConfig(IRunner runner)
    {
        if (MaxTest < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTest), MaxTest, "Valid: 1 or more.");
        }

        var config = Config.Quick.WithMaxTest(MaxTest).WithRunner(runner).WithQuietOnSuccess(true);
        return Seed is { } seed ? config.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL | 1), FSharpOption<int>.None))) : config;
    }
}

/// <summary>A law failed on an input: what went wrong (thrown inside a law, caught by the checker and shrunk).</summary>
internal sealed class LawFailedException(string message) : Exception(message);

/// <summary>Runs one law with FsCheck and turns a failure into a <see cref="LawViolationException"/> with the shrunk counterexample.</summary>
internal static class LawCheck
{
    /// <summary>Checks that <paramref name="law"/> holds for every input of <paramref name="inputs"/>.</summary>
    public static void Run<T>(string name, Arbitrary<T> inputs, Action<T> law, LawCheckOptions? options)
    {
        var runner = new CapturingRunner();
        var property = Prop.ForAll(inputs, law);
        Check.One(name, (options ?? LawCheckOptions.Default).ToConfig(runner), property);
        switch (runner.Result)
        {
            case TestResult.Failed failed:
                var shrunk = failed.Item3.IsEmpty ? null : failed.Item3.Head;
                var original = failed.Item2.IsEmpty ? null : failed.Item2.Head;
                var error = failed.Item4 is Outcome.Failed f ? f.Item : null;
                var inner = error is LawFailedException ? null : error;
                throw new LawViolationException(name, shrunk, original, failed.Item1.NumberOfTests, error?.Message ?? "The law does not hold.", inner);
            case TestResult.Exhausted exhausted:
                throw new LawViolationException(name, null, null, exhausted.Item.NumberOfTests, "Too many inputs were rejected: the generator rarely meets the law's precondition.", null);
            default:
                break;
        }
    }

    /// <summary>Fails the law with <paramref name="message"/> when <paramref name="condition"/> is false.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new LawFailedException(message);
        }
    }

    /// <summary>Fails the law with a message built only when <paramref name="condition"/> is false.</summary>
    public static void That(bool condition, Func<string> message)
    {
        if (!condition)
        {
            throw new LawFailedException(message());
        }
    }

    /// <summary>A readable form of a counterexample: collections item by item, tuples field by field.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "\"" + Escape(s) + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Describe)) + "]",
        _ => value.ToString() ?? value.GetType().Name,
    };

    /// <summary>Control, format and non-ASCII characters as <c>\uXXXX</c>, so a counterexample survives any console.</summary>
    public static string Escape(string text) =>
        string.Concat(text.Select(c => c < 0x20 || c > 0x7E ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString()));

    /// <summary>Shrinks a list by removing one item at a time (and halves first, to get small fast).</summary>
    public static IEnumerable<T[]> ShrinkList<T>(T[] items, Func<T, IEnumerable<T>>? shrinkItem = null)
    {
        if (items.Length > 1)
        {
            yield return items[..(items.Length / 2)];
            yield return items[(items.Length / 2)..];
        }

        for (var i = 0; i < items.Length; i++)
        {
            yield return [.. items[..i], .. items[(i + 1)..]];
        }

        if (shrinkItem is null)
        {
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            foreach (var smaller in shrinkItem(items[i]))
            {
                var copy = (T[])items.Clone();
                copy[i] = smaller;
                yield return copy;
            }
        }
    }

    private sealed class CapturingRunner : IRunner
    {
        public TestResult? Result { get; private set; }

        public void OnStartFixture(Type t)
        {
        }

        public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every)
        {
        }

        public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink)
        {
        }

        public void OnFinished(string name, TestResult testResult) => Result = testResult;
    }
}
