namespace EmailStats.Clients.Mailgun;

/// <summary>
/// A metric of Mailgun's Metrics API (<c>metrics</c> of the request body): a constant per documented name
/// (<see cref="DeliveredCount"/> is <c>delivered_count</c>), and <see cref="Of"/> for a name Mailgun adds later.
/// Names ending in <c>_rate</c> are rates (Mailgun sends them as strings); the others are counts.
/// </summary>
/// <example><code>
/// var query = MailgunMetricsQuery.ForMetrics(MailgunMetric.AcceptedOutgoingCount, MailgunMetric.DeliveredCount, MailgunMetric.Of("new_metric_count"));
/// </code></example>
public readonly record struct MailgunMetric
{
    private MailgunMetric(string name) => Name = name;

    /// <summary>The wire name, for example <c>delivered_count</c>.</summary>
    public string Name { get; }

    /// <summary>Whether this is a rate (<c>..._rate</c>), read as <see cref="double"/>; otherwise a count.</summary>
    public bool IsRate => Name?.EndsWith("_rate", StringComparison.Ordinal) == true;

    /// <summary>The metric named <paramref name="name"/>: lower-case letters, digits and underscores.</summary>
    /// <param name="name">A metric name as Mailgun documents it.</param>
    /// <exception cref="ArgumentException">The name is empty or has another character.</exception>
    public static MailgunMetric Of(string name) => new(MailgunNames.Check(name, nameof(name), "metric"));

    /// <summary>The wire name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name ?? "";

    /// <summary><c>accepted_incoming_count</c> (count).</summary>
    public static MailgunMetric AcceptedIncomingCount { get; } = new("accepted_incoming_count");

    /// <summary><c>accepted_outgoing_count</c> (count).</summary>
    public static MailgunMetric AcceptedOutgoingCount { get; } = new("accepted_outgoing_count");

    /// <summary><c>accepted_count</c> (count).</summary>
    public static MailgunMetric AcceptedCount { get; } = new("accepted_count");

    /// <summary><c>delivered_smtp_count</c> (count).</summary>
    public static MailgunMetric DeliveredSmtpCount { get; } = new("delivered_smtp_count");

    /// <summary><c>delivered_http_count</c> (count).</summary>
    public static MailgunMetric DeliveredHttpCount { get; } = new("delivered_http_count");

    /// <summary><c>delivered_optimized_count</c> (count).</summary>
    public static MailgunMetric DeliveredOptimizedCount { get; } = new("delivered_optimized_count");

    /// <summary><c>delivered_count</c> (count).</summary>
    public static MailgunMetric DeliveredCount { get; } = new("delivered_count");

    /// <summary><c>processed_count</c> (count).</summary>
    public static MailgunMetric ProcessedCount { get; } = new("processed_count");

    /// <summary><c>sent_count</c> (count).</summary>
    public static MailgunMetric SentCount { get; } = new("sent_count");

    /// <summary><c>opened_count</c> (count).</summary>
    public static MailgunMetric OpenedCount { get; } = new("opened_count");

    /// <summary><c>clicked_count</c> (count).</summary>
    public static MailgunMetric ClickedCount { get; } = new("clicked_count");

    /// <summary><c>unique_opened_count</c> (count).</summary>
    public static MailgunMetric UniqueOpenedCount { get; } = new("unique_opened_count");

    /// <summary><c>unique_clicked_count</c> (count).</summary>
    public static MailgunMetric UniqueClickedCount { get; } = new("unique_clicked_count");

    /// <summary><c>unsubscribed_count</c> (count).</summary>
    public static MailgunMetric UnsubscribedCount { get; } = new("unsubscribed_count");

    /// <summary><c>complained_count</c> (count).</summary>
    public static MailgunMetric ComplainedCount { get; } = new("complained_count");

    /// <summary><c>failed_count</c> (count).</summary>
    public static MailgunMetric FailedCount { get; } = new("failed_count");

    /// <summary><c>temporary_failed_count</c> (count).</summary>
    public static MailgunMetric TemporaryFailedCount { get; } = new("temporary_failed_count");

    /// <summary><c>permanent_failed_count</c> (count).</summary>
    public static MailgunMetric PermanentFailedCount { get; } = new("permanent_failed_count");

    /// <summary><c>temporary_failed_esp_block_count</c> (count).</summary>
    public static MailgunMetric TemporaryFailedEspBlockCount { get; } = new("temporary_failed_esp_block_count");

    /// <summary><c>permanent_failed_esp_block_count</c> (count).</summary>
    public static MailgunMetric PermanentFailedEspBlockCount { get; } = new("permanent_failed_esp_block_count");

    /// <summary><c>webhook_count</c> (count).</summary>
    public static MailgunMetric WebhookCount { get; } = new("webhook_count");

    /// <summary><c>rate_limit_count</c> (count).</summary>
    public static MailgunMetric RateLimitCount { get; } = new("rate_limit_count");

    /// <summary><c>permanent_failed_optimized_count</c> (count).</summary>
    public static MailgunMetric PermanentFailedOptimizedCount { get; } = new("permanent_failed_optimized_count");

    /// <summary><c>permanent_failed_old_count</c> (count).</summary>
    public static MailgunMetric PermanentFailedOldCount { get; } = new("permanent_failed_old_count");

    /// <summary><c>bounced_count</c> (count).</summary>
    public static MailgunMetric BouncedCount { get; } = new("bounced_count");

    /// <summary><c>hard_bounces_count</c> (count).</summary>
    public static MailgunMetric HardBouncesCount { get; } = new("hard_bounces_count");

    /// <summary><c>soft_bounces_count</c> (count).</summary>
    public static MailgunMetric SoftBouncesCount { get; } = new("soft_bounces_count");

    /// <summary><c>delayed_bounce_count</c> (count).</summary>
    public static MailgunMetric DelayedBounceCount { get; } = new("delayed_bounce_count");

    /// <summary><c>suppressed_bounces_count</c> (count).</summary>
    public static MailgunMetric SuppressedBouncesCount { get; } = new("suppressed_bounces_count");

    /// <summary><c>suppressed_unsubscribed_count</c> (count).</summary>
    public static MailgunMetric SuppressedUnsubscribedCount { get; } = new("suppressed_unsubscribed_count");

    /// <summary><c>suppressed_complaints_count</c> (count).</summary>
    public static MailgunMetric SuppressedComplaintsCount { get; } = new("suppressed_complaints_count");

    /// <summary><c>delivered_first_attempt_count</c> (count).</summary>
    public static MailgunMetric DeliveredFirstAttemptCount { get; } = new("delivered_first_attempt_count");

    /// <summary><c>delayed_first_attempt_count</c> (count).</summary>
    public static MailgunMetric DelayedFirstAttemptCount { get; } = new("delayed_first_attempt_count");

    /// <summary><c>delivered_two_plus_attempts_count</c> (count).</summary>
    public static MailgunMetric DeliveredTwoPlusAttemptsCount { get; } = new("delivered_two_plus_attempts_count");

    /// <summary><c>delivered_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric DeliveredRate { get; } = new("delivered_rate");

    /// <summary><c>opened_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric OpenedRate { get; } = new("opened_rate");

    /// <summary><c>clicked_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric ClickedRate { get; } = new("clicked_rate");

    /// <summary><c>unique_opened_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric UniqueOpenedRate { get; } = new("unique_opened_rate");

    /// <summary><c>unique_clicked_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric UniqueClickedRate { get; } = new("unique_clicked_rate");

    /// <summary><c>unsubscribed_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric UnsubscribedRate { get; } = new("unsubscribed_rate");

    /// <summary><c>complained_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric ComplainedRate { get; } = new("complained_rate");

    /// <summary><c>bounce_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric BounceRate { get; } = new("bounce_rate");

    /// <summary><c>fail_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric FailRate { get; } = new("fail_rate");

    /// <summary><c>permanent_fail_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric PermanentFailRate { get; } = new("permanent_fail_rate");

    /// <summary><c>temporary_fail_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric TemporaryFailRate { get; } = new("temporary_fail_rate");

    /// <summary><c>delayed_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric DelayedRate { get; } = new("delayed_rate");

    /// <summary><c>delayed_first_attempt_rate</c> (rate, read from the string Mailgun sends).</summary>
    public static MailgunMetric DelayedFirstAttemptRate { get; } = new("delayed_first_attempt_rate");

    /// <summary><c>email_validation_count</c> (count).</summary>
    public static MailgunMetric EmailValidationCount { get; } = new("email_validation_count");

    /// <summary><c>email_validation_public_count</c> (count).</summary>
    public static MailgunMetric EmailValidationPublicCount { get; } = new("email_validation_public_count");

    /// <summary><c>email_validation_valid_count</c> (count).</summary>
    public static MailgunMetric EmailValidationValidCount { get; } = new("email_validation_valid_count");

    /// <summary><c>email_validation_single_count</c> (count).</summary>
    public static MailgunMetric EmailValidationSingleCount { get; } = new("email_validation_single_count");

    /// <summary><c>email_validation_bulk_count</c> (count).</summary>
    public static MailgunMetric EmailValidationBulkCount { get; } = new("email_validation_bulk_count");

    /// <summary><c>email_validation_list_count</c> (count).</summary>
    public static MailgunMetric EmailValidationListCount { get; } = new("email_validation_list_count");

    /// <summary><c>email_validation_mailgun_count</c> (count).</summary>
    public static MailgunMetric EmailValidationMailgunCount { get; } = new("email_validation_mailgun_count");

    /// <summary><c>email_validation_mailjet_count</c> (count).</summary>
    public static MailgunMetric EmailValidationMailjetCount { get; } = new("email_validation_mailjet_count");

    /// <summary><c>email_preview_count</c> (count).</summary>
    public static MailgunMetric EmailPreviewCount { get; } = new("email_preview_count");

    /// <summary><c>email_preview_failed_count</c> (count).</summary>
    public static MailgunMetric EmailPreviewFailedCount { get; } = new("email_preview_failed_count");

    /// <summary><c>link_validation_count</c> (count).</summary>
    public static MailgunMetric LinkValidationCount { get; } = new("link_validation_count");

    /// <summary><c>link_validation_failed_count</c> (count).</summary>
    public static MailgunMetric LinkValidationFailedCount { get; } = new("link_validation_failed_count");

    /// <summary><c>seed_test_count</c> (count).</summary>
    public static MailgunMetric SeedTestCount { get; } = new("seed_test_count");

    /// <summary><c>ip_blocklist_monitoring_count</c> (count).</summary>
    public static MailgunMetric IpBlocklistMonitoringCount { get; } = new("ip_blocklist_monitoring_count");

    /// <summary><c>domain_blocklist_monitoring_count</c> (count).</summary>
    public static MailgunMetric DomainBlocklistMonitoringCount { get; } = new("domain_blocklist_monitoring_count");

    /// <summary><c>accessibility_count</c> (count).</summary>
    public static MailgunMetric AccessibilityCount { get; } = new("accessibility_count");

    /// <summary><c>accessibility_failed_count</c> (count).</summary>
    public static MailgunMetric AccessibilityFailedCount { get; } = new("accessibility_failed_count");

    /// <summary><c>archived_count</c> (count).</summary>
    public static MailgunMetric ArchivedCount { get; } = new("archived_count");

    /// <summary><c>image_validation_count</c> (count).</summary>
    public static MailgunMetric ImageValidationCount { get; } = new("image_validation_count");

    /// <summary><c>image_validation_failed_count</c> (count).</summary>
    public static MailgunMetric ImageValidationFailedCount { get; } = new("image_validation_failed_count");
}
