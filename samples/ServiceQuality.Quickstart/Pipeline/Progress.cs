namespace ServiceQuality.Quickstart.Pipeline;

/// <summary>Progress on long steps: a live counter on a terminal, one line per step when the output is redirected.</summary>
internal sealed class Progress(TextWriter output, bool interactive)
{
    private int _lastPercent = -1;

    public void Step(string what, int done, int total)
    {
        if (!interactive)
        {
            return;
        }

        int percent = done * 100 / Math.Max(1, total);
        if (percent != _lastPercent)
        {
            _lastPercent = percent;
            output.Write($"\r  {what} {done}/{total} [{new string('#', percent / 5),-20}] {percent,3}%");
        }
    }

    public void Done(string message)
    {
        if (interactive)
        {
            output.Write("\r" + new string(' ', 60) + "\r");
        }

        _lastPercent = -1;
        output.WriteLine(message);
    }

    public void Line(string message) => output.WriteLine(message);
}
