# Schemathesis hooks for test/contract-fuzz.test.ts (loaded through SCHEMATHESIS_HOOKS).
#
# Node's HTTP parser refuses a request line and headers over 16 KB before the API sees the request: it
# answers 431 and drops the connection, which the client, still sending, often sees as a reset. That is
# transport, not the contract, so generated path and query values are cut until the URL stays under
# 8 KB (a 20,000-character `ids` of non-ASCII characters percent-encodes to over 100 KB).
from urllib.parse import quote

import schemathesis

LIMIT = 8000


def _encoded(value):
    return len(quote(value if isinstance(value, str) else str(value), safe=""))


def _shorten(value):
    if isinstance(value, str):
        while value and _encoded(value) > LIMIT:
            value = value[: len(value) * LIMIT // _encoded(value) - 1]
        return value
    if isinstance(value, list):
        return [_shorten(v) for v in value[:100]]
    return value


@schemathesis.hook
def map_case(context, case):
    for container in (case.path_parameters, case.query):
        if container:
            for name, value in list(container.items()):
                if _encoded(value) > LIMIT:
                    container[name] = _shorten(value)
    return case
