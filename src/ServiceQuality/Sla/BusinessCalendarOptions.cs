using System.Globalization;

namespace ServiceQuality.Sla;

/// <summary>
/// A business calendar in a form configuration binds: a time zone, working periods per weekday (split and overnight
/// shifts), dated holidays and recurring ones. <see cref="Build"/> validates it, reporting every problem at once with
/// its configuration key path, and returns the immutable <see cref="BusinessCalendar"/>.
/// </summary>
/// <example>
/// <code>
/// { "TimeZone": "Europe/London",
///   "Hours": { "Monday": [ "09:00-12:00", "13:00-17:30" ], "Friday": [ "09:00-16:00" ], "Saturday": [ "22:00-06:00" ] },
///   "Holidays": [ "2026-08-31" ],
///   "RecurringHolidays": [ { "Name": "Christmas Day", "Month": 12, "Day": 25 },
///                          { "Name": "Spring bank holiday", "Month": 5, "Weekday": "Monday", "Occurrence": -1 },
///                          { "Name": "Good Friday", "EasterOffset": -2 } ] }
/// </code>
/// </example>
public sealed class BusinessCalendarOptions
{
    /// <summary>Gets or sets the IANA or Windows time zone identifier the hours and holidays are in.</summary>
    /// <value><c>UTC</c>. Valid: a time zone this machine knows, e.g. <c>Europe/London</c>.</value>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Gets or sets the working periods of each weekday.</summary>
    /// <value>None (at least one period is required).</value>
    public BusinessHoursOptions Hours { get; set; } = new();

    /// <summary>Gets or sets the dated holidays: local dates on which no working period opens.</summary>
    /// <value>None.</value>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Gets or sets the holidays that come back every year.</summary>
    /// <value>None.</value>
    public List<RecurringHolidayOptions> RecurringHolidays { get; set; } = [];

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="InvalidOptionsException">One or more settings are invalid; each problem names its configuration key path (e.g. <c>Hours:Monday:1</c>) and the valid range.</exception>
    public void Validate() => OptionProblems.ThrowIfAny(CollectProblems(string.Empty, null), nameof(BusinessCalendarOptions));

    /// <summary>Validates the settings and builds the calendar.</summary>
    /// <returns>The calendar.</returns>
    /// <exception cref="InvalidOptionsException">One or more settings are invalid; every problem is listed, each with its configuration key path.</exception>
    public BusinessCalendar Build()
    {
        Validate();
        return BuildValidated();
    }

    /// <summary>Builds the calendar of settings <see cref="CollectProblems"/> found no problem in.</summary>
    internal BusinessCalendar BuildValidated() => new(
        TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
        Hours.Periods().Select(p => Parse(p.Day, p.Text)!.Value),
        Holidays,
        RecurringHolidays.Select(h => h.ToHoliday()));

    internal List<string>? CollectProblems(string path, List<string>? problems)
    {
        if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            OptionProblems.Add(ref problems, $"{ConfigurationKey.Join(path, nameof(TimeZone))} is '{TimeZone}'; valid: a time zone identifier this machine knows, e.g. 'UTC' or 'Europe/London'.");
        }

        if (Hours is null)
        {
            OptionProblems.Add(ref problems, $"{ConfigurationKey.Join(path, nameof(Hours))} is null; valid: working periods per weekday.");
        }
        else
        {
            var periods = new List<(WorkingHours Hours, string Label)>();
            foreach (var (day, index, text) in Hours.Periods())
            {
                string key = ConfigurationKey.Join(path, $"{nameof(Hours)}:{day}:{index}");
                if (Parse(day, text) is { } parsed)
                {
                    periods.Add((parsed, $"{key} ('{text}')"));
                }
                else
                {
                    OptionProblems.Add(ref problems, $"{key} is '{text}'; valid: 'HH:mm-HH:mm' with times from 00:00 to 24:00, e.g. '09:00-17:30', or '22:00-06:00' for a period ending the next day.");
                }
            }

            if (!Hours.Periods().Any())
            {
                OptionProblems.Add(ref problems, $"{ConfigurationKey.Join(path, nameof(Hours))} has no working period; valid: at least one, e.g. {ConfigurationKey.Join(path, nameof(Hours))}:Monday: [ '09:00-17:30' ].");
            }

            BusinessCalendar.CollectProblems([.. periods.Select(p => p.Hours)], i => periods[i].Label, ref problems);
        }

        if (Holidays is null)
        {
            OptionProblems.Add(ref problems, $"{ConfigurationKey.Join(path, nameof(Holidays))} is null; valid: a list of dates (may be empty).");
        }

        if (RecurringHolidays is null)
        {
            OptionProblems.Add(ref problems, $"{ConfigurationKey.Join(path, nameof(RecurringHolidays))} is null; valid: a list (may be empty).");
        }
        else
        {
            for (int i = 0; i < RecurringHolidays.Count; i++)
            {
                string key = ConfigurationKey.Join(path, $"{nameof(RecurringHolidays)}:{i}");
                if (RecurringHolidays[i] is { } holiday)
                {
                    holiday.CollectProblems(key, ref problems);
                }
                else
                {
                    OptionProblems.Add(ref problems, $"{key} is null; valid: a recurring holiday.");
                }
            }
        }

        return problems;
    }

    /// <summary>Parses 'HH:mm-HH:mm' (24:00 allowed as the end); <see langword="null"/> when malformed.</summary>
    private static WorkingHours? Parse(DayOfWeek day, string? text)
    {
        if (text is null || text.Split('-') is not [var opens, var closes]
            || ParseTime(opens.Trim(), allowMidnightEnd: false) is not { } open || ParseTime(closes.Trim(), allowMidnightEnd: true) is not { } close)
        {
            return null;
        }

        return new WorkingHours(day, open, close);
    }

    private static TimeSpan? ParseTime(string text, bool allowMidnightEnd)
    {
        if (allowMidnightEnd && text == "24:00")
        {
            return TimeSpan.FromHours(24);
        }

        return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToTimeSpan() : null;
    }
}

/// <summary>The working periods of each weekday, each written <c>"HH:mm-HH:mm"</c>: <c>"09:00-12:00"</c>, <c>"13:00-17:30"</c>, <c>"22:00-06:00"</c> (ending the next day), <c>"00:00-24:00"</c> (all day).</summary>
public sealed class BusinessHoursOptions
{
    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Gets or sets Monday's periods.</summary>
    /// <value>None.</value>
    public List<string> Monday { get; set; } = [];

    /// <summary>Gets or sets Tuesday's periods.</summary>
    /// <value>None.</value>
    public List<string> Tuesday { get; set; } = [];

    /// <summary>Gets or sets Wednesday's periods.</summary>
    /// <value>None.</value>
    public List<string> Wednesday { get; set; } = [];

    /// <summary>Gets or sets Thursday's periods.</summary>
    /// <value>None.</value>
    public List<string> Thursday { get; set; } = [];

    /// <summary>Gets or sets Friday's periods.</summary>
    /// <value>None.</value>
    public List<string> Friday { get; set; } = [];

    /// <summary>Gets or sets Saturday's periods.</summary>
    /// <value>None.</value>
    public List<string> Saturday { get; set; } = [];

    /// <summary>Gets or sets Sunday's periods.</summary>
    /// <value>None.</value>
    public List<string> Sunday { get; set; } = [];

    /// <summary>Gets the list of one weekday.</summary>
    /// <param name="day">The weekday.</param>
    /// <returns>Its periods (the list itself: adding to it changes these options).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a defined weekday.</exception>
    public List<string> For(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        DayOfWeek.Sunday => Sunday,
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Valid: Sunday to Saturday."),
    };

    /// <summary>Every period, Monday first, with its weekday and index in the day's list.</summary>
    internal IEnumerable<(DayOfWeek Day, int Index, string? Text)> Periods()
    {
        foreach (var day in MondayFirst)
        {
            var list = For(day) ?? [];
            for (int i = 0; i < list.Count; i++)
            {
                yield return (day, i, list[i]);
            }
        }
    }
}

/// <summary>
/// A recurring holiday in a form configuration binds. Set exactly one shape: <see cref="Month"/> and <see cref="Day"/>
/// (a fixed date, e.g. 25 December); <see cref="Month"/>, <see cref="Weekday"/> and <see cref="Occurrence"/> (e.g. the
/// last Monday of May: 5, Monday, -1); or <see cref="EasterOffset"/> alone (e.g. Good Friday: -2).
/// </summary>
public sealed class RecurringHolidayOptions
{
    /// <summary>Gets or sets a name for people, e.g. "Good Friday".</summary>
    /// <value><see langword="null"/>.</value>
    public string? Name { get; set; }

    /// <summary>Gets or sets the month of a fixed date or an n-th weekday.</summary>
    /// <value><see langword="null"/>. Valid: 1 to 12.</value>
    public int? Month { get; set; }

    /// <summary>Gets or sets the day of the month of a fixed date.</summary>
    /// <value><see langword="null"/>. Valid: 1 to the month's length in a leap year.</value>
    public int? Day { get; set; }

    /// <summary>Gets or sets the weekday of an n-th weekday holiday.</summary>
    /// <value><see langword="null"/>.</value>
    public DayOfWeek? Weekday { get; set; }

    /// <summary>Gets or sets which occurrence of <see cref="Weekday"/> in the month.</summary>
    /// <value><see langword="null"/>. Valid: 1 to 5 from the start, -1 (the last) to -5 from the end.</value>
    public int? Occurrence { get; set; }

    /// <summary>Gets or sets the days from Western Easter Sunday of an Easter-relative holiday.</summary>
    /// <value><see langword="null"/>. Valid: -80 to 250 (within Easter's year).</value>
    public int? EasterOffset { get; set; }

    internal RecurringHoliday ToHoliday() => EasterOffset is { } offset ? RecurringHoliday.EasterRelative(offset, Name)
        : Weekday is { } weekday ? RecurringHoliday.NthWeekday(Month!.Value, weekday, Occurrence!.Value, Name)
        : RecurringHoliday.Fixed(Month!.Value, Day!.Value, Name);

    internal void CollectProblems(string key, ref List<string>? problems)
    {
        const string Shapes = "valid: Month and Day (a fixed date), Month, Weekday and Occurrence (an n-th weekday), or EasterOffset alone";
        string label = Name is null ? key : $"{key} ('{Name}')";
        if (EasterOffset is { } offset)
        {
            if (Month is not null || Day is not null || Weekday is not null || Occurrence is not null)
            {
                OptionProblems.Add(ref problems, $"{label} sets EasterOffset with Month, Day, Weekday or Occurrence; {Shapes}.");
            }
            else if (offset is < RecurringHoliday.MinEasterOffset or > RecurringHoliday.MaxEasterOffset)
            {
                OptionProblems.Add(ref problems, $"{key}:{nameof(EasterOffset)} is {offset}; valid: {RecurringHoliday.MinEasterOffset} to {RecurringHoliday.MaxEasterOffset} (within Easter's year).");
            }

            return;
        }

        if (Month is not { } month || month is < 1 or > 12)
        {
            OptionProblems.Add(ref problems, Month is null ? $"{label} has no Month; {Shapes}." : $"{key}:{nameof(Month)} is {Month}; valid: 1 to 12.");
            return;
        }

        if (Weekday is not null || Occurrence is not null)
        {
            if (Day is not null || Weekday is null || Occurrence is null)
            {
                OptionProblems.Add(ref problems, $"{label} is not one shape (Day {Show(Day)}, Weekday {Show(Weekday)}, Occurrence {Show(Occurrence)}); {Shapes}.");
            }
            else if (!Enum.IsDefined(Weekday.Value))
            {
                OptionProblems.Add(ref problems, $"{key}:{nameof(Weekday)} is {(int)Weekday.Value}; valid: Sunday to Saturday.");
            }
            else if (Occurrence is 0 or < -5 or > 5)
            {
                OptionProblems.Add(ref problems, $"{key}:{nameof(Occurrence)} is {Occurrence}; valid: 1 to 5, or -1 (the last) to -5.");
            }

            return;
        }

        if (Day is not { } day)
        {
            OptionProblems.Add(ref problems, $"{label} has Month but no Day; {Shapes}.");
        }
        else if (day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            OptionProblems.Add(ref problems, $"{key}:{nameof(Day)} is {day}; valid: 1 to {DateTime.DaysInMonth(2000, month)} for month {month}.");
        }

        static string Show<T>(T? value)
            where T : struct => value?.ToString() ?? "unset";
    }
}
