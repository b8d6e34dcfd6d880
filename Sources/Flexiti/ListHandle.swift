import CFlexiti
import FlexitiCore

/// The object behind flx_authorization_iter and flx_capture_iter: pages through a listing,
/// fetching page n+1 when page n is used up.
final class ListIterator {
    let session: Session
    let filter: PurchaseRequest
    private var page = 1
    private var buffer: [JSONValue] = []
    private var index = 0
    private var done = false
    private var delivered: Int64 = 0
    private var lastFirstItem: JSONValue? = nil

    init(session: Session, filter: PurchaseRequest) {
        self.session = session
        self.filter = filter
    }

    /// The next item, nil at the end. A failed fetch leaves the position unchanged.
    func next() -> Result<JSONValue?, FlexitiError> {
        while index >= buffer.count {
            if done { return .success(nil) }
            switch session.listPage(filter, page: page) {
            case let .failure(e): return .failure(e)
            case let .success(p):
                // A server that ignores page_number would repeat a page forever: stop on a repeat.
                if p.items.isEmpty || (p.items.first == lastFirstItem && page > 1) {
                    done = true
                    return .success(nil)
                }
                lastFirstItem = p.items.first
                buffer = p.items
                index = 0
                page += 1
                // The last page: with a total, once it is reached; without, a page shorter than the
                // size the server reports using (it may cap the size asked for), else the size asked.
                let size = p.pageSize ?? Int64(filter.pageSize ?? Defaults.listPageSize)
                let seen = delivered + Int64(p.items.count)
                if let total = p.total { done = seen >= total } else { done = Int64(p.items.count) < size }
            }
        }
        let item = buffer[index]
        index += 1
        delivered += 1
        return .success(item)
    }
}

final class AuthorizationIterObject { let it: ListIterator; init(_ it: ListIterator) { self.it = it } }
final class CaptureIterObject { let it: ListIterator; init(_ it: ListIterator) { self.it = it } }

/// A failure already reported to C, carrying its code.
private struct Reported: Error { let code: flx_code }

private func makeIterator(_ session: OpaquePointer?, _ filter: OpaquePointer?, _ kind: PurchaseKind, _ kindName: String,
                          _ err: UnsafeMutablePointer<OpaquePointer?>?) -> Result<ListIterator, Reported> {
    guard let s = sessionObject(session) else { return .failure(Reported(code: misuse("flx_session", err))) }
    var request = PurchaseRequest(kind)
    if filter != nil {
        guard let r = requestObject(filter) else { return .failure(Reported(code: misuse("flx_request", err))) }
        guard r.request.kind == kind else {
            return .failure(Reported(code: fail(.invalidArgument("filter is a \(r.request.kind.name) request, not \(kindName)"), err)))
        }
        request = r.request
    }
    return .success(ListIterator(session: s, filter: request))
}

@c @implementation
public func flx_authorization_iter_new(_ session: OpaquePointer?, _ filter: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    switch makeIterator(session, filter, .listAuthorizations, "FLX_REQUEST_LIST_AUTHORIZATIONS", err) {
    case let .failure(r): return r.code
    case let .success(it):
        guard let out else { return fail(.invalidArgument("out is NULL"), err) }
        out.pointee = Handles.register(AuthorizationIterObject(it))
        return FLX_OK_CODE
    }
}

@c @implementation
public func flx_capture_iter_new(_ session: OpaquePointer?, _ filter: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    switch makeIterator(session, filter, .listCaptures, "FLX_REQUEST_LIST_CAPTURES", err) {
    case let .failure(r): return r.code
    case let .success(it):
        guard let out else { return fail(.invalidArgument("out is NULL"), err) }
        out.pointee = Handles.register(CaptureIterObject(it))
        return FLX_OK_CODE
    }
}

@c @implementation
public func flx_authorization_iter_next(_ iter: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let i = Handles.get(iter, as: AuthorizationIterObject.self) else { return misuse("flx_authorization_iter", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    switch i.it.next() {
    case let .failure(e): return fail(e, err)
    case let .success(item):
        out.pointee = item.flatMap { Handles.register(AuthorizationObject(Authorization(json: $0))) }
        return FLX_OK_CODE
    }
}

@c @implementation
public func flx_capture_iter_next(_ iter: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let i = Handles.get(iter, as: CaptureIterObject.self) else { return misuse("flx_capture_iter", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    switch i.it.next() {
    case let .failure(e): return fail(e, err)
    case let .success(item):
        out.pointee = item.flatMap { Handles.register(CaptureObject(Capture(json: $0))) }
        return FLX_OK_CODE
    }
}

@c @implementation
public func flx_authorization_iter_free(_ iter: OpaquePointer?) { Handles.free(iter, as: AuthorizationIterObject.self) }

@c @implementation
public func flx_capture_iter_free(_ iter: OpaquePointer?) { Handles.free(iter, as: CaptureIterObject.self) }
