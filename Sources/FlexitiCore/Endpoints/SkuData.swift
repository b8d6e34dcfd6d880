/// One line item of sku_data.
package struct SkuProduct: Sendable, Equatable {
    package var skuId: String, category: String, description: String
    package var quantity: Int64, unitPriceCents: Int64, extendedPriceCents: Int64
    package init(skuId: String, category: String, description: String, quantity: Int64, unitPriceCents: Int64, extendedPriceCents: Int64) {
        self.skuId = skuId; self.category = category; self.description = description
        self.quantity = quantity; self.unitPriceCents = unitPriceCents; self.extendedPriceCents = extendedPriceCents
    }
}

/// Optional line-item data printed on the customer's statement (Flexiti's API reference). Totals may be
/// negative (returns).
package struct SkuData: Sendable, Equatable {
    package var purchaseOrder: String?
    package var registerId: String?
    /// Totals by their API name (shipping_total, transaction_discount_total, ...), in cents.
    package var totals: [(String, Int64)] = []
    package var products: [SkuProduct] = []

    package init() {}

    package static func == (a: SkuData, b: SkuData) -> Bool {
        a.purchaseOrder == b.purchaseOrder && a.registerId == b.registerId && a.products == b.products
            && a.totals.count == b.totals.count && zip(a.totals, b.totals).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    package static let totalNames = ["shipping_total", "transaction_discount_total", "transaction_subtotal",
                                    "transaction_total", "gst_hst", "pst"]

    package mutating func setTotal(_ name: String, cents: Int64) {
        totals.removeAll { $0.0 == name }
        totals.append((name, cents))
    }

    /// sku_data as a JSON tree (`emit` describes it).
    package var json: JSONValue {
        var tree = BodyTree()
        emit(into: &tree)
        return tree.value
    }
}

