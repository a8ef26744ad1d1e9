namespace EmailStats.Clients.SendGridV2;

/// <summary>
/// What to ask SendGrid v2 for: a user (customer or subuser), optionally a number of days or a date range
/// (never both), and for category statistics one or more categories. Immutable: every method returns a new
/// query. Every rule is checked here, before any request is sent.
/// </summary>
/// <example><code>
/// var query = SendGridStatsQuery.ForUser("customer@example.com").Between(new(2024, 9, 1), new(2024, 9, 30));
/// </code></example>
public sealed class SendGridStatsQuery
{
    private SendGridStatsQuery(string user, int? days, DateOnly? startDate, DateOnly? endDate, string[] categories)
    {
        User = user;
        Days = days;
        StartDate = startDate;
        EndDate = endDate;
        Categories = categories;
    }

    /// <summary>The customer or subuser whose statistics are read (form field <c>user</c>).</summary>
    public string User { get; }

    /// <summary>The number of days back, today included (form field <c>days</c>); null when not set.</summary>
    public int? Days { get; }

    /// <summary>The first day of the range (form field <c>start_date</c>); null when not set.</summary>
    public DateOnly? StartDate { get; }

    /// <summary>The last day of the range (form field <c>end_date</c>); null when not set.</summary>
    public DateOnly? EndDate { get; }

    /// <summary>The categories asked for (form field <c>category</c>, or repeated <c>category[]</c> for several); empty when none.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Starts a query for <paramref name="user"/>. Without days or a range SendGrid applies its own default period.</summary>
    /// <param name="user">The customer (reseller API) or subuser (subuser API); not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="user"/> is empty or white space.</exception>
    /// <example>
    /// <code>
    /// var lastWeek = SendGridStatsQuery.ForUser("customer@example.com").LastDays(7);
    /// var june = SendGridStatsQuery.ForUser("customer@example.com").Between(new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30));
    /// var newsletters = june.WithCategories("newsletter");
    /// </code>
    /// </example>
    public static SendGridStatsQuery ForUser(string user)
    {
        CheckUser(user);
        return new SendGridStatsQuery(user, null, null, null, []);
    }

    /// <summary>The rule for a user name, shared with the one-view source.</summary>
    internal static void CheckUser(string user, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(user))] string? paramName = null) =>
        ArgumentException.ThrowIfNullOrWhiteSpace(user, paramName);

    /// <summary>Asks for the last <paramref name="days"/> days, today included.</summary>
    /// <param name="days">Greater than 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is 0 or less.</exception>
    /// <exception cref="ArgumentException">The query already has a date range: days and a range exclude each other.</exception>
    public SendGridStatsQuery LastDays(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        if (StartDate is not null)
        {
            throw new ArgumentException("A SendGrid query takes either a number of days or a date range (start_date/end_date), not both; this query already has a range.", nameof(days));
        }

        return new SendGridStatsQuery(User, days, null, null, (string[])Categories);
    }

    /// <summary>Asks for the days from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    /// <param name="start">The first day.</param>
    /// <param name="end">The last day; not before <paramref name="start"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentException">The query already has a number of days: days and a range exclude each other.</exception>
    public SendGridStatsQuery Between(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, string.Create(CultureInfo.InvariantCulture, $"The end date must not be before the start date ({start:yyyy-MM-dd})."));
        }

        if (Days is not null)
        {
            throw new ArgumentException("A SendGrid query takes either a number of days or a date range (start_date/end_date), not both; this query already has days.", nameof(start));
        }

        return new SendGridStatsQuery(User, null, start, end, (string[])Categories);
    }

    /// <summary>Names the categories for <see cref="ISendGridV2StatsClient.GetCategoryStatsAsync"/>; replaces any named before.</summary>
    /// <param name="categories">One or more category names, none empty; duplicates are sent once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="categories"/> is null.</exception>
    /// <exception cref="ArgumentException">No category, or an empty one.</exception>
    public SendGridStatsQuery WithCategories(params IEnumerable<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var given = categories.ToArray();
        if (given.Length == 0)
        {
            throw new ArgumentException("Name at least one category.", nameof(categories));
        }

        foreach (var category in given)
        {
            if (string.IsNullOrWhiteSpace(category))
            {
                throw new ArgumentException("A category name must not be empty or white space.", nameof(categories));
            }
        }

        return new SendGridStatsQuery(User, Days, StartDate, EndDate, given.Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Describes the query, for logs and debugging.</summary>
    public override string ToString()
    {
        var period = Days is { } d ? string.Create(CultureInfo.InvariantCulture, $"last {d} days") : StartDate is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:yyyy-MM-dd}..{EndDate:yyyy-MM-dd}") : "default period";
        var categories = Categories.Count == 0 ? "" : $", categories [{string.Join(", ", Categories)}]";
        return $"SendGrid stats for {User}, {period}{categories}";
    }

    /// <summary>Adds the period and, when asked, the categories as form fields.</summary>
    internal void AppendTo(List<KeyValuePair<string, string>> form, bool includeCategories)
    {
        if (Days is { } days)
        {
            form.Add(new("days", days.ToString(CultureInfo.InvariantCulture)));
        }
        else if (StartDate is { } start && EndDate is { } end)
        {
            form.Add(new("start_date", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            form.Add(new("end_date", end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (includeCategories)
        {
            var name = Categories.Count == 1 ? "category" : "category[]";
            foreach (var category in Categories)
            {
                form.Add(new(name, category));
            }
        }
    }
}
