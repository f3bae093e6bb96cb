using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Live;

/// <summary>The API server's <c>Status</c> bodies for the failures the fake answers with.</summary>
internal static class ApiStatus
{
    public const string RbacGroup = "rbac.authorization.k8s.io";

    /// <summary>404 for an object that does not exist.</summary>
    public static FakeAnswer NotFound(string resource, string name) => Failure(404, "NotFound",
        $"{resource} \"{name}\" not found", new JsonObject { ["name"] = name, ["kind"] = resource });

    /// <summary>404 for a path the server does not serve.</summary>
    public static FakeAnswer NoSuchPath() =>
        Failure(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    /// <summary>403 for a cluster-scoped list the authorizer refused to <paramref name="user"/>.</summary>
    public static FakeAnswer ForbiddenList(string user, string resource, string apiGroup) => Failure(403,
        "Forbidden",
        $"{resource}.{apiGroup} is forbidden: User \"{user}\" cannot list resource \"{resource}\" "
        + $"in API group \"{apiGroup}\" at the cluster scope",
        new JsonObject { ["group"] = apiGroup, ["kind"] = resource });

    /// <summary>403 for creating a SubjectAccessReview.</summary>
    public static FakeAnswer ForbiddenReview(string user) => Failure(403, "Forbidden",
        $"subjectaccessreviews.authorization.k8s.io is forbidden: User \"{user}\" cannot create resource "
        + "\"subjectaccessreviews\" in API group \"authorization.k8s.io\" at the cluster scope",
        new JsonObject { ["group"] = "authorization.k8s.io", ["kind"] = "subjectaccessreviews" });

    /// <summary>500, as a struggling API server (or etcd behind it) answers.</summary>
    public static FakeAnswer InternalError() => Failure(500, "InternalError",
        "Internal error occurred: etcdserver: request timed out", new JsonObject());

    /// <summary>400 for a body the server cannot decode.</summary>
    public static FakeAnswer BadRequest(string message) => Failure(400, "BadRequest", message, null);

    /// <summary>422 for an object that fails validation.</summary>
    public static FakeAnswer Invalid(string message) => Failure(422, "Invalid", message, new JsonObject());

    /// <summary>405 for a verb the path does not support.</summary>
    public static FakeAnswer MethodNotAllowed() =>
        Failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
            new JsonObject());

    private static FakeAnswer Failure(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return new FakeAnswer(code, status.ToJsonString() + "\n");
    }
}
