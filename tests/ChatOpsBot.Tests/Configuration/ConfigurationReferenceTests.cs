using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ChatOpsBot.Tests.Configuration;

/// <summary>
/// The top-level appsettings.json holds every setting the server binds, with the code's own
/// default, and the README's configuration reference has a row for each, with its
/// environment-variable form.
/// </summary>
public sealed class ConfigurationReferenceTests
{
    private readonly IReadOnlyList<string> fileKeys = SettingKeys.OfJson(TopLevelFiles.AppSettings);
    private readonly IReadOnlyList<ReferenceRow> rows = ReferenceTable.Parse(TopLevelFiles.Readme);

    [Fact]
    public void Every_key_of_appsettings_json_has_a_row_in_the_README_reference()
    {
        var missing = ReferenceChecks.FileKeysNotInReference(fileKeys, rows);

        Assert.True(missing.Count == 0,
            "README.md, section Configuration reference, has no row for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_bindable_option_has_a_key_in_appsettings_json()
    {
        var missing = ReferenceChecks.BoundKeysNotInFile(BoundSections.All, fileKeys);

        Assert.True(missing.Count == 0, "appsettings.json has no key for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_element_key_of_a_list_has_a_row_in_the_README_reference()
    {
        var missing = ReferenceChecks.ElementKeysNotInReference(BoundSections.All, rows);

        Assert.True(missing.Count == 0,
            "README.md, section Configuration reference, has no row for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_row_gives_the_environment_variable_form()
    {
        var wrong = ReferenceChecks.RowsWithoutEnvironmentForm(rows);

        Assert.NotEmpty(rows);
        Assert.True(wrong.Count == 0,
            "these rows' last cell does not give the environment variable: " + string.Join(", ", wrong));
    }

    [Fact]
    public void Every_row_names_a_setting_the_server_reads()
    {
        var known = fileKeys
            .Concat(BoundSections.All.SelectMany(SettingKeys.Of).Select(key => key.Key))
            .ToHashSet(StringComparer.Ordinal);

        var unknown = rows.Select(row => row.Key).Where(key => !known.Contains(key)).ToList();

        Assert.True(unknown.Count == 0,
            "the README documents settings that are neither bound nor in appsettings.json: "
            + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(ObjectSections))]
    public void Values_in_appsettings_json_are_the_code_defaults(string section)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(TopLevelFiles.AppSettingsPath).Build();

        // A section may be bound by more than one options class (Teams: the endpoint and the adapter).
        var different = new List<string>();
        foreach (var bound in BoundSections.All.Where(candidate => candidate.Section == section))
        {
            var fromFile = configuration.GetSection(section).Get(bound.Type)
                           ?? throw new InvalidOperationException(
                               $"appsettings.json has no section {section}");
            var fromCode = Activator.CreateInstance(bound.Type)!;
            different.AddRange(Differences(section, bound.Type, fromFile, fromCode));
        }

        Assert.True(different.Count == 0, "appsettings.json differs from the code's default for: "
                                          + string.Join(", ", different));
    }

    [Fact]
    public void The_checks_name_what_is_missing()
    {
        const string Json = """{ "Server": { "ShutdownTimeout": "00:00:25" }, "Extra": { "Key": "" } }""";
        const string Readme = """
            ## Configuration reference

            | setting | meaning | default | environment variable |
            | --- | --- | --- | --- |
            | `Server:ShutdownTimeout` | stop | `00:00:25` | Server_ShutdownTimeout |
            | `Clusters:N:Name` | name | — | `Clusters__0__Name` |
            """;
        var keys = SettingKeys.OfJson(Json);
        var table = ReferenceTable.Parse(Readme);
        BoundSection[] sections = [BoundSections.All.Single(s => s.Section == "Server"),
            BoundSections.All.Single(s => s.Section == "Clusters")];

        Assert.Equal(["Extra:Key"], ReferenceChecks.FileKeysNotInReference(keys, table));
        Assert.Equal(["Server:ReadinessTimeout", "Server:ReadinessCacheDuration", "Clusters"],
            ReferenceChecks.BoundKeysNotInFile(sections, keys).OrderBy(key => key.StartsWith('C')));
        Assert.Contains("Clusters:N:Snapshot", ReferenceChecks.ElementKeysNotInReference(sections, table));
        Assert.DoesNotContain("Clusters:N:Name", ReferenceChecks.ElementKeysNotInReference(sections, table));
        Assert.Equal(["Server:ShutdownTimeout"], ReferenceChecks.RowsWithoutEnvironmentForm(table));
    }

    public static TheoryData<string> ObjectSections() =>
        new(BoundSections.All.Where(section => SettingKeys.ElementType(section.Type) is null)
            .Select(section => section.Section).Distinct(StringComparer.Ordinal));

    private static IEnumerable<string> Differences(string key, Type type, object? actual, object? expected)
    {
        foreach (var property in SettingKeys.Bindable(type))
        {
            var name = $"{key}:{property.Name}";
            var left = property.GetValue(actual);
            var right = property.GetValue(expected);
            if (SettingKeys.IsObject(property.PropertyType))
            {
                foreach (var inner in Differences(name, property.PropertyType, left, right))
                {
                    yield return inner;
                }
            }
            else if (!SameSetting(left, right))
            {
                yield return $"{name} ({Show(left)} in the file, {Show(right)} in the code)";
            }
        }
    }

    // An empty string in the file means "not set", as null does in the code.
    private static bool SameSetting(object? left, object? right) => (left, right) switch
    {
        (null or "", null or "") => true,
        (string or null, _) or (_, string or null) => Equals(left, right),
        (IEnumerable first, IEnumerable second) =>
            first.Cast<object?>().SequenceEqual(second.Cast<object?>()),
        _ => Equals(left, right),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>()) + "]",
        _ => value.ToString() ?? "",
    };
}
