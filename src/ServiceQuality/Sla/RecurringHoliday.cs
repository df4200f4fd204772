namespace ServiceQuality.Sla;

/// <summary>How a <see cref="RecurringHoliday"/> finds its date in a year.</summary>
public enum RecurringHolidayKind
{
    /// <summary>The same month and day every year (e.g. 25 December); 29 February only in leap years.</summary>
    FixedDate = 0,

    /// <summary>The n-th (or n-th last) given weekday of a month (e.g. the last Monday of May).</summary>
    NthWeekday = 1,

    /// <summary>A number of days from Western (Gregorian) Easter Sunday (e.g. Good Friday is -2, Easter Monday +1).</summary>
    EasterRelative = 2,
}

/// <summary>
/// A holiday that comes back every year: a fixed date, the n-th weekday of a month, or a day relative to Easter Sunday.
/// Immutable; create one with <see cref="Fixed"/>, <see cref="NthWeekday"/> or <see cref="EasterRelative"/>.
/// </summary>
public sealed record RecurringHoliday
{
    /// <summary>The earliest offset from Easter Sunday accepted: 80 days before 22 March (the earliest Easter) is 1 January.</summary>
    internal const int MinEasterOffset = -80;

    /// <summary>The latest offset from Easter Sunday accepted: 250 days after 25 April (the latest Easter) is 31 December.</summary>
    internal const int MaxEasterOffset = 250;

    private RecurringHoliday(RecurringHolidayKind kind, string? name, int month, int day, DayOfWeek weekday, int occurrence, int easterOffset)
    {
        Kind = kind;
        Name = name;
        Month = month;
        Day = day;
        Weekday = weekday;
        Occurrence = occurrence;
        EasterOffset = easterOffset;
    }

    /// <summary>Gets how the date is found.</summary>
    public RecurringHolidayKind Kind { get; }

    /// <summary>Gets the holiday's name, for people (e.g. "Christmas Day"); <see langword="null"/> when not given.</summary>
    public string? Name { get; }

    /// <summary>Gets the month (1 to 12) of a fixed date or an n-th weekday; 0 for an Easter-relative holiday.</summary>
    public int Month { get; }

    /// <summary>Gets the day of the month of a fixed date; 0 otherwise.</summary>
    public int Day { get; }

    /// <summary>Gets the weekday of an n-th weekday holiday (Sunday otherwise).</summary>
    public DayOfWeek Weekday { get; }

    /// <summary>Gets which occurrence of <see cref="Weekday"/> in the month: 1 to 5 from the start, -1 to -5 from the end (-1 is the last); 0 for other kinds.</summary>
    public int Occurrence { get; }

    /// <summary>Gets the days from Easter Sunday of an Easter-relative holiday (0 for other kinds).</summary>
    public int EasterOffset { get; }

    /// <summary>Creates a holiday on the same month and day every year.</summary>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day, 1 to the month's length in a leap year (29 February falls only in leap years).</param>
    /// <param name="name">A name for people, or <see langword="null"/>.</param>
    /// <returns>The holiday.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> or <paramref name="day"/> is out of range.</exception>
    public static RecurringHoliday Fixed(int month, int day, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, DateTime.DaysInMonth(2000, month));
        return new(RecurringHolidayKind.FixedDate, name, month, day, DayOfWeek.Sunday, 0, 0);
    }

    /// <summary>Creates a holiday on the n-th (or n-th last) weekday of a month, e.g. the last Monday of May: <c>NthWeekday(5, DayOfWeek.Monday, -1)</c>.</summary>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="weekday">The weekday.</param>
    /// <param name="occurrence">1 to 5 from the start of the month, -1 to -5 from its end (-1 is the last). A fifth occurrence the month lacks means no holiday that year.</param>
    /// <param name="name">A name for people, or <see langword="null"/>.</param>
    /// <returns>The holiday.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static RecurringHoliday NthWeekday(int month, DayOfWeek weekday, int occurrence, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        if (!Enum.IsDefined(weekday))
        {
            throw new ArgumentOutOfRangeException(nameof(weekday), weekday, "Valid: Sunday to Saturday.");
        }

        if (occurrence is 0 or < -5 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(occurrence), occurrence, "Valid: 1 to 5, or -1 (the last) to -5.");
        }

        return new(RecurringHolidayKind.NthWeekday, name, month, 0, weekday, occurrence, 0);
    }

    /// <summary>Creates a holiday a number of days from Western Easter Sunday (Good Friday -2, Easter Monday +1, Whit Monday +50).</summary>
    /// <param name="offsetDays">Days from Easter Sunday, -80 to 250 (so the holiday falls in Easter's year whatever the year).</param>
    /// <param name="name">A name for people, or <see langword="null"/>.</param>
    /// <returns>The holiday.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offsetDays"/> is out of range.</exception>
    public static RecurringHoliday EasterRelative(int offsetDays, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(offsetDays, MinEasterOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offsetDays, MaxEasterOffset);
        return new(RecurringHolidayKind.EasterRelative, name, 0, 0, DayOfWeek.Sunday, 0, offsetDays);
    }

    /// <summary>Gets the holiday's date in a year.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <returns>The date, or <see langword="null"/> when the holiday does not fall in that year (29 February in a common year, a fifth weekday the month lacks).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is out of range.</exception>
    public DateOnly? DateIn(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        switch (Kind)
        {
            case RecurringHolidayKind.FixedDate:
                return Day <= DateTime.DaysInMonth(year, Month) ? new DateOnly(year, Month, Day) : null;
            case RecurringHolidayKind.NthWeekday:
            {
                int days = DateTime.DaysInMonth(year, Month);
                if (Occurrence > 0)
                {
                    var first = new DateOnly(year, Month, 1);
                    int day = 1 + (((int)Weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (Occurrence - 1));
                    return day <= days ? new DateOnly(year, Month, day) : null;
                }
                else
                {
                    var last = new DateOnly(year, Month, days);
                    int day = days - (((int)last.DayOfWeek - (int)Weekday + 7) % 7) - (7 * (-Occurrence - 1));
                    return day >= 1 ? new DateOnly(year, Month, day) : null;
                }
            }

            default:
                return DateOnly.FromDayNumber(EasterSunday(year).DayNumber + EasterOffset);
        }
    }

    /// <summary>
    /// Gets Western Easter Sunday of a year by the Gregorian computus, in the "anonymous Gregorian algorithm" form
    /// published in Nature (20 April 1876) and given by Jean Meeus, <i>Astronomical Algorithms</i> (1991), chapter 8
    /// (also Butcher's Ecclesiastical Calendar, 1876). Exact for every Gregorian year; earlier years are proleptic.
    /// </summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <returns>Easter Sunday: 22 March to 25 April.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is out of range.</exception>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        int a = year % 19;                              // position in the 19-year Metonic cycle
        int b = year / 100, c = year % 100;
        int d = b / 4, e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;                        // lunar (Metonic) correction
        int h = ((19 * a) + b - d - g + 15) % 30;       // epact: days from the paschal full moon's base
        int i = c / 4, k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;   // days to the following Sunday
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        string rule = Kind switch
        {
            RecurringHolidayKind.FixedDate => $"every {Month:00}-{Day:00}",
            RecurringHolidayKind.NthWeekday => Occurrence switch
            {
                > 0 => $"{Ordinal(Occurrence)} {Weekday} of month {Month}",
                -1 => $"last {Weekday} of month {Month}",
                _ => $"{Ordinal(-Occurrence)} last {Weekday} of month {Month}",
            },
            _ => $"Easter Sunday {EasterOffset:+0;-0;+0} days",
        };
        return Name is null ? rule : $"{Name} ({rule})";

        static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
    }
}
