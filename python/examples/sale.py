"""An in-store sale, start to finish: find the customer, show the financing options, verify
them, authorize and capture. Run it against flexiti-sandbox:

    FLEXITI_BASE_URL=http://127.0.0.1:8080/flexiti/pos-api python3 sale.py
"""
import logging
import os
from decimal import Decimal

import flexiti

BASE_URL = os.environ.get("FLEXITI_BASE_URL", "http://127.0.0.1:8080/flexiti/pos-api")
ACCOUNT = "116994755"
PRICE = Decimal("1234.56")


def choose_term(options: flexiti.FinancingOptions, months: int) -> flexiti.Promotional:
    """The first promotional plan that offers this many months."""
    for plan in options.plans:
        for term in plan.terms:
            if term.months == months:
                print(f"{plan.plan_name}: {term.months} x {term.amount}; {[r.message for r in term.rates]}")
                return flexiti.Promotional(plan.plan_id, term.months)
    raise SystemExit(f"no plan offers {months} months")


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    print(f"flexiti {flexiti.__version__}, libflexiti {flexiti.library_version()} from {flexiti.library_path()}")
    with flexiti.Session("flexitidemo", "flexitidemo-secret", base_url=BASE_URL, timeout=30, max_retries=2) as s:
        customer = s.lookup_customer(account_number=ACCOUNT)
        print(f"{customer.first_name} {customer.last_name}: {customer.available_credit} available")
        financing = choose_term(s.calculate_interest(ACCOUNT, PRICE), 12)
        pin = s.verify(ACCOUNT, "merchant_override")           # in store: the PIN for this sale
        try:
            auth = s.authorize(PRICE, financing=financing, account_number=ACCOUNT, verification=pin,
                               auto_capture=True, reference="POS-0001", external_location_id="00-12345")
        except flexiti.OutcomeUnknownError as e:               # sent, no answer: retry with the same key
            auth = s.authorize(PRICE, financing=financing, account_number=ACCOUNT, verification=pin,
                               auto_capture=True, reference="POS-0001", external_location_id="00-12345",
                               idempotency_key=e.idempotency_key)
        capture = auth.captures[0]
        print(f"authorization {auth.id} {auth.status}: {auth.amount}, {auth.term} x {auth.term_amount}")
        print(f"capture {capture.id}: {capture.amount}")
        after = s.lookup_customer(account_number=ACCOUNT).available_credit
        assert after == customer.available_credit - PRICE, (after, customer.available_credit)
        print(f"sale complete; {after} available")


if __name__ == "__main__":
    main()
