namespace EmailStats.Clients;

/// <summary>
/// Where a sender stops being healthy (DESIGN.md section 10), as fractions; bind it from configuration
/// (<c>configuration.GetSection("EmailStats:Health").Bind(thresholds)</c>) to change them. The defaults and their
/// sources:
/// <list type="bullet">
/// <item>complaint rate 0.1% warning, 0.3% critical: Google's email sender guidelines and Yahoo's sender requirements
/// for bulk senders (in force since February 2024) ask for a spam rate under 0.1% and never reaching 0.3%;</item>
/// <item>bounce rate 2% warning, 5% critical: common ESP guidance; Amazon SES puts an account under review from a 5%
/// bounce rate (and may pause it from 10%).</item>
/// </list>
/// </summary>
public sealed class HealthThresholds
{
    /// <summary>The complaint rate (complaints / delivered) that is a warning; 0.001 (0.1%).</summary>
    public double ComplaintWarning { get; set; } = 0.001;

    /// <summary>The complaint rate that is critical; 0.003 (0.3%).</summary>
    public double ComplaintCritical { get; set; } = 0.003;

    /// <summary>The bounce rate (bounces / sent) that is a warning; 0.02 (2%).</summary>
    public double BounceWarning { get; set; } = 0.02;

    /// <summary>The bounce rate that is critical; 0.05 (5%).</summary>
    public double BounceCritical { get; set; } = 0.05;

    /// <summary>
    /// The least mail (sent for bounces, delivered for complaints) a single day needs before its own rate can name it:
    /// one complaint among 20 messages is 5%, and says nothing. The period is judged whatever its size. Default 100.
    /// </summary>
    public long MinimumDailyVolume { get; set; } = 100;

    /// <summary>Refuses thresholds that cannot be right, naming each.</summary>
    /// <exception cref="ArgumentException">A threshold outside (0, 1], a warning above its critical level, or a negative volume.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        Check(ComplaintWarning, nameof(ComplaintWarning));
        Check(ComplaintCritical, nameof(ComplaintCritical));
        Check(BounceWarning, nameof(BounceWarning));
        Check(BounceCritical, nameof(BounceCritical));
        if (ComplaintWarning > ComplaintCritical)
        {
            problems.Add($"{nameof(ComplaintWarning)} ({ComplaintWarning}) must not be above {nameof(ComplaintCritical)} ({ComplaintCritical}).");
        }

        if (BounceWarning > BounceCritical)
        {
            problems.Add($"{nameof(BounceWarning)} ({BounceWarning}) must not be above {nameof(BounceCritical)} ({BounceCritical}).");
        }

        if (MinimumDailyVolume < 0)
        {
            problems.Add($"{nameof(MinimumDailyVolume)} must not be negative.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Health thresholds: " + string.Join(" ", problems));
        }

        void Check(double value, string name)
        {
            if (!(value > 0 && value <= 1))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be a fraction above 0 and at most 1 (0.001 is 0.1%), not {value}."));
            }
        }
    }
}
