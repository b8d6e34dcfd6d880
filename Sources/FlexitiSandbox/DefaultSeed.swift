// Generated from sandbox/seed.json by sandbox/gen-default-seed.sh; a test checks they match.
let defaultSeedJSON = #"""
{
  "clients": [
    {
      "client_id": "flexitidemo",
      "client_secret": "flexitidemo-secret",
      "scopes": [
        "merchant",
        "customer"
      ],
      "provisioned": true,
      "note": "Full-featured merchant: every plan, pre-auth, merchant override, non-prime, consumer and business.",
      "merchant": {
        "merchant_id": 1001,
        "merchant_name": "Flexiti Demo Store",
        "pre_auth_allowed": true,
        "merchant_override_allowed": true,
        "accepts_nonprime": true,
        "regular_purchase_allowed": true,
        "accepted_account_types": [
          "consumer",
          "business"
        ],
        "external_location_ids": [
          "00-12345",
          "00-67890"
        ],
        "employees": [
          {
            "external_employee_id": "12345-SMITH",
            "permissions": [
              "authorize",
              "capture",
              "release",
              "return",
              "refund",
              "transactions"
            ]
          },
          {
            "external_employee_id": "99999-TRAINEE",
            "permissions": []
          }
        ],
        "plans": [
          {
            "plan_id": 4,
            "plan_name": "EMP - Regular Interest",
            "offer_category": "equal_billing",
            "terms": [
              3,
              6,
              12,
              24
            ],
            "annual_rate": "0.2999",
            "prime_only": false,
            "region": "all"
          },
          {
            "plan_id": 7,
            "plan_name": "EMP - No Interest",
            "offer_category": "equal_billing",
            "terms": [
              6,
              12,
              18
            ],
            "annual_rate": "0.0000",
            "prime_only": true,
            "region": "all",
            "admin_fee": "49.99"
          },
          {
            "plan_id": 12,
            "plan_name": "DP - SAC Interest Accrues",
            "offer_category": "deferred",
            "terms": [
              6,
              12
            ],
            "annual_rate": "0.2999",
            "prime_only": false,
            "region": "roc"
          },
          {
            "plan_id": 13,
            "plan_name": "DP - SAC No Payments + No Interest Accrued",
            "offer_category": "deferred",
            "terms": [
              6,
              12
            ],
            "annual_rate": "0.0000",
            "prime_only": false,
            "region": "qc"
          }
        ]
      },
      "merchant_username": "store-manager",
      "merchant_password": "demo-password"
    },
    {
      "client_id": "flexitilimited",
      "client_secret": "flexitilimited-secret",
      "scopes": [
        "merchant",
        "customer"
      ],
      "provisioned": true,
      "note": "Restricted merchant: no pre-auth, no merchant override, no non-prime, no regular purchases, consumer accounts only, one plan, external location 10-00001; its customer-scope tokens only reach widget/init, apply, i18n, terms-and-conditions and driverslicense (403 elsewhere).",
      "merchant": {
        "merchant_id": 1002,
        "merchant_name": "Limited Furniture",
        "pre_auth_allowed": false,
        "merchant_override_allowed": false,
        "accepts_nonprime": false,
        "regular_purchase_allowed": false,
        "accepted_account_types": [
          "consumer"
        ],
        "external_location_ids": [
          "10-00001"
        ],
        "employees": [],
        "plans": [
          {
            "plan_id": 4,
            "plan_name": "EMP - Regular Interest",
            "offer_category": "equal_billing",
            "terms": [
              12
            ],
            "annual_rate": "0.2999",
            "prime_only": false,
            "region": "all"
          }
        ]
      },
      "customer_scope_endpoints": [
        "/widget/init",
        "/apply",
        "/i18n",
        "/terms-and-conditions",
        "/customers/driverslicense"
      ]
    },
    {
      "client_id": "flexitinoapi",
      "client_secret": "flexitinoapi-secret",
      "scopes": [
        "merchant",
        "customer"
      ],
      "provisioned": true,
      "api_access": false,
      "note": "Gets tokens, but the portal account is not provisioned for the POS API: every other endpoint answers 409 invalid_role.",
      "merchant": {
        "merchant_id": 1003,
        "merchant_name": "No API Access Ltd",
        "pre_auth_allowed": true,
        "merchant_override_allowed": true,
        "accepts_nonprime": true,
        "regular_purchase_allowed": true,
        "accepted_account_types": [
          "consumer",
          "business"
        ],
        "external_location_ids": [],
        "employees": [],
        "plans": []
      }
    },
    {
      "client_id": "flexitiunprovisioned",
      "client_secret": "flexitiunprovisioned-secret",
      "scopes": [
        "merchant",
        "customer"
      ],
      "provisioned": false,
      "note": "Portal account not provisioned: POST /oauth/token answers 409 invalid_role.",
      "merchant": {
        "merchant_id": 1004,
        "merchant_name": "Unprovisioned Inc",
        "pre_auth_allowed": false,
        "merchant_override_allowed": false,
        "accepts_nonprime": false,
        "regular_purchase_allowed": false,
        "accepted_account_types": [],
        "external_location_ids": [],
        "employees": [],
        "plans": []
      }
    }
  ],
  "accounts": [
    {
      "account_number": 116994755,
      "customer_id": "123321",
      "first_name": "Flexiti",
      "last_name": "MITester",
      "dob": "1985-03-14",
      "account_status": "N",
      "account_status_reason_code": "NNOR",
      "activated": true,
      "risk_rating": "L",
      "province": "ON",
      "account_type": "consumer",
      "credit_limit": "15000.00",
      "available_credit": "14000.00",
      "security_qid": 4,
      "security_answer": "buddy",
      "piw": "maple",
      "phone_number": "4165550100",
      "email": "flexiti.mitester@example.com",
      "address_1": "100 King St W",
      "address_2": "",
      "city": "Toronto",
      "postal_code": "M5X1A9",
      "payment_protection": false,
      "preferred_language": "en-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210367982"
        }
      ],
      "note": "Happy path: normal prime consumer in Ontario."
    },
    {
      "account_number": 116994756,
      "customer_id": "223344",
      "first_name": "Marie",
      "last_name": "Tremblay",
      "dob": "1979-11-02",
      "account_status": "N",
      "account_status_reason_code": "NNOR",
      "activated": true,
      "risk_rating": "M",
      "province": "QC",
      "account_type": "consumer",
      "credit_limit": "5000.00",
      "available_credit": "5000.00",
      "security_qid": 7,
      "security_answer": "rue principale",
      "phone_number": "5145550101",
      "email": "marie.tremblay@example.com",
      "address_1": "1200 Rue Sainte-Catherine",
      "address_2": "",
      "city": "Montreal",
      "postal_code": "H3B1K9",
      "payment_protection": false,
      "preferred_language": "fr-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210360001"
        }
      ],
      "note": "Quebec consumer: QC-only plans, /close."
    },
    {
      "account_number": 116994757,
      "customer_id": "334455",
      "first_name": "Alex",
      "last_name": "Missedpayment",
      "dob": "1990-01-20",
      "account_status": "A",
      "account_status_reason_code": "AAUT",
      "activated": true,
      "risk_rating": "H",
      "province": "ON",
      "account_type": "consumer",
      "credit_limit": "3000.00",
      "available_credit": "1200.00",
      "security_qid": 5,
      "security_answer": "japan",
      "phone_number": "4165550102",
      "email": "alex.a@example.com",
      "address_1": "5 Queen St",
      "address_2": "",
      "city": "Ottawa",
      "postal_code": "K1P5J2",
      "payment_protection": false,
      "preferred_language": "en-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210360002"
        }
      ],
      "note": "Status A (auth prohibited): user_not_able_to_purchase."
    },
    {
      "account_number": 116994758,
      "customer_id": "445566",
      "first_name": "Frida",
      "last_name": "Frozen",
      "dob": "1982-05-05",
      "account_status": "F",
      "account_status_reason_code": "FFRD",
      "activated": true,
      "risk_rating": "M",
      "province": "AB",
      "account_type": "consumer",
      "credit_limit": "4000.00",
      "available_credit": "4000.00",
      "security_qid": 6,
      "security_answer": "u2",
      "phone_number": "4035550103",
      "email": "frida.f@example.com",
      "address_1": "9 Jasper Ave",
      "address_2": "",
      "city": "Edmonton",
      "postal_code": "T5J0N3",
      "payment_protection": false,
      "preferred_language": "en-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210360003"
        }
      ],
      "note": "Status F (frozen, fraud)."
    },
    {
      "account_number": 116994759,
      "customer_id": "556677",
      "first_name": "Zed",
      "last_name": "Chargedoff",
      "dob": "1975-07-07",
      "account_status": "Z",
      "account_status_reason_code": "ZCCO",
      "activated": true,
      "risk_rating": "Z",
      "province": "BC",
      "account_type": "consumer",
      "credit_limit": "2000.00",
      "available_credit": "0.00",
      "security_qid": 8,
      "security_answer": "smith",
      "phone_number": "6045550104",
      "email": "zed.z@example.com",
      "address_1": "77 Granville St",
      "address_2": "",
      "city": "Vancouver",
      "postal_code": "V6C1T2",
      "payment_protection": false,
      "preferred_language": "en-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210360004"
        }
      ],
      "note": "Status Z (charged off)."
    },
    {
      "account_number": 116994760,
      "customer_id": "667788",
      "first_name": "Cora",
      "last_name": "Closed",
      "dob": "1968-09-09",
      "account_status": "C",
      "account_status_reason_code": "FCLC",
      "activated": true,
      "risk_rating": "N",
      "province": "MB",
      "account_type": "consumer",
      "credit_limit": "1000.00",
      "available_credit": "1000.00",
      "security_qid": 9,
      "security_answer": "casablanca",
      "phone_number": "2045550105",
      "email": "cora.c@example.com",
      "address_1": "1 Portage Ave",
      "address_2": "",
      "city": "Winnipeg",
      "postal_code": "R3B2B9",
      "payment_protection": false,
      "preferred_language": "en-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210360005"
        }
      ],
      "note": "Status C (closed). Reason code FCLC: the documented list has no C* codes."
    },
    {
      "account_number": 116994761,
      "customer_id": "778899",
      "first_name": "Ivan",
      "last_name": "Inactive",
      "dob": "1995-02-28",
      "account_status": "N",
      "account_status_reason_code": "NNOR",
      "activated": false,
      "risk_rating": "M",
      "province": "ON",
      "account_type": "consumer",
      "credit_limit": "2500.00",
      "available_credit": "2500.00",
      "security_qid": 4,
      "security_answer": "sam",
      "phone_number": "4165550106",
      "email": "ivan.i@example.com",
      "address_1": "3 Bay St",
      "address_2": "",
      "city": "Toronto",
      "postal_code": "M5J2R8",
      "payment_protection": false,
      "preferred_language": "en-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210360006"
        }
      ],
      "note": "Not activated: user_not_active."
    },
    {
      "account_number": 116994762,
      "customer_id": "7654321",
      "first_name": "Northwind",
      "last_name": "Renovations Inc",
      "dob": "1970-01-01",
      "account_status": "N",
      "account_status_reason_code": "NNOR",
      "activated": true,
      "risk_rating": "X",
      "province": "ON",
      "account_type": "business",
      "credit_limit": "50000.00",
      "available_credit": "45000.00",
      "security_qid": 7,
      "security_answer": "elm street",
      "phone_number": "9055550107",
      "email": "ap@northwind.example.com",
      "address_1": "250 Industrial Pkwy",
      "address_2": "",
      "city": "Mississauga",
      "postal_code": "L5T2T1",
      "payment_protection": false,
      "preferred_language": "en-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210362001"
        },
        {
          "vcc_number": "1070015210362002",
          "authorized_user_id": "12345",
          "first_name": "Pat",
          "last_name": "Buyer"
        }
      ],
      "note": "Business account; VCC ...2002 is authorized user 12345 (customer_id 7654321-12345, masked email/phone)."
    },
    {
      "account_number": 116994763,
      "customer_id": "889900",
      "first_name": "Nina",
      "last_name": "Nonprime",
      "dob": "1992-12-12",
      "account_status": "N",
      "account_status_reason_code": "NNOR",
      "activated": true,
      "risk_rating": "Y",
      "province": "BC",
      "account_type": "consumer",
      "credit_limit": "2000.00",
      "available_credit": "2000.00",
      "security_qid": 5,
      "security_answer": "iceland",
      "phone_number": "6045550108",
      "email": "nina.n@example.com",
      "address_1": "12 Main St",
      "address_2": "",
      "city": "Victoria",
      "postal_code": "V8W1P6",
      "payment_protection": false,
      "preferred_language": "en-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210360008"
        }
      ],
      "note": "Non-prime (Y): prime-only plans unavailable; rejected by flexitilimited."
    },
    {
      "account_number": 116994764,
      "customer_id": "990011",
      "first_name": "Larry",
      "last_name": "Lowcredit",
      "dob": "1988-04-04",
      "account_status": "N",
      "account_status_reason_code": "NNOR",
      "activated": true,
      "risk_rating": "H",
      "province": "AB",
      "account_type": "consumer",
      "credit_limit": "1000.00",
      "available_credit": "50.00",
      "security_qid": 6,
      "security_answer": "metallica",
      "phone_number": "4035550109",
      "email": "larry.l@example.com",
      "address_1": "4 Stephen Ave",
      "address_2": "",
      "city": "Calgary",
      "postal_code": "T2P1J9",
      "payment_protection": false,
      "preferred_language": "en-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210360009"
        }
      ],
      "note": "Only $50.00 available: credit_exceeded / not_enough_credit."
    },
    {
      "account_number": 116994765,
      "customer_id": "101112",
      "first_name": "Nora",
      "last_name": "Nophone",
      "dob": "1980-08-08",
      "account_status": "N",
      "account_status_reason_code": "NNOR",
      "activated": true,
      "risk_rating": "X",
      "province": "NS",
      "account_type": "consumer",
      "credit_limit": "3000.00",
      "available_credit": "3000.00",
      "security_qid": 8,
      "security_answer": "jones",
      "phone_number": null,
      "email": "nora.n@example.com",
      "address_1": "1 Spring Garden Rd",
      "address_2": "",
      "city": "Halifax",
      "postal_code": "B3J3R4",
      "payment_protection": false,
      "preferred_language": "en-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210360010"
        }
      ],
      "note": "No phone on file: verify format=sms gives 400 sms_not_valid_phone."
    },
    {
      "account_number": 116994766,
      "customer_id": "121314",
      "first_name": "Gene",
      "last_name": "Ralerror",
      "dob": "1977-03-03",
      "account_status": "N",
      "account_status_reason_code": "NNOR",
      "activated": true,
      "risk_rating": "N",
      "province": "SK",
      "account_type": "consumer",
      "credit_limit": "3000.00",
      "available_credit": "3000.00",
      "security_qid": 9,
      "security_answer": "jaws",
      "phone_number": "3065550111",
      "email": "gene.r@example.com",
      "address_1": "8 Albert St",
      "address_2": "",
      "city": "Regina",
      "postal_code": "S4P3Y2",
      "payment_protection": false,
      "preferred_language": "en-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210360011"
        }
      ],
      "trigger": "general_error",
      "note": "Deterministic trigger: any operation on this account answers general_error (back-end failure)."
    },
    {
      "account_number": 116994767,
      "customer_id": "131415",
      "first_name": "Zoe",
      "last_name": "Zrisk",
      "dob": "1999-10-10",
      "account_status": "N",
      "account_status_reason_code": "NNOR",
      "activated": true,
      "risk_rating": "Z",
      "province": "NB",
      "account_type": "consumer",
      "credit_limit": "1500.00",
      "available_credit": "1500.00",
      "security_qid": 4,
      "security_answer": "kim",
      "phone_number": "5065550112",
      "email": "zoe.z@example.com",
      "address_1": "2 King St",
      "address_2": "",
      "city": "Saint John",
      "postal_code": "E2L1G4",
      "payment_protection": false,
      "preferred_language": "fr-CA",
      "tos_agreement": true,
      "creation_date": "2021-06-15",
      "originating_merchant_id": 1001,
      "originating_merchant_name": "Flexiti Demo Store",
      "vccs": [
        {
          "vcc_number": "1070015210360012"
        }
      ],
      "note": "Non-prime (Z), French-speaking, New Brunswick."
    }
  ],
  "authorizations": [
    {
      "authorization_id": 1000000000000001,
      "client_id": "flexitidemo",
      "account_number": 116994755,
      "transaction_type": "promotional_purchase",
      "plan_id": 4,
      "term": 12,
      "amount": "1200.00",
      "remaining_amount": "0.00",
      "authorization_status": "closed",
      "reference": "SEED-OLD-PROMO",
      "created_days_ago": 120,
      "captures": [
        {
          "capture_id": 100000001,
          "amount": "1200.00",
          "remaining_amount": "1200.00",
          "created_days_ago": 120
        }
      ],
      "note": "Fully captured 120 days ago: return gives return_date_exceeded; capture/release give authorization_ended."
    },
    {
      "authorization_id": 1000000000000002,
      "client_id": "flexitidemo",
      "account_number": 116994755,
      "transaction_type": "promotional_purchase",
      "plan_id": 4,
      "term": 12,
      "amount": "500.00",
      "remaining_amount": "500.00",
      "authorization_status": "unauthorized",
      "reference": "SEED-UNAUTHORIZED",
      "created_days_ago": 1,
      "captures": [],
      "note": "Status unauthorized: capture gives not_permitted."
    },
    {
      "authorization_id": 1000000000000003,
      "client_id": "flexitidemo",
      "account_number": 116994755,
      "transaction_type": "promotional_purchase",
      "plan_id": 4,
      "term": 6,
      "amount": "300.00",
      "remaining_amount": "300.00",
      "authorization_status": "onhold",
      "reference": "SEED-ONHOLD",
      "created_days_ago": 1,
      "captures": [],
      "note": "Status onhold: capture gives not_permitted."
    },
    {
      "authorization_id": 1000000000000004,
      "client_id": "flexitidemo",
      "account_number": 116994755,
      "transaction_type": "regular_purchase",
      "amount": "200.00",
      "remaining_amount": "0.00",
      "authorization_status": "closed",
      "reference": "SEED-REGULAR",
      "created_days_ago": 5,
      "captures": [
        {
          "capture_id": 100000004,
          "amount": "200.00",
          "remaining_amount": "200.00",
          "created_days_ago": 5
        }
      ],
      "note": "Regular purchase capture: return gives wrong_transaction_type (use /refund)."
    },
    {
      "authorization_id": 1000000000000005,
      "client_id": "flexitidemo",
      "account_number": 116994762,
      "transaction_type": "promotional_purchase",
      "plan_id": 4,
      "term": 12,
      "amount": "1000.00",
      "remaining_amount": "1000.00",
      "authorization_status": "opened",
      "reference": "SEED-OPEN-BUSINESS",
      "created_days_ago": 2,
      "captures": [],
      "note": "Open pre-authorization on the business account."
    },
    {
      "authorization_id": 1000000000000006,
      "client_id": "flexitilimited",
      "account_number": 116994762,
      "transaction_type": "promotional_purchase",
      "plan_id": 4,
      "term": 12,
      "amount": "800.00",
      "remaining_amount": "0.00",
      "authorization_status": "closed",
      "reference": "SEED-LIMITED-BUSINESS",
      "created_days_ago": 3,
      "captures": [
        {
          "capture_id": 100000006,
          "amount": "800.00",
          "remaining_amount": "800.00",
          "created_days_ago": 3
        }
      ],
      "note": "Made before flexitilimited stopped serving business accounts: return gives account_type_not_permitted."
    },
    {
      "authorization_id": 1000000000000007,
      "client_id": "flexitidemo",
      "account_number": 116994766,
      "transaction_type": "promotional_purchase",
      "plan_id": 4,
      "term": 12,
      "amount": "400.00",
      "remaining_amount": "400.00",
      "authorization_status": "opened",
      "reference": "SEED-GENERAL-ERROR",
      "created_days_ago": 1,
      "captures": [
        {
          "capture_id": 100000007,
          "amount": "100.00",
          "remaining_amount": "100.00",
          "created_days_ago": 1
        }
      ],
      "note": "On the general_error trigger account: every operation on it answers general_error / generic_error."
    }
  ],
  "security_questions": [
    {
      "id": 4,
      "en": "What is the name of your favourite childhood friend?",
      "fr": "Quel est le nom de votre ami d'enfance préféré?"
    },
    {
      "id": 5,
      "en": "In what country is your ultimate dream vacation?",
      "fr": "Dans quel pays se trouve la destination de vos vacances de rêve?"
    },
    {
      "id": 6,
      "en": "What was the first concert you attended?",
      "fr": "Quel est le premier concert auquel vous avez assisté?"
    },
    {
      "id": 7,
      "en": "What is the name of the street you grew up on?",
      "fr": "Quel est le nom de la rue où vous avez grandi?"
    },
    {
      "id": 8,
      "en": "What was the name of your first-grade teacher?",
      "fr": "Quel était le nom de votre enseignant de première année?"
    },
    {
      "id": 9,
      "en": "What is your favourite movie?",
      "fr": "Quel est votre film préféré?"
    }
  ]
}
"""#
