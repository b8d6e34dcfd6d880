import CCurl
import CSecureMemory
import Glibc

/// Which HTTP version to speak (docs/assumptions.md, "HTTP version").
package enum HTTPVersionChoice: Int32, Sendable {
    /// HTTP/2 when TLS negotiates it (ALPN), else HTTP/1.1; plain http:// is HTTP/1.1.
    case http2OverTLS = 0
    /// HTTP/1.1 only.
    case http1_1 = 1
}

/// Transport settings copied from the session configuration.
package struct TransportOptions: Sendable {
    package var connectTimeoutMs: Int = Defaults.connectTimeoutMs
    package var totalTimeoutMs: Int = Defaults.totalTimeoutMs
    package var caFile: String?
    package var proxy: String?
    package var userAgent: String = Defaults.userAgent
    package var verifyTLS: Bool = true
    /// Kept-alive connections idle longer / older than this are not reused (seconds; lifetime
    /// 0: no limit).
    package var maxIdleSeconds: Int = Defaults.maxConnectionIdleSeconds
    package var maxLifetimeSeconds: Int = Defaults.maxConnectionLifetimeSeconds
    package var httpVersion: HTTPVersionChoice = .http2OverTLS
    /// Count the requests that leave with the debug callback even when libcurl has the
    /// pre-request callback: the way older libcurl (before 7.80) is served, for tests.
    package var countWithDebugCallback = false
    package init() {}
}

/// What the linked libcurl can do, read once at run time (the library may run on a newer or
/// older libcurl than it was built with).
enum CurlFeatures {
    static let versionNumber: UInt32 = cshim_version_info()?.pointee.version_num ?? 0
    static let http2: Bool = ((cshim_version_info()?.pointee.features ?? 0) & Int32(CURL_VERSION_HTTP2)) != 0
    /// CURLOPT_MAXAGE_CONN: 7.65.0.
    static let maxAge = versionNumber >= 0x07_41_00
    /// CURLOPT_MAXLIFETIME_CONN: 7.80.0.
    static let maxLifetime = versionNumber >= 0x07_50_00
}

/// The session's HTTP connection: a libcurl share handle that holds the kept-alive connection
/// (and the DNS and TLS session caches), and an easy handle that makes the requests.
///
/// The easy handle is replaced (options set again, the connection kept in the share) after any
/// transfer that opened a connection or failed: libcurl (7.88.1 at least) counts its own "reused
/// connection died, retrying on a fresh one" events per easy handle and never resets the count,
/// so a long-lived handle fails every sixth such event with "Connection died, tried 5 times".
/// A fresh connection is had by replacing the share handle, which closes every connection.
/// Not thread-safe: the session serialises access.
final class CurlTransport {
    private var share: UnsafeMutableRawPointer?
    private var handle: UnsafeMutableRawPointer?
    private let options: TransportOptions
    /// libcurl writes failure text here (it keeps the pointer, so it must not move).
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Options that never change are set once per easy handle (benchmarked: resetting and
    /// setting them again on every request cost about as much as building the request).
    private var fixedOptionsOK = false
    /// The last transfer opened a connection or failed: replace the easy handle before the next.
    private var renewHandle = false
    /// The URL the easy handle holds (libcurl copies it on each set: not set again when equal).
    private var urlOnHandle: String?
    /// The same URL parsed, handed to libcurl with CURLOPT_CURLU (nil: libcurl without the URL
    /// API). Given only the text, libcurl parses it at every transfer and writes it back
    /// normalized, about 17k instructions a call; given the parts, it copies them.
    private var parsedURL: OpaquePointer?
    /// The socket of the kept-alive connection after the last transfer, -1 when none.
    private var idleSocket: Int32 = -1
    /// That connection speaks HTTP/1.x, where a readable idle socket means the server is closing.
    /// (HTTP/2 servers send frames after an answer, e.g. WINDOW_UPDATE; libcurl reads those and a
    /// GOAWAY itself before it reuses an HTTP/2 connection.)
    private var idleSocketIsHTTP1 = false
    /// Requests that left during the last perform (libcurl's own re-sends included; with the
    /// pre-request callback, requests about to leave: see cshim_count_requests_into).
    private let sentCounter: UnsafeMutablePointer<Int>
    var requestsSent: Int { sentCounter.pointee }
    /// Whether libcurl closed the kept-alive connection's socket during a transfer. Connections
    /// keep it from the handle that made them, so it lives as long as the transport.
    private let closeWatch: UnsafeMutablePointer<cshim_socket_watch>
    /// How the current easy handle counts them.
    private var counting = CSHIM_COUNT_FAILED
    /// Counted with the pre-request callback (no CURLOPT_VERBOSE), for tests.
    var countsBeforeEachRequest: Bool { counting == CSHIM_COUNT_PREREQ }
    var countsWithDebugCallback: Bool { counting == CSHIM_COUNT_DEBUG }
    /// The answer's body, filled by libcurl's write callback (one sink for every request).
    private let sink = ResponseSink(limit: Defaults.maxResponseBytes)
    /// The request's header lines, written in place for each request.
    private let headerLines = HeaderLines()

    init?(options: TransportOptions) {
        guard CurlGlobal.initialize() == nil else { return nil }
        self.options = options
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        sentCounter = .allocate(capacity: 1)
        sentCounter.initialize(to: 0)
        closeWatch = .allocate(capacity: 1)
        closeWatch.initialize(to: cshim_socket_watch(watched: -1, closed: 0))
        // On failure deinit frees what was made (it runs: every property is initialised by now).
        guard replaceShare(), replaceHandle() else { return nil }
    }

    deinit {
        if let handle { cshim_easy_cleanup(handle) }  // first: a share in use cannot be freed
        if let share { cshim_share_cleanup(share) }
        cshim_url_cleanup(parsedURL)  // after the easy handle, which points at it
        errorBuffer.deallocate()
        sentCounter.deallocate()
        closeWatch.deallocate()  // after the share: closing its connections reports to it
    }

    /// A new share handle: the old one goes with every connection in it.
    private func replaceShare() -> Bool {
        if let handle {
            cshim_easy_cleanup(handle)
            self.handle = nil
        }
        if let share { cshim_share_cleanup(share) }
        sink.handle = nil
        idleSocket = -1
        share = cshim_share_init()
        guard let share else { return false }
        for data in [CURL_LOCK_DATA_CONNECT, CURL_LOCK_DATA_DNS, CURL_LOCK_DATA_SSL_SESSION] {
            // Connection sharing needs 7.57.0; without it the handle keeps its own connection,
            // which only loses the connection at each replacement.
            _ = cshim_share_setopt_long(share, CURLSHOPT_SHARE, Int(data.rawValue))
        }
        return true
    }

    /// A new easy handle with the fixed options, attached to the share.
    private func replaceHandle() -> Bool {
        if let handle { cshim_easy_cleanup(handle) }
        handle = cshim_easy_init()
        renewHandle = false
        urlOnHandle = nil
        guard let h = handle else { fixedOptionsOK = false; return false }
        var ok = true
        func setLong(_ o: CURLoption, _ v: Int) { if cshim_setopt_long(h, o, v) != CURLE_OK { ok = false } }
        func setString(_ o: CURLoption, _ v: String) {
            if v.withCString({ cshim_setopt_ptr(h, o, $0) }) != CURLE_OK { ok = false }  // libcurl copies strings
        }
        if cshim_setopt_ptr(h, CURLOPT_ERRORBUFFER, errorBuffer) != CURLE_OK { ok = false }
        if cshim_watch_closes(h, closeWatch) != CURLE_OK { ok = false }
        if let share { _ = cshim_setopt_ptr(h, CURLOPT_SHARE, share) }
        setLong(CURLOPT_NOSIGNAL, 1)
        setLong(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMs)
        setLong(CURLOPT_TIMEOUT_MS, options.totalTimeoutMs)
        setLong(CURLOPT_FOLLOWLOCATION, 0)
        // libcurl allocates its receive buffer (16 KiB by default) for every transfer and frees
        // it after, and the zero-on-free allocator zeroes all of it each time: 4 KiB still takes
        // the API's usual answers in one read (a longer one takes more reads, not more memory).
        setLong(CURLOPT_BUFFERSIZE, 4096)
        // Over TLS libcurl copies each request into an upload buffer (64 KiB by default), also
        // allocated, zeroed and freed per transfer: 16 KiB is its least (7.62.0; older libcurl
        // refuses the option and keeps its default).
        _ = cshim_setopt_long(h, CURLOPT_UPLOAD_BUFFERSIZE, 16_384)
        setString(CURLOPT_PROTOCOLS_STR, "http,https")
        setString(CURLOPT_USERAGENT, options.userAgent)
        setLong(CURLOPT_SSL_VERIFYPEER, options.verifyTLS ? 1 : 0)
        setLong(CURLOPT_SSL_VERIFYHOST, options.verifyTLS ? 2 : 0)
        if let ca = options.caFile { setString(CURLOPT_CAINFO, ca) }
        // "" disables proxies, including http_proxy/https_proxy from the environment: the header
        // promises that no proxy is used unless flx_config_set_proxy names one.
        setString(CURLOPT_PROXY, options.proxy ?? "")
        if cshim_setopt_write(h, responseWriteCallback) != CURLE_OK { ok = false }
        // The sink lives as long as this transport, which cleans the handle up first.
        sink.handle = h
        if cshim_setopt_ptr(h, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()) != CURLE_OK { ok = false }
        counting = cshim_count_requests_into(h, sentCounter, options.countWithDebugCallback ? 1 : 0)
        if counting == CSHIM_COUNT_FAILED { ok = false }
        // Set explicitly rather than left to the libcurl default, which changed over versions.
        let version = options.httpVersion == .http2OverTLS && CurlFeatures.http2
            ? Int(CURL_HTTP_VERSION_2TLS) : Int(CURL_HTTP_VERSION_1_1)
        setLong(CURLOPT_HTTP_VERSION, version)
        // Older libcurl lacks these: it then reuses by its own rules, and a stale connection is
        // still caught before use (connectionLooksClosed) or as "not delivered".
        if CurlFeatures.maxAge { setLong(CURLOPT_MAXAGE_CONN, max(options.maxIdleSeconds, 1)) }
        if CurlFeatures.maxLifetime && options.maxLifetimeSeconds > 0 {
            setLong(CURLOPT_MAXLIFETIME_CONN, options.maxLifetimeSeconds)
        }
        fixedOptionsOK = ok
        return true
    }

    /// Whether the kept-alive HTTP/1.x connection has something to read or has hung up while idle.
    /// Between requests such a server sends nothing unless it is closing (FIN or TLS
    /// close_notify); libcurl 7.88 takes a pending close_notify for "alive" and sends on it.
    private func connectionLooksClosed() -> Bool {
        guard idleSocket >= 0, idleSocketIsHTTP1 else { return false }
        var p = pollfd(fd: idleSocket, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) > 0  // readable, hung up, error, or no longer a descriptor
    }

    /// The kept-alive connection's socket as the transport knows it (for tests), and as libcurl
    /// reports it (CURLINFO_ACTIVESOCKET); -1 when there is none.
    var knownIdleSocket: Int32 { idleSocket }
    func idleSocketFromLibcurl() -> Int32 {
        var socket: curl_socket_t = -1
        guard let handle, cshim_getinfo_socket(handle, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK else { return -1 }
        return socket
    }

    /// Drops every kept-alive connection: the next request opens a new one.
    func discardConnections() {
        _ = replaceShare()
        _ = replaceHandle()
    }

    /// Hands `url` to libcurl parsed as well as as text (CURLOPT_CURLU overrides CURLOPT_URL;
    /// the text stays what libcurl reports). When it cannot be parsed here, or libcurl has no
    /// URL API, libcurl parses the text itself, as before, and fails the same way.
    private func setParsedURL(_ url: String, on handle: UnsafeMutableRawPointer) {
        if parsedURL == nil { parsedURL = cshim_url_new() }
        var parsed = false
        if let u = parsedURL { parsed = url.withCString { cshim_url_parse(u, $0) } == 1 }
        // A libcurl older than 7.63 refuses the option: it had none to clear.
        _ = cshim_setopt_ptr(handle, CURLOPT_CURLU, parsed ? UnsafeRawPointer(parsedURL) : nil)
    }

    /// Sends one request. `freshConnection`: drop kept-alive connections first.
    func perform(_ request: HTTPRequest, freshConnection: Bool = false) -> Result<HTTPResponse, TransportFailure> {
        // A connection the server has started closing is never used (see connectionLooksClosed).
        // A request that must go on a new connection drops the old ones rather than leaving them
        // cached beside it: the session keeps at most one, the one the close check watches.
        if freshConnection || request.sendAtMostOnce || connectionLooksClosed() {
            discardConnections()
        } else if renewHandle || handle == nil {
            _ = replaceHandle()
        }
        guard let handle else {
            return .failure(TransportFailure(code: .outOfMemory, detail: "libcurl could not create a handle",
                                             requestMayHaveBeenSent: false, notDelivered: true))
        }
        // Whether this request goes out on a connection that has served an earlier one.
        let mayReuse = idleSocket >= 0 && !request.sendAtMostOnce
        let knownSocket = idleSocket
        closeWatch.pointee = cshim_socket_watch(watched: knownSocket, closed: 0)
        idleSocket = -1
        let headerList = headerLines.build(request.headers, expectNothing: request.method == .post)
        // The lines hold the bearer token: zeroed once libcurl is done with them (libcurl's own
        // copy, in its request buffer, is zeroed when freed).
        defer {
            _ = cshim_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
            headerLines.clear()
        }
        // An answer not handed on (a failure) goes at once: freeing zeroes it.
        defer { sink.reset() }

        var setupOK = fixedOptionsOK
        func setLong(_ o: CURLoption, _ v: Int) { if cshim_setopt_long(handle, o, v) != CURLE_OK { setupOK = false } }
        func setString(_ o: CURLoption, _ v: String) {
            let rc = v.withCString { cshim_setopt_ptr(handle, o, $0) }  // libcurl copies strings
            if rc != CURLE_OK { setupOK = false }
        }

        errorBuffer[0] = 0
        sentCounter.pointee = 0
        if request.url != urlOnHandle {
            setString(CURLOPT_URL, request.url)
            setParsedURL(request.url, on: handle)
            urlOnHandle = request.url
        }
        // Never 0 (libcurl: no limit); the call's deadline may leave less than the configured total.
        let totalMs = max(1, min(options.totalTimeoutMs, Int(clamping: request.timeoutMs ?? Int64.max)))
        setLong(CURLOPT_CONNECTTIMEOUT_MS, max(1, min(options.connectTimeoutMs, totalMs)))
        setLong(CURLOPT_TIMEOUT_MS, totalMs)
        // libcurl re-sends a request by itself when a reused connection dies before any answer;
        // a fresh connection rules that out for a request that must not be repeated (a call that
        // changes state without an idempotency key). Cost: one TCP (and TLS) handshake per such call.
        setLong(CURLOPT_FRESH_CONNECT, request.sendAtMostOnce ? 1 : 0)
        if cshim_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList) != CURLE_OK { setupOK = false }

        switch request.method {
        case .get:
            setLong(CURLOPT_HTTPGET, 1)
        case .post:
            setLong(CURLOPT_POST, 1)
            setLong(CURLOPT_POSTFIELDSIZE, request.body?.count ?? 0)
        }
        guard setupOK else {
            renewHandle = true
            urlOnHandle = nil
            return .failure(TransportFailure(code: .invalidArgument, detail: "libcurl rejected an option", requestMayHaveBeenSent: false, notDelivered: true))
        }

        // libcurl reads the caller's bytes in place for the transfer (no copy to scrub: the owner
        // of the request zeroes its body once sent). POSTFIELDSIZE says how many, so no NUL is
        // needed; an empty body still points at a real byte.
        var none: UInt8 = 0
        let rc: CURLcode = withUnsafePointer(to: &none) { empty in
            (request.body ?? []).withUnsafeBufferPointer { buf in
                if request.method == .post {
                    _ = cshim_setopt_ptr(handle, CURLOPT_POSTFIELDS, UnsafeRawPointer(buf.baseAddress ?? empty))
                }
                let rc = cshim_easy_perform(handle)
                // The body goes away with this closure: libcurl must not keep pointing at it.
                if request.method == .post { _ = cshim_setopt_ptr(handle, CURLOPT_POSTFIELDS, nil) }
                return rc
            }
        }

        var connects = 0
        _ = cshim_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        // libcurl's per-handle count of its own retries only grows on transfers that connected.
        renewHandle = connects > 0 || rc != CURLE_OK
        if rc != CURLE_OK {
            if sink.overflowed {
                return .failure(TransportFailure(code: .malformedResponse, detail: "response larger than \(Defaults.maxResponseBytes) bytes", requestMayHaveBeenSent: true))
            }
            return .failure(classify(rc, handle: handle, onReusedConnection: mayReuse && connects == 0))
        }
        if connects == 0 && knownSocket >= 0 {
            // The session keeps one connection, so a transfer that made none used the one whose
            // socket is known; it stays unless libcurl closed it (asking libcurl walks its
            // connection cache: 1.5k instructions a call).
            idleSocket = closeWatch.pointee.closed != 0 ? -1 : knownSocket
        } else {
            idleSocket = idleSocketFromLibcurl()
        }
        if connects > 0 {  // else the connection, and its version, are the last transfer's
            var version = 0
            _ = cshim_getinfo_long(handle, CURLINFO_HTTP_VERSION, &version)
            idleSocketIsHTTP1 = version == Int(CURL_HTTP_VERSION_1_0) || version == Int(CURL_HTTP_VERSION_1_1)
        }
        var status = 0
        _ = cshim_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, body: sink.take(), newConnection: connects > 0))
    }

    /// Why a transfer failed, and whether the request provably never reached the server
    /// (docs/errors.md, "Delivered or not").
    private func classify(_ rc: CURLcode, handle: UnsafeMutableRawPointer, onReusedConnection: Bool) -> TransportFailure {
        let detail: String = {
            let fromBuffer = errorBuffer[0] == 0 ? "" : String(cString: errorBuffer)
            return fromBuffer.isEmpty ? String(cString: cshim_easy_strerror(rc)) : fromBuffer
        }()
        switch rc {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
            return TransportFailure(code: .connect, detail: detail, requestMayHaveBeenSent: false, notDelivered: true)
        case CURLE_OPERATION_TIMEDOUT:
            // Timed out while connecting means nothing was sent; afterwards, it may have been. On a
            // reused connection there is no connect time: the bytes of request already written
            // tell (a money-moving POST timed out after sending is "outcome unknown").
            var connectTime = 0, requestBytes = 0
            _ = cshim_getinfo_long(handle, CURLINFO_CONNECT_TIME_T, &connectTime)
            _ = cshim_getinfo_long(handle, CURLINFO_REQUEST_SIZE, &requestBytes)
            return TransportFailure(code: .timeout, detail: detail, requestMayHaveBeenSent: connectTime > 0 || requestBytes > 0 || requestsSent > 0)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_CLIENTCERT:
            return TransportFailure(code: .tls, detail: detail, requestMayHaveBeenSent: false, notDelivered: true)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            // Also what libcurl says when the answer has no HTTP status line ("HTTP/0.9"): by then
            // the request was written and may have been performed.
            if requestsSent > 0 {
                return TransportFailure(code: .transport, detail: detail, requestMayHaveBeenSent: true)
            }
            return TransportFailure(code: .invalidArgument, detail: detail, requestMayHaveBeenSent: false, notDelivered: true)
        case CURLE_OUT_OF_MEMORY:
            // libcurl reports an answer header over its limit (100 KiB) as out of memory: once
            // the request is written, that is a broken answer, not a shortage of memory here.
            var requestBytes = 0
            _ = cshim_getinfo_long(handle, CURLINFO_REQUEST_SIZE, &requestBytes)
            if requestBytes > 0 {
                return TransportFailure(code: .transport, detail: "the server's answer could not be read (header too large): " + detail,
                                        requestMayHaveBeenSent: true)
            }
            return TransportFailure(code: .outOfMemory, detail: detail, requestMayHaveBeenSent: true)
        default:
            // SEND_ERROR, RECV_ERROR, GOT_NOTHING, HTTP2, PARTIAL_FILE...: the server may have
            // acted, unless no byte of the request left libcurl (an incomplete request is never
            // acted on) or HTTP/2 said the stream was refused (RFC 9113 8.7: not processed).
            let sent = Self.exchangedBytes(handle)
            let refused = detail.containsText("REFUSED_STREAM")
            let nothingLeft = sent.request == 0 && sent.uploaded == 0 && requestsSent == 0
            let notDelivered = (nothingLeft && sent.received == 0) || (refused && sent.received == 0)
            var f = TransportFailure(code: .transport, detail: detail, requestMayHaveBeenSent: !notDelivered, notDelivered: notDelivered)
            f.staleConnection = onReusedConnection && sent.received == 0
            return f
        }
    }

    /// Bytes of the failed transfer: request (headers) written, body uploaded, answer received.
    private static func exchangedBytes(_ handle: UnsafeMutableRawPointer) -> (request: Int, uploaded: Int64, received: Int64) {
        var request = 0, headers = 0
        var uploaded: curl_off_t = 0, downloaded: curl_off_t = 0
        // A getinfo that fails leaves "something was exchanged" (the cautious reading).
        if cshim_getinfo_long(handle, CURLINFO_REQUEST_SIZE, &request) != CURLE_OK { request = 1 }
        if cshim_getinfo_off(handle, CURLINFO_SIZE_UPLOAD_T, &uploaded) != CURLE_OK { uploaded = 1 }
        if cshim_getinfo_long(handle, CURLINFO_HEADER_SIZE, &headers) != CURLE_OK { headers = 1 }
        if cshim_getinfo_off(handle, CURLINFO_SIZE_DOWNLOAD_T, &downloaded) != CURLE_OK { downloaded = 1 }
        return (request, Int64(uploaded), Int64(headers) + Int64(downloaded))
    }
}

/// Collects the body, refusing to grow past a limit (a hostile or broken server).
final class ResponseSink {
    private(set) var bytes: [UInt8] = []
    let limit: Int
    private(set) var overflowed = false
    /// The easy handle writing here, asked for the announced length.
    var handle: UnsafeMutableRawPointer?
    init(limit: Int) { self.limit = limit }

    func reset() {
        bytes = []
        overflowed = false
    }

    /// The body, leaving the sink empty.
    func take() -> [UInt8] {
        var body: [UInt8] = []
        swap(&body, &bytes)
        return body
    }

    /// Appends a piece; false when the answer would outgrow the limit.
    func append(_ data: UnsafeRawBufferPointer) -> Bool {
        guard data.count <= limit - bytes.count else {
            overflowed = true
            return false
        }
        // The first piece: room for the whole announced body at once, so a body that comes in
        // several pieces is not copied (and zeroed) at every growth.
        if bytes.capacity == 0, let handle {
            var length: curl_off_t = -1
            if cshim_getinfo_off(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK,
               length > data.count, length <= limit {
                bytes.reserveCapacity(Int(length))
            }
        }
        bytes.append(contentsOf: data)
        return true
    }
}

private let responseWriteCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { data, size, count, user in
    guard let user, let data else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(user).takeUnretainedValue()
    let (n, overflow) = size.multipliedReportingOverflow(by: count)
    // 0 makes libcurl fail the transfer with CURLE_WRITE_ERROR.
    guard !overflow, sink.append(UnsafeRawBufferPointer(start: data, count: n)) else { return 0 }
    return n
}

/// Loads libcurl (Sources/CCurl: at the first session, not with the library) and runs
/// curl_global_init, which is not thread-safe and must run once per process: lazily, under a lock.
enum CurlGlobal {
    private static let state = Locked(false)

    /// nil once libcurl is loaded and initialised; else why not (tried again at the next call).
    static func initialize() -> FlexitiError? {
        state.withLock { done in
            if done { return nil }
            let errorSize = 512
            let error = UnsafeMutablePointer<CChar>.allocate(capacity: errorSize)
            defer { error.deallocate() }
            error.initialize(repeating: 0, count: errorSize)
            guard flxcurl_load(error, errorSize) == 0 else {
                return FlexitiError(.transport, String(cString: error))
            }
            // libcurl's buffers (request, headers, answers) are zeroed when freed. If the host
            // initialised libcurl first, its allocator stays (docs/robustness.md).
            done = cshim_global_init_mem(Int(CURL_GLOBAL_DEFAULT), flxsm_malloc, flxsm_free, flxsm_realloc,
                                         flxsm_strdup, flxsm_calloc) == CURLE_OK
            return done ? nil : FlexitiError(.outOfMemory, "libcurl could not initialise (curl_global_init)")
        }
    }
}

/// Process-wide set-up, for flx_global_init: nil, or why libcurl could not be loaded or initialised.
package enum LibraryGlobal {
    package static func initialize() -> FlexitiError? { CurlGlobal.initialize() }
}
