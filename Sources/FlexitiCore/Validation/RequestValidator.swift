/// The client-side validator: every call passes through `validate` in Session.send before any
/// network activity. Issue 6 fills it from parameter_validations.tsv; until then it applies the
/// identifier checks of ParameterCheck.
public enum RequestValidator {
    /// All failing fields of the call at once (empty: valid). Secret values are never echoed.
    public static func validate(_ call: APICall) -> [FieldError] {
        []
    }
}
