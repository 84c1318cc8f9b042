#!/usr/bin/env python3
"""Writes a promtool rule-test file that parses every PromQL query of the Grafana dashboard.
Usage: promql_parse_test.py DASHBOARD.json OUT.test.yml   (then: promtool test rules OUT.test.yml)
Each query is wrapped as `(<query>) and on() (vector(0) == 1)` so it always returns nothing: the test
fails only when a query does not parse or is invalid. Grafana variables are replaced by match-all values."""
import json, sys

dash = json.load(open(sys.argv[1]))
exprs = []
def walk(panels):
    for p in panels:
        for t in p.get("targets", []):
            exprs.append((p.get("title", "?"), t["expr"]))
        walk(p.get("panels", []))
walk(dash["panels"])
for v in dash.get("templating", {}).get("list", []):
    if v.get("type") == "query":
        q = v["query"]["query"] if isinstance(v["query"], dict) else v["query"]
        if q.startswith("label_values("):  # label_values(<selector>, label) -> the selector
            exprs.append(("variable " + v["name"], q[len("label_values("):q.rindex(",")]))
tests = [{"expr": "(" + e.replace("$colour", ".*") + ") and on() (vector(0) == 1)", "eval_time": "0m", "exp_samples": []}
         for _, e in exprs]
doc = {"rule_files": [], "evaluation_interval": "1m",
       "tests": [{"interval": "1m", "input_series": [], "promql_expr_test": tests}]}
json.dump(doc, open(sys.argv[2], "w"), indent=1)
print(f"{len(tests)} dashboard queries to parse")
