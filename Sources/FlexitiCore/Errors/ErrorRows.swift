/// One row of general_errors.tsv.
public struct GeneralErrorRow: Sendable, Equatable {
    public let status: Int
    public let error: String
    public let scenario: String
}

/// One row of endpoint_errors.tsv; `path` is the template after the version, e.g.
/// `/client-id/{client_id}/authorization/{authorizationId}/capture`.
public struct EndpointErrorRow: Sendable, Equatable {
    public let method: String
    public let path: String
    public let status: Int
    public let error: String
    public let scenario: String
}

/// One row of parameter_validations.tsv.
public struct ParameterRuleRow: Sendable, Equatable {
    public let param: String
    public let scenario: String
    public let type: String
}
