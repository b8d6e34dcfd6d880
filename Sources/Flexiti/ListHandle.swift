import CFlexiti
import FlexitiCore

/// The object behind flx_authorization_iter and flx_capture_iter: pages through a listing,
/// fetching page n+1 when page n is used up.
final class ListIterator {
    let session: Session
    let filter: PurchaseRequest
    private var page = 1
    private var buffer: [JSONNode] = []
    private var index = 0
    private var done = false
    private var delivered: Int64 = 0
    private var lastFirstItem: JSONNode? = nil

    init(session: Session, filter: PurchaseRequest) {
        self.session = session
        self.filter = filter
    }

    /// The next item, nil at the end. A failed fetch leaves the position unchanged.
    func next() -> Result<JSONNode?, FlexitiError> {
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

/// The object behind flx_authorization_iter (Model: Authorization) and flx_capture_iter (Capture).
final class ListIterObject<Model: AnswerRecord> {
    let it: ListIterator
    let read: (JSONNode) -> Model
    init(_ it: ListIterator, _ read: @escaping (JSONNode) -> Model) {
        self.it = it
        self.read = read
    }
}

/// flx_authorization_iter_new and flx_capture_iter_new: a listing of `kind`, with an optional filter of that kind.
private func newIterator<Model: AnswerRecord>(_ session: OpaquePointer?, _ filter: OpaquePointer?, _ kind: PurchaseKind, _ kindName: String,
                                              _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?,
                                              _ read: @escaping (JSONNode) -> Model) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    var request = PurchaseRequest(kind)
    if filter != nil {
        guard let r = requestObject(filter) else { return misuse("flx_request", err) }
        guard r.request.kind == kind else {
            return fail(.invalidArgument("filter is a \(r.request.kind.name) request, not \(kindName)"), err)
        }
        request = r.request
    }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    out.pointee = Handles.register(ListIterObject(ListIterator(session: s, filter: request), read))
    return FLX_OK_CODE
}

/// flx_authorization_iter_next and flx_capture_iter_next: the next record, NULL at the end.
private func nextRecord<Model: AnswerRecord>(_ iter: OpaquePointer?, _ type: Model.Type, _ name: String, _ out: UnsafeMutablePointer<OpaquePointer?>?,
                                             _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let i = Handles.get(iter, as: ListIterObject<Model>.self) else { return misuse(name, err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    switch i.it.next() {
    case let .failure(e): return fail(e, err)
    case let .success(item):
        out.pointee = item.flatMap { Handles.register(Record(i.read($0))) }
        return FLX_OK_CODE
    }
}

@c @implementation
public func flx_authorization_iter_new(_ session: OpaquePointer?, _ filter: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    newIterator(session, filter, .listAuthorizations, "FLX_REQUEST_LIST_AUTHORIZATIONS", out, err, Authorization.init(json:))
}

@c @implementation
public func flx_capture_iter_new(_ session: OpaquePointer?, _ filter: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    newIterator(session, filter, .listCaptures, "FLX_REQUEST_LIST_CAPTURES", out, err, Capture.init(json:))
}

@c @implementation
public func flx_authorization_iter_next(_ iter: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    nextRecord(iter, Authorization.self, "flx_authorization_iter", out, err)
}

@c @implementation
public func flx_capture_iter_next(_ iter: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    nextRecord(iter, Capture.self, "flx_capture_iter", out, err)
}

@c @implementation
public func flx_authorization_iter_free(_ iter: OpaquePointer?) { Handles.free(iter, as: ListIterObject<Authorization>.self) }

@c @implementation
public func flx_capture_iter_free(_ iter: OpaquePointer?) { Handles.free(iter, as: ListIterObject<Capture>.self) }
