namespace EmailStats.Clients.Mailgun;

/// <summary>How a filter compares an attribute with its values (<c>comparator</c>).</summary>
public enum MailgunComparator
{
    /// <summary><c>=</c>: the attribute is one of the values.</summary>
    [WireName("=")]
    Equal,

    /// <summary><c>!=</c>: the attribute is none of the values.</summary>
    [WireName("!=")]
    NotEqual,

    /// <summary><c>contains</c>: the attribute contains a value.</summary>
    Contains,

    /// <summary><c>not contains</c>: the attribute contains none of the values.</summary>
    [WireName("not contains")]
    NotContains,
}

/// <summary>
/// The <c>filter</c> of a metrics query: predicates that must all hold (<c>{"AND":[{"attribute","comparator","values"}]}</c>).
/// Immutable; <see cref="And"/> returns a new filter.
/// </summary>
/// <example><code>
/// var filter = MailgunMetricFilter.Where(MailgunDimension.Domain, MailgunComparator.Equal, "mg.example.com")
///     .And(MailgunDimension.Tag, MailgunComparator.NotEqual, "test");
/// </code></example>
public sealed class MailgunMetricFilter
{
    private readonly Predicate[] _predicates;

    private MailgunMetricFilter(Predicate[] predicates) => _predicates = predicates;

    /// <summary>The predicates, in order; all must hold.</summary>
    public IReadOnlyList<(MailgunDimension Attribute, MailgunComparator Comparator, IReadOnlyList<string> Values)> Predicates =>
        [.. _predicates.Select(p => (p.Attribute, p.Comparator, (IReadOnlyList<string>)p.Values))];

    /// <summary>A filter of one predicate.</summary>
    /// <param name="attribute">What is compared (a dimension, for example <see cref="MailgunDimension.Domain"/>).</param>
    /// <param name="comparator">How.</param>
    /// <param name="values">One or more values, none empty.</param>
    /// <exception cref="ArgumentException">No value, an empty value, or an undefined comparator.</exception>
    public static MailgunMetricFilter Where(MailgunDimension attribute, MailgunComparator comparator, params IEnumerable<string> values) =>
        new([Check(attribute, comparator, values?.ToArray()!)]);

    /// <summary>This filter and one more predicate.</summary>
    /// <param name="attribute">What is compared.</param>
    /// <param name="comparator">How.</param>
    /// <param name="values">One or more values, none empty.</param>
    /// <returns>A new filter.</returns>
    /// <exception cref="ArgumentException">No value, an empty value, or an undefined comparator.</exception>
    public MailgunMetricFilter And(MailgunDimension attribute, MailgunComparator comparator, params IEnumerable<string> values) =>
        new([.. _predicates, Check(attribute, comparator, values?.ToArray()!)]);

    internal void Write(System.Text.Json.Utf8JsonWriter writer)
    {
        writer.WriteStartObject("filter");
        writer.WriteStartArray("AND");
        foreach (var predicate in _predicates)
        {
            writer.WriteStartObject();
            writer.WriteString("attribute", predicate.Attribute.Name);
            writer.WriteString("comparator", WireName.Of(predicate.Comparator));
            writer.WriteStartArray("values");
            foreach (var value in predicate.Values)
            {
                writer.WriteStartObject();
                writer.WriteString("label", value);
                writer.WriteString("value", value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static Predicate Check(MailgunDimension attribute, MailgunComparator comparator, string[] values)
    {
        if (attribute.Name is null)
        {
            throw new ArgumentException("The attribute must be a MailgunDimension, not its default value.", nameof(attribute));
        }

        if (!Enum.IsDefined(comparator))
        {
            throw new ArgumentOutOfRangeException(nameof(comparator), comparator, "Use Equal, NotEqual, Contains or NotContains.");
        }

        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0 || values.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A filter needs one or more values, none empty.", nameof(values));
        }

        return new Predicate(attribute, comparator, [.. values]);
    }

    private sealed record Predicate(MailgunDimension Attribute, MailgunComparator Comparator, string[] Values);
}
