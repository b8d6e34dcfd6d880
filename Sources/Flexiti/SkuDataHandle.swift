import CFlexiti
import FlexitiCore

/// The object behind flx_sku_data.
final class SkuDataObject {
    var sku = SkuData()
}

private func withSku(_ p: OpaquePointer?, _ err: UnsafeMutablePointer<OpaquePointer?>?,
                     _ body: (SkuDataObject) -> FlexitiError?) -> flx_code {
    withLive(p, as: SkuDataObject.self, "flx_sku_data", err, body)
}

@c @implementation
public func flx_sku_data_new(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    create(out, err) { SkuDataObject() }
}

@c @implementation
public func flx_sku_data_free(_ sku: OpaquePointer?) { Handles.free(sku, as: SkuDataObject.self) }

@c @implementation
public func flx_sku_data_set_purchase_order(_ sku: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withSku(sku, err) { s in
        assignNullable(v, "purchase_order") { s.sku.purchaseOrder = $0 }
    }
}

@c @implementation
public func flx_sku_data_set_register_id(_ sku: OpaquePointer?, _ v: UnsafePointer<CChar>?, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withSku(sku, err) { s in
        assignNullable(v, "register_id") { s.sku.registerId = $0 }
    }
}

@c @implementation
public func flx_sku_data_set_total_cents(_ sku: OpaquePointer?, _ which: flx_sku_total, _ cents: Int64, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withSku(sku, err) { s in
        let index = Int(which.rawValue) - 1
        guard index >= 0, index < SkuData.totalNames.count else { return .invalidArgument("unknown sku total \(which.rawValue)") }
        s.sku.setTotal(SkuData.totalNames[index], cents: cents)
        return nil
    }
}

@c @implementation
public func flx_sku_data_add_product(_ sku: OpaquePointer?, _ skuId: UnsafePointer<CChar>?, _ category: UnsafePointer<CChar>?, _ description: UnsafePointer<CChar>?, _ quantity: Int64, _ unitPrice: Int64, _ extendedPrice: Int64, _ err: UnsafeMutablePointer<OpaquePointer?>?) -> flx_code {
    if let rc = errInUse(err) { return rc }
    return withSku(sku, err) { s in
        var texts: [String] = []
        for (p, name) in [(skuId, "sku_id"), (category, "category"), (description, "description")] {
            switch CInput.string(p, name) {
            case let .failure(e): return e
            case let .success(t): texts.append(t)
            }
        }
        s.sku.products.append(SkuProduct(skuId: texts[0], category: texts[1], description: texts[2], quantity: quantity,
                                          unitPriceCents: unitPrice, extendedPriceCents: extendedPrice))
        return nil
    }
}
