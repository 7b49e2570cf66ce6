"""One line from a schemathesis JSON run report: operations tested, cases, failures."""

import json
import sys


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    ops = report["operations"]
    cases = report["test_cases"]
    failures = report.get("failures", [])
    errors = report.get("errors", [])
    line = (
        f"{ops['tested']}/{ops['selected']} operations tested, "
        f"{cases['generated']} cases, "
        f"{sum(f['count'] for f in failures)} failures, "
        f"{sum(e['count'] for e in errors)} errors"
    )
    print(line)
    for failure in failures:
        print(f"    failure: {failure['title']} ×{failure['count']}: {', '.join(failure['operations'])}", file=sys.stderr)
    for error in errors:
        print(f"    error: {error['title']} ×{error['count']}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
