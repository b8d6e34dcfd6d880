import CCurl
import CSecureMemory
import Glibc

/// Transport settings copied from the session configuration.
public struct TransportOptions: Sendable {
    public var connectTimeoutMs: Int = Defaults.connectTimeoutMs
    public var totalTimeoutMs: Int = Defaults.totalTimeoutMs
    public var caFile: String?
    public var proxy: String?
    public var userAgent: String = Defaults.userAgent
    public var verifyTLS: Bool = true
    public init() {}
}

/// One libcurl easy handle, reused for every request of a session so the TCP/TLS connection is
/// kept alive. Not thread-safe: the session serialises access.
final class CurlTransport {
    private let handle: UnsafeMutableRawPointer
    private let options: TransportOptions
    /// libcurl writes failure text here (it keeps the pointer, so it must not move).
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Options that never change are set once (benchmarked: resetting and setting them again on
    /// every request cost about as much as building the request).
    private let fixedOptionsOK: Bool
    /// Requests that left during the last perform (libcurl's own re-sends included).
    private let sentCounter: UnsafeMutablePointer<Int>
    var requestsSent: Int { sentCounter.pointee }

    init?(options: TransportOptions) {
        guard CurlGlobal.initialize(), let h = curl_easy_init() else { return nil }
        handle = h
        self.options = options
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        sentCounter = .allocate(capacity: 1)
        sentCounter.initialize(to: 0)
        var ok = true
        func setLong(_ o: CURLoption, _ v: Int) { if cshim_setopt_long(h, o, v) != CURLE_OK { ok = false } }
        func setString(_ o: CURLoption, _ v: String) {
            if v.withCString({ cshim_setopt_ptr(h, o, $0) }) != CURLE_OK { ok = false }  // libcurl copies strings
        }
        if cshim_setopt_ptr(h, CURLOPT_ERRORBUFFER, errorBuffer) != CURLE_OK { ok = false }
        setLong(CURLOPT_NOSIGNAL, 1)
        setLong(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMs)
        setLong(CURLOPT_TIMEOUT_MS, options.totalTimeoutMs)
        setLong(CURLOPT_FOLLOWLOCATION, 0)
        setString(CURLOPT_PROTOCOLS_STR, "http,https")
        setString(CURLOPT_USERAGENT, options.userAgent)
        setLong(CURLOPT_SSL_VERIFYPEER, options.verifyTLS ? 1 : 0)
        setLong(CURLOPT_SSL_VERIFYHOST, options.verifyTLS ? 2 : 0)
        if let ca = options.caFile { setString(CURLOPT_CAINFO, ca) }
        // "" disables proxies, including http_proxy/https_proxy from the environment: the header
        // promises that no proxy is used unless flx_config_set_proxy names one.
        setString(CURLOPT_PROXY, options.proxy ?? "")
        if cshim_setopt_write(h, responseWriteCallback) != CURLE_OK { ok = false }
        if cshim_count_requests_into(h, sentCounter) != CURLE_OK { ok = false }
        fixedOptionsOK = ok
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
        sentCounter.deallocate()
    }

    func perform(_ request: HTTPRequest) -> Result<HTTPResponse, TransportFailure> {
        let sink = ResponseSink(limit: Defaults.maxResponseBytes)
        let sinkPointer = Unmanaged.passRetained(sink)
        defer { sinkPointer.release() }

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            // The handle keeps pointers to the list and the sink: clear them before they go.
            _ = cshim_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
            _ = cshim_setopt_ptr(handle, CURLOPT_WRITEDATA, nil)
            // The headers hold the bearer token: zero libcurl's copies before freeing them.
            var node = headerList
            while let n = node {
                if let text = n.pointee.data { explicit_bzero(text, strlen(text)) }
                node = n.pointee.next
            }
            curl_slist_free_all(headerList)
        }
        for (name, value) in request.headers {
            headerList = appendHeader(headerList, name, value)
        }
        if request.method == .post {
            headerList = curl_slist_append(headerList, "Expect:")  // no 100-continue round trip
        }

        var setupOK = fixedOptionsOK
        func setLong(_ o: CURLoption, _ v: Int) { if cshim_setopt_long(handle, o, v) != CURLE_OK { setupOK = false } }
        func setString(_ o: CURLoption, _ v: String) {
            let rc = v.withCString { cshim_setopt_ptr(handle, o, $0) }  // libcurl copies strings
            if rc != CURLE_OK { setupOK = false }
        }

        errorBuffer[0] = 0
        sentCounter.pointee = 0
        setString(CURLOPT_URL, request.url)
        // Never 0 (libcurl: no limit); the call's deadline may leave less than the configured total.
        let totalMs = max(1, min(options.totalTimeoutMs, Int(clamping: request.timeoutMs ?? Int64.max)))
        setLong(CURLOPT_CONNECTTIMEOUT_MS, max(1, min(options.connectTimeoutMs, totalMs)))
        setLong(CURLOPT_TIMEOUT_MS, totalMs)
        // libcurl re-sends a request by itself when a reused connection dies before any answer;
        // a fresh connection rules that out for a request that must not be repeated (a call that
        // changes state without an idempotency key). Cost: one TCP (and TLS) handshake per such call.
        setLong(CURLOPT_FRESH_CONNECT, request.sendAtMostOnce ? 1 : 0)
        if cshim_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList) != CURLE_OK { setupOK = false }
        _ = cshim_setopt_ptr(handle, CURLOPT_WRITEDATA, sinkPointer.toOpaque())

        var bodyCopy: [CChar] = [0]  // never empty, so the pointer below is always real
        switch request.method {
        case .get:
            setLong(CURLOPT_HTTPGET, 1)
        case .post:
            bodyCopy = (request.body ?? []).map { CChar(bitPattern: $0) } + [0]
            setLong(CURLOPT_POST, 1)
            setLong(CURLOPT_POSTFIELDSIZE, bodyCopy.count - 1)
        }
        guard setupOK else {
            return .failure(TransportFailure(code: .invalidArgument, detail: "libcurl rejected an option", requestMayHaveBeenSent: false))
        }

        let rc: CURLcode = bodyCopy.withUnsafeBufferPointer { buf in
            if request.method == .post {
                // COPYPOSTFIELDS would copy too; pointing at our buffer for the duration is enough.
                _ = cshim_setopt_ptr(handle, CURLOPT_POSTFIELDS, buf.baseAddress)
            }
            let rc = curl_easy_perform(handle)
            // The body goes away with this closure: libcurl must not keep pointing at it.
            if request.method == .post { _ = cshim_setopt_ptr(handle, CURLOPT_POSTFIELDS, nil) }
            return rc
        }
        // Scrub the request body (it may hold a client secret or a security answer).
        bodyCopy.withUnsafeMutableBytes { raw in if let base = raw.baseAddress { explicit_bzero(base, raw.count) } }

        if rc != CURLE_OK {
            if sink.overflowed {
                return .failure(TransportFailure(code: .malformedResponse, detail: "response larger than \(Defaults.maxResponseBytes) bytes", requestMayHaveBeenSent: true))
            }
            return .failure(classify(rc))
        }
        var status = 0
        _ = cshim_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var connects = 0
        _ = cshim_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        return .success(HTTPResponse(status: status, body: sink.bytes, newConnection: connects > 0))
    }

    /// "name: value" straight into a C buffer (curl_slist_append copies it): no String concatenation.
    private func appendHeader(_ list: UnsafeMutablePointer<curl_slist>?, _ name: String, _ value: String) -> UnsafeMutablePointer<curl_slist>? {
        var name = name, value = value
        return name.withUTF8 { n in
            value.withUTF8 { v in
                let count = n.count + 2 + v.count + 1
                return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count) { buf -> UnsafeMutablePointer<curl_slist>? in
                    guard let base = buf.baseAddress else { return list }
                    let bytes = UnsafeMutableRawPointer(base)
                    if let p = n.baseAddress { bytes.copyMemory(from: p, byteCount: n.count) }
                    bytes.storeBytes(of: UInt8(ascii: ":"), toByteOffset: n.count, as: UInt8.self)
                    bytes.storeBytes(of: UInt8(ascii: " "), toByteOffset: n.count + 1, as: UInt8.self)
                    if let p = v.baseAddress { (bytes + n.count + 2).copyMemory(from: p, byteCount: v.count) }
                    bytes.storeBytes(of: 0, toByteOffset: count - 1, as: UInt8.self)
                    let appended = curl_slist_append(list, base)
                    explicit_bzero(base, count)  // it may hold the bearer token
                    return appended
                }
            }
        }
    }

    private func classify(_ rc: CURLcode) -> TransportFailure {
        let detail: String = {
            let fromBuffer = errorBuffer[0] == 0 ? "" : String(cString: errorBuffer)
            return fromBuffer.isEmpty ? String(cString: curl_easy_strerror(rc)) : fromBuffer
        }()
        switch rc {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
            return TransportFailure(code: .connect, detail: detail, requestMayHaveBeenSent: false)
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
            return TransportFailure(code: .tls, detail: detail, requestMayHaveBeenSent: false)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            // Also what libcurl says when the answer has no HTTP status line ("HTTP/0.9"): by then
            // the request was written and may have been performed.
            if requestsSent > 0 {
                return TransportFailure(code: .transport, detail: detail, requestMayHaveBeenSent: true)
            }
            return TransportFailure(code: .invalidArgument, detail: detail, requestMayHaveBeenSent: false)
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
            // SEND_ERROR, RECV_ERROR, GOT_NOTHING, PARTIAL_FILE...: the server may have acted.
            return TransportFailure(code: .transport, detail: detail, requestMayHaveBeenSent: true)
        }
    }
}

/// Collects the body, refusing to grow past a limit (a hostile or broken server).
final class ResponseSink {
    var bytes: [UInt8] = []
    let limit: Int
    var overflowed = false
    init(limit: Int) { self.limit = limit }
}

private let responseWriteCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { data, size, count, user in
    guard let user, let data else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(user).takeUnretainedValue()
    let (n, overflow) = size.multipliedReportingOverflow(by: count)
    guard !overflow, sink.bytes.count + n <= sink.limit else {
        sink.overflowed = true
        return 0  // makes libcurl fail the transfer with CURLE_WRITE_ERROR
    }
    data.withMemoryRebound(to: UInt8.self, capacity: n) {
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: n))
    }
    return n
}

/// curl_global_init is not thread-safe and must run once per process; this does it lazily under a lock.
enum CurlGlobal {
    private static let state = Locked(false)

    static func initialize() -> Bool {
        state.withLock { done in
            if done { return true }
            // libcurl's buffers (request, headers, answers) are zeroed when freed. If the host
            // initialised libcurl first, its allocator stays (docs/robustness.md).
            done = curl_global_init_mem(Int(CURL_GLOBAL_DEFAULT), flxsm_malloc, flxsm_free, flxsm_realloc,
                                        flxsm_strdup, flxsm_calloc) == CURLE_OK
            return done
        }
    }
}

/// Process-wide set-up, for flx_global_init.
public enum LibraryGlobal {
    public static func initialize() -> Bool { CurlGlobal.initialize() }
}
