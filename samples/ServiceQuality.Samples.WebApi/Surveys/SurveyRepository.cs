using ServiceQuality.Insights;

namespace ServiceQuality.Samples.WebApi.Surveys;

/// <summary>The survey responses received, in memory and in arrival order. Thread-safe.</summary>
public sealed class SurveyRepository
{
    private readonly Lock _gate = new();
    private readonly List<SurveyResponse> _responses = [];

    /// <summary>Stores a response.</summary>
    /// <returns>Its number, from 1.</returns>
    public int Add(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_gate)
        {
            _responses.Add(response);
            return _responses.Count;
        }
    }

    /// <summary>Gets response number <paramref name="number"/> (from 1), or <see langword="null"/>.</summary>
    public SurveyResponse? Get(int number)
    {
        lock (_gate)
        {
            return number >= 1 && number <= _responses.Count ? _responses[number - 1] : null;
        }
    }

    /// <summary>Gets a copy of every response so far.</summary>
    public SurveyResponse[] GetAll()
    {
        lock (_gate)
        {
            return [.. _responses];
        }
    }
}
