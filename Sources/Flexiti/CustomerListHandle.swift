import CFlexiti
import FlexitiCore

/// The object behind flx_customer_list: the matches of a search, each lent out as a
/// registered flx_customer that lives as long as the list.
final class CustomerListObject {
    let records: [CustomerObject]
    let pointers: [OpaquePointer?]
    init(_ customers: [Customer]) {
        records = customers.map { CustomerObject($0, borrowed: true) }
        pointers = records.map { Handles.register($0) }
    }
}

@c @implementation
public func flx_customer_search(_ session: OpaquePointer?, _ firstName: UnsafePointer<CChar>?, _ lastName: UnsafePointer<CChar>?,
                                _ dob: UnsafePointer<CChar>?, _ postalCode: UnsafePointer<CChar>?,
                                _ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    guard let s = sessionObject(session) else { return misuse("flx_session", err) }
    guard let out else { return fail(.invalidArgument("out is NULL"), err) }
    let first: String, last: String, birth: String, postal: String?
    switch (CInput.string(firstName, "first_name"), CInput.string(lastName, "last_name"), CInput.string(dob, "dob"),
            nullableString(postalCode, "postal_code")) {
    case let (.success(f), .success(l), .success(d), .success(p)): (first, last, birth, postal) = (f, l, d, p)
    case let (.failure(e), _, _, _), let (_, .failure(e), _, _), let (_, _, .failure(e), _), let (_, _, _, .failure(e)): return fail(e, err)
    }
    return deliver(s.searchCustomers(CustomerSearch(firstName: first, lastName: last, dob: birth, postalCode: postal)), to: out, err) { CustomerListObject($0) }
}

@c @implementation
public func flx_customer_list_free(_ list: OpaquePointer?) {
    guard let l = Handles.remove(list, as: CustomerListObject.self) else { return }
    for p in l.pointers { Handles.remove(p, as: CustomerObject.self) }
}

@c @implementation
public func flx_customer_list_count(_ list: OpaquePointer?) -> Int { Handles.get(list, as: CustomerListObject.self)?.pointers.count ?? 0 }

@c @implementation
public func flx_customer_list_at(_ list: OpaquePointer?, _ index: Int) -> OpaquePointer? {
    guard let l = Handles.get(list, as: CustomerListObject.self), index >= 0, index < l.pointers.count else { return nil }
    return l.pointers[index]
}
