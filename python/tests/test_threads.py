"""Sessions from several Python threads: one shared Session (calls take turns) and one per
thread, with the log bridge running on every thread."""
import logging
import threading

from conftest import ACCOUNT


def test_shared_and_own_sessions_across_threads(make_session):
    shared = make_session()
    expected = shared.lookup_customer(account_number=ACCOUNT)
    results, failures = [], []
    records = []

    class Count(logging.Handler):
        def emit(self, record):
            records.append(record.threadName)

    logger = logging.getLogger("flexiti")
    handler, old_level = Count(logging.DEBUG), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)

    def work(own):
        try:
            s = own if own is not None else shared
            for _ in range(5):
                results.append(s.lookup_customer(account_number=ACCOUNT))
        except Exception as e:  # reported below
            failures.append(e)

    try:
        threads = [threading.Thread(target=work, args=(make_session() if i % 2 else None,), name=f"worker-{i}")
                   for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    assert failures == []
    assert len(results) == 30 and all(r == expected for r in results)
    # Every thread logged through the bridge (names, not idents: a finished thread's ident is reused).
    assert {f"worker-{i}" for i in range(6)} <= set(records)
    assert shared.stats().token_requests == 1
