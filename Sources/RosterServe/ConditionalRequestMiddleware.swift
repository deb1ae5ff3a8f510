import Foundation
import Hummingbird

/// `If-None-Match` as RFC 9110 reads it, where Hummingbird's file middleware compares one header
/// value to its ETag byte for byte: `*` matches any file, a comma-separated list matches if any
/// member does, and the comparison is weak (`W/"x"` and `"x"` are the same tag).
struct ConditionalRequestMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard request.method == .get || request.method == .head, response.status == .ok,
              let eTag = response.headers[.eTag] else { return response }
        let conditions = request.headers[values: .ifNoneMatch]
        guard !conditions.isEmpty, Self.matches(conditions, eTag: eTag) else { return response }
        var headers = response.headers
        headers[.contentLength] = nil
        return Response(status: .notModified, headers: headers)
    }

    static func matches(_ conditions: [String], eTag: String) -> Bool {
        let current = opaque(eTag)
        for condition in conditions {
            for member in condition.split(separator: ",") {
                let tag = member.trimmingCharacters(in: .whitespaces)
                if tag == "*" || opaque(tag) == current { return true }
            }
        }
        return false
    }

    /// The tag without its weakness mark: weak comparison ignores it.
    static func opaque(_ tag: some StringProtocol) -> Substring {
        let trimmed = Substring(tag)
        return trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
    }
}
