/// One row of general_errors.tsv.
package struct GeneralErrorRow: Sendable, Equatable {
    package let status: Int
    package let error: String
    package let scenario: String
}

/// One row of endpoint_errors.tsv; `path` is the template after the version, e.g.
/// `/client-id/{client_id}/authorization/{authorizationId}/capture`.
package struct EndpointErrorRow: Sendable, Equatable {
    package let method: String
    package let path: String
    package let status: Int
    package let error: String
    package let scenario: String
}

/// One row of parameter_validations.tsv.
package struct ParameterRuleRow: Sendable, Equatable {
    package let param: String
    package let scenario: String
    package let type: String
}
