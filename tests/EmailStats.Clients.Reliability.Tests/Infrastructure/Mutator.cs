using System.Net;
using System.Text;
using EmailStats.Clients.Reliability.Tests.Drivers;

namespace EmailStats.Clients.Reliability.Tests.Infrastructure;

/// <summary>
/// Makes hostile bodies from well-formed ones, reproducibly: each body comes from a seeded <see cref="Random"/>, so a
/// failure names the seed and body number that rebuild it. Mutations: byte flips, truncation, deletions, duplicated
/// ranges, inserted syntax (JSON, XML, DTDs, invalid UTF-8, huge and odd numbers, wrong dates), values swapped for
/// other types, splices of two seeds, extra nesting, and pure noise; under a random status and content type.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "-", "0", "-0", "1e309", "-1e309", "1.7976931348623157e309",
        "99999999999999999999999999", "-9223372036854775809", "9223372036854775808", "0x1F", "NaN", "Infinity", "1.5", "\"12\"", "\"-3\"",
        "\"\"", "\" \"", "\"abc\"", "[]", "{}", "[null]", "{\"a\":null}", "\"\\u0000\"", "\"\\ud800\"", "\"\\uZZZZ\"", "\\", "\"2024-02-30\"",
        "\"not a date\"", "\"Tue, 31 Feb 2012 00:00:00 UTC\"", "\"2024-09-01T25:61:00Z\"", "\"9999-12-31 23\"", "\"0000-00-00\"",
        "\"id\":1", "\"id\":\"1\"", "\"id\":null", "\"id\":1.0", "\"result\":null", "\"result\":{}", "\"error\":null", "\"error\":{}", "\"errors\":[]",
        "\"errors\":null", "\"errors\":\"x\"", "\"message\":\"error\"", "\"message\":null", "\"stats\":null", "\"stats\":[null]", "\"records\":null",
        "\"histogram\":null", "\"category\":null", "\"date\":null", "\"time\":null", "\"providers\":null", "\"devices\":{\"x\":null}",
        "<", ">", "/>", "</a>", "<a>", "<![CDATA[x]]>", "&amp;", "&#0;", "&#xD800;", "&undefined;", "<?xml version=\"1.0\"?>",
        "<!DOCTYPE x [<!ENTITY a \"b\">]>", "<!-- c -->", "<?pi x?>", "<result>", "<error>", "<errors>", "xmlns:a=\"urn:x\"", "<a:b>",
        "\u00ff\u00fe", "\uFEFF", "\r\n", "\t", "   ",
    ];

    private static readonly byte[][] RawTokens = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x00], [0xF4, 0x90, 0x80, 0x80]];

    private static readonly string?[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "text/xml", "application/xml", "text/html", "text/plain", "application/octet-stream", null];

    private static readonly HttpStatusCode[] OtherStatuses =
    [
        HttpStatusCode.NoContent, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound,
        HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable,
    ];

    private readonly Random _random = new(seed);

    /// <summary>A stable seed for a name (string hashes change from run to run).</summary>
    public static int SeedOf(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    public WireBody Next(IReadOnlyList<string> seeds)
    {
        var body = Encoding.UTF8.GetBytes(Pick(seeds)).ToList();
        if (_random.Next(40) == 0)
        {
            body = [.. Noise(_random.Next(1, 512))];
        }
        else
        {
            var count = 1 + _random.Next(4);
            for (var i = 0; i < count; i++)
            {
                Mutate(body, seeds);
            }
        }

        var status = _random.Next(10) < 8 ? HttpStatusCode.OK : OtherStatuses[_random.Next(OtherStatuses.Length)];
        return new WireBody([.. body], ContentTypes[_random.Next(ContentTypes.Length)], status);
    }

    private void Mutate(List<byte> body, IReadOnlyList<string> seeds)
    {
        var at = body.Count == 0 ? 0 : _random.Next(body.Count + 1);
        switch (_random.Next(10))
        {
            case 0 when body.Count > 0:
                body[Math.Min(at, body.Count - 1)] = (byte)_random.Next(256);
                break;
            case 1:
                body.RemoveRange(at, body.Count - at);
                break;
            case 2 when body.Count > 0:
                body.RemoveRange(Math.Min(at, body.Count - 1), Math.Min(1 + _random.Next(16), body.Count - Math.Min(at, body.Count - 1)));
                break;
            case 3 or 4:
                body.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[_random.Next(Tokens.Length)]));
                break;
            case 5:
                body.InsertRange(at, RawTokens[_random.Next(RawTokens.Length)]);
                break;
            case 6 when body.Count > 0:
                var start = _random.Next(body.Count);
                var length = Math.Min(1 + _random.Next(64), body.Count - start);
                body.InsertRange(at, body.GetRange(start, length));
                break;
            case 7:
                ReplaceValue(body);
                break;
            case 8:
                var other = Encoding.UTF8.GetBytes(Pick(seeds));
                var cut = _random.Next(other.Length + 1);
                body.RemoveRange(at, body.Count - at);
                body.AddRange(other.AsSpan(cut).ToArray());
                break;
            default:
                var depth = 1 + _random.Next(_random.Next(2) == 0 ? 8 : 200);
                var open = _random.Next(2) == 0 ? "[" : "{\"a\":";
                var close = open == "[" ? "]" : "}";
                body.InsertRange(0, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth))));
                body.AddRange(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(close, depth))));
                break;
        }
    }

    /// <summary>Replaces one number or quoted value with a token of another type.</summary>
    private void ReplaceValue(List<byte> body)
    {
        var text = Encoding.UTF8.GetString([.. body]);
        var candidates = new List<(int Start, int Length)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) || text[i] == '"')
            {
                var end = i + 1;
                if (text[i] == '"')
                {
                    while (end < text.Length && text[end] != '"')
                    {
                        end++;
                    }

                    end = Math.Min(end + 1, text.Length);
                }
                else
                {
                    while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or 'e' or '-'))
                    {
                        end++;
                    }
                }

                candidates.Add((i, end - i));
                i = end;
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        var (s, l) = candidates[_random.Next(candidates.Count)];
        text = text[..s] + Tokens[_random.Next(Tokens.Length)] + text[(s + l)..];
        body.Clear();
        body.AddRange(Encoding.UTF8.GetBytes(text));
    }

    private byte[] Noise(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string Pick(IReadOnlyList<string> seeds) => seeds[_random.Next(seeds.Count)];
}
