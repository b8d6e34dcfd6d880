import CFlexiti
import FlexitiCore

/// flx_account_close and the objects behind flx_drivers_license, flx_i18n and flx_terms.

/// The licence and terms answers are both JSONAnswer; a model each keeps their handles apart.
struct DriversLicense: AnswerRecord { let json: JSONNode }
struct TermsAndConditions: AnswerRecord { let json: JSONNode }
typealias DriversLicenseObject = Record<DriversLicense>
typealias TermsObject = Record<TermsAndConditions>

/// i18n lists flattened once into (name, [(value, text)]) under the assumed shapes.
final class I18nObject {
    let lists: [(String, [(String, String)])]
    let strings = CStrings()

    init(_ a: JSONAnswer) {
        var out: [(String, [(String, String)])] = []
        // ASSUMPTION: the lists may sit under "form_values" as in merchants/login.
        let root = a.json["form_values"].flatMap { $0.isObject ? $0 : nil } ?? a.json
        root.forEachMember { name, v in
            if let entries = I18nObject.entries(v) { out.append((String(cString: name), entries)) }
            return true
        }
        lists = out
    }

    static func entries(_ v: JSONNode) -> [(String, String)]? {
        switch v.kind {
        case .array:
            return (v.arrayValue ?? []).map { item in
                if item.isObject {
                    let value = ["id", "value", "code", "key"].lazy.compactMap { item[$0]?.text }.first ?? ""
                    let text = ["text", "name", "label", "description"].lazy.compactMap { item[$0]?.text }.first ?? value
                    return (value, text)
                }
                let t = item.text ?? ""
                return (t, t)
            }
        case .object:
            var members: [(String, String)] = []
            v.forEachMember { k, value in members.append((String(cString: k), value.text ?? "")); return true }
            return members
        default:
            return nil
        }
    }
}

@c @implementation
public func flx_account_close(_ session: OpaquePointer?, _ accountNumber: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    switch CInput.string(accountNumber, "account_number").flatMap({ s.closeAccount(accountNumber: $0) }) {
    case let .failure(e): return fail(e, err)
    case .success: return FLX_OK_CODE
    }
}

@c @implementation
public func flx_drivers_license_decode(_ session: OpaquePointer?, _ code: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?,
                                       _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    return deliver(CInput.string(code, "code").flatMap({ s.decodeDriversLicense(code: $0) }), to: out, err) { DriversLicenseObject(DriversLicense(json: $0.json)) }
}

@c @implementation
public func flx_drivers_license_free(_ l: OpaquePointer?) { Handles.free(l, as: DriversLicenseObject.self) }


@c @implementation public func flx_drivers_license_first_name(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "first_name") }
@c @implementation public func flx_drivers_license_middle_name(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "middle_name") }
@c @implementation public func flx_drivers_license_last_name(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "last_name") }
@c @implementation public func flx_drivers_license_dob(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "dob") }
@c @implementation public func flx_drivers_license_address_1(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "address_1") }
@c @implementation public func flx_drivers_license_city(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "city") }
@c @implementation public func flx_drivers_license_province(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "province") }
@c @implementation public func flx_drivers_license_postal_code(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "postal_code") }
@c @implementation public func flx_drivers_license_govid_type(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "govid_type") }
@c @implementation public func flx_drivers_license_govid_issuedby(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "govid_issuedby") }
@c @implementation public func flx_drivers_license_govid_number(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "govid_number") }
@c @implementation public func flx_drivers_license_govid_expiry(_ l: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(l, DriversLicense.self, "govid_expiry") }

// MARK: i18n

@c @implementation
public func flx_i18n_get(_ session: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    return deliver(s.i18n(), to: out, err) { I18nObject($0) }
}

@c @implementation
public func flx_i18n_free(_ i: OpaquePointer?) { Handles.free(i, as: I18nObject.self) }

private func list(_ i: OpaquePointer?, _ l: Int) -> (I18nObject, (String, [(String, String)]))? {
    guard let o = Handles.get(i, as: I18nObject.self), l >= 0, l < o.lists.count else { return nil }
    return (o, o.lists[l])
}

private func entry(_ i: OpaquePointer?, _ l: Int, _ e: Int) -> (I18nObject, (String, String))? {
    guard let (o, (_, entries)) = list(i, l), e >= 0, e < entries.count else { return nil }
    return (o, entries[e])
}

@c @implementation public func flx_i18n_list_count(_ i: OpaquePointer?) -> Int { Handles.get(i, as: I18nObject.self)?.lists.count ?? 0 }
@c @implementation public func flx_i18n_list_name(_ i: OpaquePointer?, _ l: Int) -> UnsafePointer<CChar>? {
    guard let (o, (name, _)) = list(i, l) else { return nil }
    return o.strings.get("l.\(l)", name)
}
@c @implementation public func flx_i18n_entry_count(_ i: OpaquePointer?, _ l: Int) -> Int { list(i, l)?.1.1.count ?? 0 }
@c @implementation public func flx_i18n_entry_value(_ i: OpaquePointer?, _ l: Int, _ e: Int) -> UnsafePointer<CChar>? {
    guard let (o, (value, _)) = entry(i, l, e) else { return nil }
    return o.strings.get("l.\(l).e.\(e).v", value)
}
@c @implementation public func flx_i18n_entry_text(_ i: OpaquePointer?, _ l: Int, _ e: Int) -> UnsafePointer<CChar>? {
    guard let (o, (_, text)) = entry(i, l, e) else { return nil }
    return o.strings.get("l.\(l).e.\(e).t", text)
}

// MARK: terms and conditions

@c @implementation
public func flx_terms_get(_ session: OpaquePointer?, _ province: UnsafePointer<CChar>?, _ accountType: UnsafePointer<CChar>?,
                          _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    let p: String?, t: String?
    switch (nullableString(province, "province"), nullableString(accountType, "account_type")) {
    case let (.failure(e), _), let (_, .failure(e)): return fail(e, err)
    case let (.success(a), .success(b)): (p, t) = (a, b)
    }
    switch s.termsAndConditions(province: p, accountType: t) {
    case let .failure(e): return fail(e, err)
    case let .success(a):
        guard TermsAndConditions(json: a.json).text != nil else {
            return fail(FlexitiError(.malformedResponse, "terms-and-conditions answer has no text"), err)
        }
        out.pointee = Handles.register(TermsObject(TermsAndConditions(json: a.json)))
        return FLX_OK_CODE
    }
}

extension TermsAndConditions {
    /// ASSUMPTION: `terms_and_conditions`, else `terms`, `text` or `content`.
    var text: JSONNode? { ["terms_and_conditions", "terms", "text", "content"].lazy.compactMap { json[$0]?.withTextOnly }.first }
}

@c @implementation
public func flx_terms_free(_ t: OpaquePointer?) { Handles.free(t, as: TermsObject.self) }

@c @implementation
public func flx_terms_text(_ t: OpaquePointer?) -> UnsafePointer<CChar>? { RecordField.text(t, TermsAndConditions.self) { $0.text } }
