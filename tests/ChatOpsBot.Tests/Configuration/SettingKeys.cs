using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace ChatOpsBot.Tests.Configuration;

/// <summary>
/// The keys a configuration binder can set on an options type, and the keys a settings file holds.
/// A list of objects is documented by its element keys, written with <c>N</c> for the index
/// (<c>Clusters:N:Name</c>); the file holds the list itself, empty.
/// </summary>
internal static class SettingKeys
{
    /// <summary>The index placeholder of element keys.</summary>
    public const string Index = "N";

    /// <summary>
    /// The keys of <paramref name="section"/>: <c>InFile</c> ones must be in appsettings.json,
    /// the element keys of lists only in the reference.
    /// </summary>
    public static IEnumerable<(string Key, bool InFile)> Of(BoundSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (ElementType(section.Type) is { } element)
        {
            yield return (section.Section, true);
            foreach (var key in Walk($"{section.Section}:{Index}", element, []))
            {
                yield return (key.Key, false);
            }

            yield break;
        }

        foreach (var key in Walk(section.Section, section.Type, section.NotFromThisSection))
        {
            yield return key;
        }
    }

    /// <summary>Every key of a settings file: objects are walked, a list is one key.</summary>
    public static IReadOnlyList<string> OfJson(string json)
    {
        var options = new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        };
        using var document = JsonDocument.Parse(json, options);
        var keys = new List<string>();
        Flatten(document.RootElement, null, keys);
        return keys;
    }

    /// <summary>The properties the binder sets: public and settable, or get-only lists it fills.</summary>
    public static IEnumerable<PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0)
            .Where(property => property.SetMethod is { IsPublic: true }
                               || ElementType(property.PropertyType) is not null);

    /// <summary>The element type of a list type, or null for anything else (strings included).</summary>
    public static Type? ElementType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        return type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type)
                .Where(candidate => candidate.IsGenericType
                                    && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                .Select(candidate => candidate.GetGenericArguments()[0])
                .FirstOrDefault();
    }

    /// <summary>True for a type bound from several keys (an options object), not from one value.</summary>
    public static bool IsObject(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(Uri) && ElementType(type) is null;

    private static IEnumerable<(string Key, bool InFile)> Walk(string prefix, Type type, string[] skipped)
    {
        foreach (var property in Bindable(type).Where(property => !skipped.Contains(property.Name)))
        {
            var key = $"{prefix}:{property.Name}";
            if (ElementType(property.PropertyType) is { } element)
            {
                yield return (key, true);
                if (IsObject(element))
                {
                    foreach (var inner in Walk($"{key}:{Index}", element, []))
                    {
                        yield return (inner.Key, false);
                    }
                }
            }
            else if (IsObject(property.PropertyType))
            {
                foreach (var inner in Walk(key, property.PropertyType, []))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return (key, true);
            }
        }
    }

    private static void Flatten(JsonElement element, string? prefix, List<string> keys)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", keys);
            }

            return;
        }

        if (prefix is not null)
        {
            keys.Add(prefix);
        }
    }
}
