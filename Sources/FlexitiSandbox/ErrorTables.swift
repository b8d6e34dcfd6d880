// The documented error tables, verbatim (../shared/flexiti/*.tsv). Every error the sandbox
// answers takes its status and default message from here; a test checks the copies are exact.

enum ErrorTables {
    static let endpointErrorsTSV = #"""
method	path	http_status	error	scenario
POST	/oauth/token	400	invalid_client	Wrong or missing client id or client_secret
POST	/oauth/token	400	invalid_request	Invalid or missing grant_type parameter
POST	/oauth/token	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/oauth/token	409	wrong_inputs	Invalid parameter
GET	/client-id/{client_id}/i18n	409	general_error	A generic error covering back-end process issues
GET	/client-id/{client_id}/i18n	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
GET	/client-id/{client_id}/i18n	409	wrong_inputs	Invalid parameter
POST	/client-id/{client_id}/widget/init	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/client-id/{client_id}/widget/init	409	general_error	A generic error covering back-end process issues
POST	/client-id/{client_id}/widget/init	409	wrong_inputs	Invalid parameter
POST	/client-id/{client_id}/apply	400	general_error	A generic error covering back-end process issues
POST	/client-id/{client_id}/apply	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/client-id/{client_id}/apply	409	application_create_error	There was an error creating the Credit Application due to a 3rd party timeout
POST	/client-id/{client_id}/apply	409	tos_agreement_required	Terms and Conditions missing or not agreed
POST	/client-id/{client_id}/apply	409	customer_already_exists	Customer applying already has an account
POST	/client-id/{client_id}/apply	409	not_verified	For the online channel, the /apply payload contains different personal information than the /init payload using the same token, or incorrect widget_session_id
POST	/client-id/{client_id}/apply	409	external_location_id_not_found	The external location ID being passed is not registered with Flexiti
POST	/client-id/{client_id}/apply	409	account_type_not_permitted	The merchant is not able to support applications for this account type.
POST	/client-id/{client_id}/apply	409	wrong_inputs	Invalid parameter
GET	/client-id/{client_id}/customers/lookup	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
GET	/client-id/{client_id}/customers/lookup	404	not_found	Customer Account not found
GET	/client-id/{client_id}/customers/lookup	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
GET	/client-id/{client_id}/customers/lookup	409	user_not_able_to_purchase	Customer account status different to normal (NNOR)
GET	/client-id/{client_id}/customers/lookup	409	user_not_active	Customer Account is not activated
GET	/client-id/{client_id}/customers/lookup	409	merchant_not_support_nonprime_regularpurchase	Customer is non-prime and the Merchant does not accept non-prime or have the appropriate plans.
GET	/client-id/{client_id}/customers/lookup	409	wrong_inputs	Invalid parameter
GET	/client-id/{client_id}/customers/search	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
GET	/client-id/{client_id}/customers/search	404	not_found	Customer Account not found
GET	/client-id/{client_id}/customers/search	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
GET	/client-id/{client_id}/customers/search	409	wrong_inputs	Invalid parameter
POST	/client-id/{client_id}/account/{account_number}/verify	400	sms_not_valid_phone	Phone number on file invalid/missing
POST	/client-id/{client_id}/account/{account_number}/verify	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
POST	/client-id/{client_id}/account/{account_number}/verify	404	not_found	Customer Account or VCC is not found
POST	/client-id/{client_id}/account/{account_number}/verify	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/client-id/{client_id}/account/{account_number}/verify	409	merchant_override_is_not_allowed	Merchant is not configured for Merchant Override
POST	/client-id/{client_id}/account/{account_number}/verify	409	regular_purchase_bypass_is_not_allowed	Customer does not qualify for a regular purchase bypass / Regular Purchase Bypass is not available in this channel
POST	/client-id/{client_id}/account/{account_number}/verify	409	piw_mismatch	Personal Identification word entered does not match what is on file for the customer
POST	/client-id/{client_id}/account/{account_number}/verify	409	secret_answer_mismatch	Security question answer does not match what is on file for the customer
POST	/client-id/{client_id}/account/{account_number}/verify	409	wrong_inputs	Invalid parameter
POST	/client-id/{client_id}/account/{account_number}/verify	409	tries_exceed	The wrong security answer has been attempted on this account more than three times in the last 48 hours.
POST	/client-id/{client_id}/accounts/{account_number}/close	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
POST	/client-id/{client_id}/accounts/{account_number}/close	404	not_found	Customer Account not found
POST	/client-id/{client_id}/accounts/{account_number}/close	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/client-id/{client_id}/accounts/{account_number}/calculate-interest	404	not_found	Customer Account not found
POST	/client-id/{client_id}/accounts/{account_number}/calculate-interest	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/client-id/{client_id}/accounts/{account_number}/calculate-interest	409	general_error	A generic error covering back-end process issues
POST	/client-id/{client_id}/accounts/{account_number}/calculate-interest	409	wrong_inputs	Invalid parameter
POST	/client-id/{client_id}/transactions	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
POST	/client-id/{client_id}/transactions	404	not_found	Customer Account, VCC, or transaction not found
POST	/client-id/{client_id}/transactions	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/client-id/{client_id}/transactions	409	general_error	A generic error covering back-end process issues
POST	/client-id/{client_id}/transactions	409	invalid_transaction_type	wrong value for transaction type in the request
POST	/client-id/{client_id}/transactions	409	wrong_verification_code	Verification code entered is incorrect
POST	/client-id/{client_id}/transactions	409	verification_code_required	Verification code is a required parameter.
POST	/client-id/{client_id}/transactions	409	user_not_active	Customer Account is not activated
POST	/client-id/{client_id}/transactions	409	user_not_able_to_purchase	Customer account status different to normal (NNOR)
POST	/client-id/{client_id}/transactions	409	limit_payment_amount_24	Payments made on the account exceed the $10,000/day limit
POST	/client-id/{client_id}/transactions	409	not_enough_credit	Customer does not have enough open to buy for transaction amount
POST	/client-id/{client_id}/transactions	409	not_verified	For in-store channel the request_id does not match the one passed in the /verify endpoint
POST	/client-id/{client_id}/transactions	409	external_location_id_not_found	The external location ID being passed is not registered with Flexiti
POST	/client-id/{client_id}/transactions	409	account_type_not_permitted	The merchant is not able to support this account type (open/closed loop scenarios)
POST	/client-id/{client_id}/transactions	409	vcc_account_mismatch	The vcc number being passed in the request does not belong to the account number.
POST	/client-id/{client_id}/transactions	409	wrong_inputs	Invalid parameter
POST	/client-id/{client_id}/authorization	404	not_found	Customer Account or VCC not found
POST	/client-id/{client_id}/authorization	404	customer_identity_not_found	the customer didn’t pass through the widget or was not authenticated properly
POST	/client-id/{client_id}/authorization	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/client-id/{client_id}/authorization	409	credit_exceeded	Amount requested plus interest is greater than the available credit of the customer account.
POST	/client-id/{client_id}/authorization	409	not_permitted	API credentials do not have sufficient permissions to perform an authorization
POST	/client-id/{client_id}/authorization	409	general_error	A generic error covering back-end process issues
POST	/client-id/{client_id}/authorization	409	auth_not_allowed	Merchant has not been configured for preauthorization
POST	/client-id/{client_id}/authorization	409	plan_term_not_set	Merchant has not been configured for the financing option (Plan and Term or Regular Purchase).
POST	/client-id/{client_id}/authorization	409	plan_term_not_available	Plan and Term for prime category for a non-prime customer. / Plan "DP - SAC Interest Accrues" for a QC customer. / Plan "DP - SAC No Payments + No Interest Accrued" for a ROC customer.
POST	/client-id/{client_id}/authorization	409	user_not_able_to_purchase	Customer account status different than normal (NNOR)
POST	/client-id/{client_id}/authorization	409	not_verified	For in-store channel the request_id does not match the one passed in the /verify endpoint / for online channel the widget_session_id does not match the one used on the /init endpoint
POST	/client-id/{client_id}/authorization	409	external_location_id_not_found	The external location ID being passed is not registered with Flexiti
POST	/client-id/{client_id}/authorization	409	account_type_not_permitted	The merchant is not able to support this account type (open/closed loop scenarios)
POST	/client-id/{client_id}/authorization	409	vcc_account_mismatch	The vcc number being passed in the request does not belong to the account number.
POST	/client-id/{client_id}/authorization	409	wrong_inputs	Invalid parameter
GET	/client-id/{client_id}/authorizations	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
GET	/client-id/{client_id}/authorizations	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
GET	/client-id/{client_id}/authorizations	409	general_error	A generic error covering back-end process issues
GET	/client-id/{client_id}/authorizations	409	date_from_bigger_than_date_to	The From date is later than the To date
GET	/client-id/{client_id}/authorizations	409	wrong_inputs	Invalid parameter
GET	/client-id/{client_id}/authorization/{authorizationId}	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
GET	/client-id/{client_id}/authorization/{authorizationId}	400	not_found	Authorization ID not found
GET	/client-id/{client_id}/authorization/{authorizationId}	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
GET	/client-id/{client_id}/authorization/{authorizationId}	409	general_error	A generic error covering back-end process issues
GET	/client-id/{client_id}/authorization/{authorizationId}	409	wrong_inputs	Invalid parameter
POST	/client-id/{client_id}/authorization/{authorizationId}/release	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
POST	/client-id/{client_id}/authorization/{authorizationId}/release	404	not_found	Authorization ID not found
POST	/client-id/{client_id}/authorization/{authorizationId}/release	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/client-id/{client_id}/authorization/{authorizationId}/release	409	generic_error	A generic error covering back-end process issues
POST	/client-id/{client_id}/authorization/{authorizationId}/release	409	authorization_ended	Credit authorization has “closed” status
POST	/client-id/{client_id}/authorization/{authorizationId}/release	409	auth_amount_exceeded	Release amount is greater than the remaining credit authorization amount.
POST	/client-id/{client_id}/authorization/{authorizationId}/release	409	not_permitted	The employee doesn’t have enough permissions to perform the release
POST	/client-id/{client_id}/authorization/{authorizationId}/release	409	external_location_id_not_found	The external location ID being passed is not registered with Flexiti
POST	/client-id/{client_id}/authorization/{authorizationId}/release	409	wrong_inputs	Invalid parameter
POST	/client-id/{client_id}/authorization/{authorizationId}/capture	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
POST	/client-id/{client_id}/authorization/{authorizationId}/capture	404	not_found	Authorization ID not found
POST	/client-id/{client_id}/authorization/{authorizationId}/capture	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/client-id/{client_id}/authorization/{authorizationId}/capture	409	general_error	A generic error covering back-end process issues
POST	/client-id/{client_id}/authorization/{authorizationId}/capture	409	authorization_ended	Credit authorization has “closed” status
POST	/client-id/{client_id}/authorization/{authorizationId}/capture	409	auth_amount_exceeded	Capture amount is greater than the remaining credit authorization amount.
POST	/client-id/{client_id}/authorization/{authorizationId}/capture	409	not_permitted	The employee doesn’t have enough permissions to perform the capture, or; / Credit authorization has “unauthorized” or “onhold” status
POST	/client-id/{client_id}/authorization/{authorizationId}/capture	409	external_location_id_not_found	The external location ID being passed is not registered with Flexiti
POST	/client-id/{client_id}/authorization/{authorizationId}/capture	409	wrong_inputs	Invalid parameter
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	404	not_found	Authorization ID, Capture ID, or VCC not found
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	409	general_error	A generic error covering back-end process issues
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	409	capture_amount_exceeded	Return amount is greater than the remaining captured amount.
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	409	return_date_exceeded	Capture creation date is more than 100 days old.
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	409	wrong_transaction_type	The capture is not related to a promotional purchase
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	409	not_permitted	The employee doesn’t have enough permissions to perform the return
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	409	external_location_id_not_found	The external location ID being passed is not registered with Flexiti
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	409	account_type_not_permitted	The merchant is not able to support this account type (open/closed loop scenarios)
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	409	vcc_account_mismatch	The vcc number being passed in the request does not belong to the account number.
POST	/client-id/{client_id}/authorization/{authorizationId}/capture/{captureId}/return	409	wrong_inputs	Invalid parameter
POST	/client-id/{client_id}/accounts/{account_number}/refund	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
POST	/client-id/{client_id}/accounts/{account_number}/refund	404	not_found	Customer Account, VCC, or Capture ID not found
POST	/client-id/{client_id}/accounts/{account_number}/refund	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
POST	/client-id/{client_id}/accounts/{account_number}/refund	409	general_error	A generic error covering back-end process issues
POST	/client-id/{client_id}/accounts/{account_number}/refund	409	refunds_limit_exceeded_amount	Refund amount exceeds account balance limit.
POST	/client-id/{client_id}/accounts/{account_number}/refund	409	external_location_id_not_found	The external location ID being passed is not registered with Flexiti
POST	/client-id/{client_id}/accounts/{account_number}/refund	409	account_type_not_permitted	The merchant is not able to support this account type (open/closed loop scenarios)
POST	/client-id/{client_id}/accounts/{account_number}/refund	409	vcc_account_mismatch	The vcc number being passed in the request does not belong to the account number.
POST	/client-id/{client_id}/accounts/{account_number}/refund	409	capture_amount_exceeded	Return amount is greater than the remaining captured amount.
POST	/client-id/{client_id}/accounts/{account_number}/refund	409	wrong_inputs	Invalid parameter
GET	/client-id/{client_id}/captures	403	Insufficient scope: authorized scope is insufficient	Scope of the token is not sufficient to access the endpoint
GET	/client-id/{client_id}/captures	409	invalid_role	The Developer Portal account being used is not provisioned for the API being accessed. Please contact Flexiti Implementation Support.
GET	/client-id/{client_id}/captures	409	general_error	A generic error covering back-end process issues
GET	/client-id/{client_id}/captures	409	date_from_bigger_than_date_to	The From date is later than the To date
GET	/client-id/{client_id}/captures	409	wrong_inputs	Invalid parameter
"""#

    static let generalErrorsTSV = #"""
http_status	error	scenario
400	invalid_account	Wrong account number (if requested)
400	invalid_client	Wrong or missing client id or client_secret
400	invalid_request	Invalid or missing grant_type parameter
400	not_found	Authorization ID not found
401	invalid_token	Wrong or expired access token.
401	Unauthorized	Wrong or missing Merchant authorization
404	not_found	Customer Account not found
404	customer_identity_not_found	The customer didn’t pass through the widget or was not authenticated properly
409	application_create_error	There was an error creating the Credit Application
409	application_declined	Customer application declined
409	application_declined_2	Customer application declined
409	application_declined_3	Customer application declined
409	application_marked_pending_1	Customer application pending
409	application_marked_pending_2	Customer application pending
409	auth_amount_exceeded	Capture amount is greater than the remaining credit authorization amount.
409	auth_not_allowed	Merchant has not configured pre-auth in Lexi.
409	authentication_failure	Missing or wrong Merchant authentication parameters
409	authorization_ended	Credit authorization has “closed” status
409	authorization_unauthorized	Credit authorization has “unauthorized” status
409	credit_exceeded	Amount requested plus fees is greater than the available credit of the customer account.
409	creditapp_id_not_found	Credit Application ID was not found
409	customer_already_exists	Customer applying already has an account
409	generic_error	A generic error covering backend process issues
409	invalid_transaction_type	wrong value for transaction type in the request
409	limit_payment_amount_24	Payments made on the account exceed the $10,000/day limit
409	merchant_override_is_not_allowed	Merchant is not configured for Merchant Override
409	not_enough_credit	Customer does not have enough open to buy for transaction amount
409	not_found	Customer Account number could not be found
409	not_permitted	The employee doesn’t have enough permissions to perform the capture
409	piw_mismatch	Personal Identification word entered does not match what is on file for the customer
409	plan_term_not_available	Plan and Term for prime category for a non-prime customer. / Plan "DP - SAC Interest Accrues" for a QC customer. / Plan "DP - SAC No Payments + No Interest Accrued" for a ROC customer.
409	plan_term_not_set	Merchant has not configured the financing option (Plan and Term or Regular Purchase) in Lexi.
409	refunds_limit_exceeded_amount	Refund amount exceeds account limit
409	secret_answer_mismatch	Security question answer does not match what is on file for the customer
409	tos_agreement_required	Terms and Conditions missing or not agreed
409	user_not_able_to_purchase	Customer account status different to normal (NNOR)
409	user_not_active	Customer Account is not activated
409	verification_code_required	Verification code is a required parameter.
409	wrong_transaction_type	The Capture is not related to a promotional purchase
409	wrong_verification_code	Verification code entered is incorrect
"""#

    static let parameterValidationsTSV = #"""
param	case	validation_type
account_number	Value zero or negative.	invalid
account_number	Value with decimals.	invalid
account_number	Value with higher precision	length
account_number	Not sent	required
account_number	Value different to a number.	type
address_1	Value with higher length	length
address_1	Value different to a string.	type
address_2	Value with higher length	length
address_2	Value different to a string.	type
amount	Value different to a number.	type
amount	Decimal point different to period.	invalid
amount	Value zero or negative.	invalid
amount	Value with higher precision and/or scale	length
amount_requested	Decimal point different to period.	invalid
amount_requested	Value zero or negative.	invalid
amount_requested	Value with higher precision and/or scale	length
amount_requested	Value different to a number.	type
authorization_id	Value different to a number	invalid
authorization_id	Not sent	required
auto_capture	Different to the available values.	invalid
bearer token	Value not started with "Bearer" followed by a space	invalid
bearer token	Token length different to 1000 characters	invalid
bearer token	Token not valid.	invalid
bearer token	Token expired.	invalid
bearer token	Not sent	required
capture_id	Client not valid.	invalid
capture_id	Not sent	required
city	Value with higher length	length
city	Not sent	required
city	Value different to a string.	type
client_id	Client ID not valid	invalid
client_id	Not sent	required
client_secret	Value with higher length	length
client_secret	Not sent	required
customer_id	Value zero or negative.	invalid
customer_id	Value with decimals.	invalid
customer_id	Value with higher precision	length
customer_id	Not sent	required
customer_id	Value different to a number.	type
date	Value with wrong format	invalid
dob	Value with wrong format	invalid
dob	Not sent	required
email	Value with wrong format	invalid
email	Not sent	required
employer_name	Value with wrong format	invalid
employer_phone	Value with wrong format	invalid
ending_date	Value with wrong format	invalid
first_name	Value with higher length	length
first_name	Not sent	required
first_name	Value different to a string.	type
full_release	Different to the available values.	invalid
full_return	Different to the available values.	invalid
govid_expiry	Value with wrong format	invalid
govid_expiry	Value with a date less than the current date	invalid
govid_expiry	Not sent	required
govid_issuedby	Different to the available values.	invalid
govid_issuedby	Not sent	required
govid_number	Value zero or negative.	invalid
govid_number	Value with decimals.	invalid
govid_number	Value with higher precision	length
govid_number	Not sent	required
govid_number	Value different to a number.	type
govid_type	Different to the available values.	invalid
govid_type	Not sent	required
grant_type	Different to the available values.	invalid
household_income	Value negative.	invalid
household_income	Value with higher precision	length
household_income	Not sent	required
household_income	Value different to a number.	type
housing_type	Different to the available values.	invalid
housing_type	Not sent	required
input_type	Different to the available values.	invalid
lang	Different to the available values.	invalid
last_name	Value with higher length	length
last_name	Value different to a string.	type
location_id	Value different to a number	invalid
merchant_id	Value different to a number	invalid
merchant_password	Not sent	required
merchant_password	Value different to a string.	type
merchant_password	Value with higher length	length
merchant_username	Value with higher length	length
merchant_username	Not sent	required
merchant_username	Value different to a string.	type
middle_name	Value with higher length	length
middle_name	Value different to a string.	type
monthly_housing_expenses	Value with higher precision	length
monthly_housing_expenses	Not sent	required
monthly_housing_expenses	Value different to a number.	type
occupation_id	Different to the available values.	invalid
occupation_id	Not sent	required
occupation_title	Value with higher length	length
occupation_title	Not sent	required
occupation_title	Value different to a string.	type
page_number	Not sent	required
page_number	Value different to a number.	type
page_size	Value different to a number.	type
personal_income	Value with higher precision	length
personal_income	Not sent	required
personal_income	Value different to a number.	type
phone_number	Value with higher precision	length
phone_number	Not sent	required
phone_number	Value different to a number.	type
piw	Value with higher length	length
piw	Not sent	required
piw	Value different to a string.	type
plan_id	Value zero or negative.	invalid
plan_id	Value with decimals.	invalid
plan_id	Value with higher precision	length
plan_id	Not sent	required
plan_id	Value different to a number.	type
postal_code	Value with higher length	length
postal_code	Value different to a string.	type
preferred_language	Different to the available values.	invalid
province	Different to the available values.	invalid
province	Value different to a string.	type
reference	Value with higher length	length
reference	Value different to a string.	type
salutation	Different to the available values.	invalid
salutation	Not sent	required
salutation	Value different to a string.	type
security_answer	Not sent	required
security_answer	Value different to a string.	type
security_answer	Value with higher length	length
security_qid	Value zero or negative.	invalid
security_qid	Value with decimals.	invalid
security_qid	Value with higher precision	length
security_qid	Not sent	required
security_qid	Value different to a number.	type
sin	Value zero or negative.	invalid
sin	Value with decimals.	invalid
sin	Value with higher precision	length
sin	Value different to a number.	type
term	Value zero or negative.	invalid
term	Value with decimals.	invalid
term	Value with higher precision	length
term	Not sent	required
term	Value different to a number.	type
tos_agreement	Different to the available values.	invalid
tos_agreement	Not sent	required
transaction_type	Different to the available values.	invalid
transaction_type	Not sent	required
vcc_number	Value zero or negative.	invalid
vcc_number	Value with decimals.	invalid
vcc_number	Value with higher precision	length
vcc_number	Value different to a number.	type
verification_code	Value zero or negative.	invalid
verification_code	Value with decimals.	invalid
verification_code	Value with higher precision	invalid
verification_code	Not sent	required
verification_code	Value different to a number.	type
"""#
}
