using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace EmailStats.Clients.Conventions.Tests;

/// <summary>
/// The rules every package follows, checked over every public type of every src assembly, so that a new provider
/// or member that breaks one fails here.
/// </summary>
public sealed class ConventionTests
{
    /// <summary>Every package, found in the repository's <c>src/</c> folder (the project references them all by a glob).</summary>
    public static readonly string[] PackageNames =
        [.. Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src"), "EmailStats.Clients.*").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>The provider packages: every package but Core, the Sandbox and the sync packages built on them.</summary>
    public static readonly string[] ProviderNames =
        [.. PackageNames.Where(n => n is not ("EmailStats.Clients.Core" or "EmailStats.Clients.Sandbox") && !n.StartsWith("EmailStats.Clients.Sync", StringComparison.Ordinal))];

    private static readonly Assembly[] Packages = [.. PackageNames.Select(Assembly.Load)];

    private static IEnumerable<Type> PublicTypes => Packages.SelectMany(a => a.GetExportedTypes());

    public static TheoryData<string> Assemblies => new(PackageNames);

    public static TheoryData<string> Providers => new(ProviderNames);

    [Fact]
    public void Every_package_folder_is_found_and_loaded()
    {
        Assert.Contains("EmailStats.Clients.Core", PackageNames);
        Assert.True(ProviderNames.Length >= 4, string.Join(", ", ProviderNames));
        Assert.Equal(PackageNames, Packages.Select(a => a.GetName().Name));
    }

    /// <summary>DESIGN.md section 1: every provider package has the same shape, so that knowing one means knowing all.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_provider_has_the_shape_of_design_section_1(string package)
    {
        var assembly = Packages.Single(a => a.GetName().Name == package);
        var types = assembly.GetTypes();
        var exported = assembly.GetExportedTypes();
        var problems = new List<string>();

        // One internal Refit interface: the wire.
        var wire = types.Where(t => t.IsInterface && !t.IsPublic && t.GetMethods().Any(m => m.GetCustomAttributes().Any(a => a.GetType().Namespace == "Refit"))).ToList();
        if (wire.Count != 1)
        {
            problems.Add($"{wire.Count} internal Refit interfaces (one expected): {string.Join(", ", wire.Select(t => t.Name))}");
        }

        // Options whose ToString redacts (checked by Every_options_type_redacts_its_secrets_in_ToString).
        var options = exported.Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal)).ToList();
        if (options.Count != 1 || options[0].GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType != options[0])
        {
            problems.Add("one public options class overriding ToString expected");
        }

        // A client interface and its sealed client, constructible without DI from (HttpClient, options): any further
        // parameter is optional.
        var clients = exported.Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal)).ToList();
        foreach (var client in clients)
        {
            var implementation = exported.SingleOrDefault(t => t.IsClass && t.IsSealed && client.IsAssignableFrom(t));
            var optionsType = options.FirstOrDefault() ?? typeof(object);
            if (implementation?.GetConstructors().Any(c => c.GetParameters() is [var http, var given, .. var rest]
                    && http.ParameterType == typeof(HttpClient) && given.ParameterType == optionsType && rest.All(p => p.IsOptional)) is not true)
            {
                problems.Add($"{client.Name} has no public sealed implementation with a (HttpClient, options) constructor");
            }
        }

        if (clients.Count == 0)
        {
            problems.Add("no public I...Client interface");
        }

        // DI: an unnamed and a named registration per client, each returning IHttpClientBuilder.
        var registrations = exported
            .Where(t => t.IsAbstract && t.IsSealed && t.Namespace == "Microsoft.Extensions.DependencyInjection" && t.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType.Name == "IHttpClientBuilder")
            .ToList();
        if (!registrations.Any(m => m.GetParameters() is [_, { ParameterType.IsGenericType: true }]))
        {
            problems.Add("no AddXxxClient(services, configure) returning IHttpClientBuilder");
        }

        if (!registrations.Any(m => m.GetParameters() is [_, { ParameterType: var name }, _] && name == typeof(string)))
        {
            problems.Add("no named AddXxxClient(services, name, configure) returning IHttpClientBuilder");
        }

        // The one view: at least one public sealed EmailStatsSource.
        if (!exported.Any(t => t.IsSealed && typeof(EmailStatsSource).IsAssignableFrom(t)))
        {
            problems.Add("no public sealed EmailStatsSource");
        }

        // Core only: never another provider.
        var others = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("EmailStats.Clients.", StringComparison.Ordinal) && n != "EmailStats.Clients.Core")
            .ToList();
        if (others.Count > 0)
        {
            problems.Add($"references {string.Join(", ", others)}");
        }

        // The package's files: README (the NuGet page) and the public API lists.
        var folder = Path.Combine(RepositoryRoot(), "src", package);
        foreach (var file in new[] { "README.md", "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            if (!File.Exists(Path.Combine(folder, file)))
            {
                problems.Add($"{file} is missing");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_public_async_method_takes_a_cancellation_token_last()
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                // AsPages has Azure's AsyncPageable<T>.AsPages shape: its pages are cancelled by the token of the call
                // that made the pageable and by WithCancellation, as any IAsyncEnumerable.
                // DisposeAsync is IAsyncDisposable's, which takes no token.
                if (!IsAsync(method.ReturnType) || method.IsSpecialName || method.Name == nameof(IAsyncDisposable.DisposeAsync) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EmailStatsPageable<>) && method.Name == "AsPages"))
                {
                    continue;
                }

                var parameters = method.GetParameters();
                if (parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken))
                {
                    offenders.Add($"{type.FullName}.{method.Name}");
                }
            }
        }

        Assert.Empty(offenders);
        Assert.Contains(PublicTypes, t => t.GetMethods().Any(m => IsAsync(m.ReturnType)));
    }

    [Fact]
    public void Every_response_model_is_immutable_with_read_only_collections()
    {
        var models = PublicTypes.Where(IsResponseModel).ToList();
        var offenders = new List<string>();
        foreach (var model in models)
        {
            foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                {
                    offenders.Add($"{model.Name}.{property.Name} has a public setter");
                }

                if (IsMutableCollection(property.PropertyType))
                {
                    offenders.Add($"{model.Name}.{property.Name} is a mutable {property.PropertyType.Name}");
                }
            }
        }

        Assert.Empty(offenders);
        Assert.Contains(models, m => m.Name == "SendGridDailyStats");
    }

    [Fact]
    public void Every_options_type_redacts_its_secrets_in_ToString()
    {
        const string Sentinel = "s3cr3t-sentinel-value";
        var optionsTypes = PublicTypes.Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null).ToList();
        var checkedSecrets = 0;
        foreach (var type in optionsTypes)
        {
            var options = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite && IsSecretName(p.Name)))
            {
                property.SetValue(options, Sentinel);
                checkedSecrets++;
            }

            Assert.DoesNotContain(Sentinel, options.ToString(), StringComparison.Ordinal);
        }

        Assert.True(checkedSecrets >= 1, "at least one secret-bearing options type is checked");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_public_type_has_xml_docs_members_are_enforced_by_the_build(string assemblyName)
    {
        var assembly = Packages.Single(a => a.GetName().Name == assemblyName);
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(File.Exists(file), $"{file} is generated");
        var documented = XDocument.Load(file).Descendants("member")
            .Where(m => m.Elements().Any(e => e.Name == "summary" || e.Name == "inheritdoc"))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var missing = assembly.GetExportedTypes()
            .Where(t => !documented.Contains("T:" + t.FullName!.Replace('+', '.')))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Nothing_of_refit_appears_in_the_public_surface()
    {
        var leaks = new List<string>();
        foreach (var type in PublicTypes)
        {
            var signatures = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .SelectMany(m => m switch
                {
                    MethodInfo method => method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType),
                    PropertyInfo property => [property.PropertyType],
                    ConstructorInfo ctor => ctor.GetParameters().Select(p => p.ParameterType),
                    _ => [],
                })
                .Concat(type.GetInterfaces())
                .Append(type.BaseType ?? typeof(object));
            leaks.AddRange(signatures.Where(t => t.Namespace?.StartsWith("Refit", StringComparison.Ordinal) == true).Select(t => $"{type.Name}: {t.FullName}"));
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public void Every_exception_type_derives_from_EmailStatsException()
    {
        var exceptions = PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.NotEmpty(exceptions);
        Assert.All(exceptions, e => Assert.True(typeof(EmailStatsException).IsAssignableFrom(e), e.Name));
    }

    [Fact]
    public void Every_client_method_query_entry_point_and_registration_shows_its_use_in_an_example()
    {
        // What IntelliSense shows first: the methods of each client interface (the classes inherit their docs), the
        // static entry points of each query builder, each AddXxx registration, and the one-view source.
        var members = new List<MethodInfo>();
        foreach (var type in PublicTypes)
        {
            var flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            if ((type.IsInterface && type.Name.EndsWith("Client", StringComparison.Ordinal)) || type == typeof(IEmailStatsSource))
            {
                members.AddRange(type.GetMethods(flags).Where(m => !m.IsSpecialName));
            }
            else if (type.Name.EndsWith("Query", StringComparison.Ordinal))
            {
                members.AddRange(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => m.ReturnType == type && !m.IsSpecialName));
            }
            else if (type.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal))
            {
                members.AddRange(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly));
            }
        }

        var examples = Packages
            .SelectMany(a => XDocument.Load(Path.ChangeExtension(a.Location, ".xml")).Descendants("member"))
            .Where(m => m.Element("example")?.Element("code") is { } code && code.Value.Trim().Length > 0)
            .Select(m => (string)m.Attribute("name")!)
            .ToList();
        var missing = members
            .Where(m => !examples.Any(name => name == $"M:{m.DeclaringType!.FullName}.{m.Name}" || name.StartsWith($"M:{m.DeclaringType!.FullName}.{m.Name}(", StringComparison.Ordinal)))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();

        Assert.Empty(missing);
        Assert.True(members.Count >= 28, $"only {members.Count} members found: the discovery is broken");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmailStats.Clients.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("EmailStats.Clients.sln was not found above " + AppContext.BaseDirectory);
    }

    private static bool IsAsync(Type type) =>
        typeof(Task).IsAssignableFrom(type)
        || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var definition && (definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)));

    /// <summary>Records returned by the clients: they have a compiler-generated EqualityContract and live outside Core's plumbing.</summary>
    private static bool IsResponseModel(Type type) =>
        type.IsClass
        && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null
        && !type.Name.EndsWith("Options", StringComparison.Ordinal)
        && !type.Name.EndsWith("Query", StringComparison.Ordinal)
        && type.Assembly.GetName().Name != "EmailStats.Clients.Sandbox";

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsMutableCollection(Type type)
    {
        if (type == typeof(string) || type.IsArray && type != typeof(byte[]))
        {
            return type.IsArray;
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(IList<>)
            || definition == typeof(ICollection<>) || definition == typeof(IDictionary<,>) || definition == typeof(HashSet<>);
    }

    private static bool IsSecretName(string name) =>
        name.Contains("Key", StringComparison.Ordinal) || name.Contains("Password", StringComparison.Ordinal)
        || name.Contains("Secret", StringComparison.Ordinal) || name.Contains("Token", StringComparison.Ordinal);
}
