#!/usr/bin/env python3
"""Checks a Marginalia export with the Python standard library alone.

    python3 check_export.py EXPORT [NATIVE_EXPORT]

EXPORT is a native, spaCy or doccano JSONL file or a Label Studio JSON array,
exported with the default offsets (Unicode code points). For every span it
asserts that text[start:end] is the span's text (native, Label Studio) or,
for spaCy and doccano (which carry no span text), that the slice is inside
the text and not empty and, given the NATIVE_EXPORT of the same documents,
that it equals the text of the native span with the same offsets and label.
Exits 0 when every span holds, 1 otherwise.
"""
import json
import sys


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def read_records(path):
    with open(path, encoding="utf-8") as f:
        content = f.read()
    if content.lstrip().startswith("["):
        return json.loads(content)
    # JSONL lines end with "\n" only: JSON leaves U+2028, U+0085 and the like unescaped inside strings
    return [json.loads(line) for line in content.split("\n") if line.strip()]


def check_slice(text, start, end, expected, where):
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        fail("%s: offsets %r..%r outside 0..%d" % (where, start, end, len(text)))
    if expected is None:
        if start == end:
            fail("%s: empty span %d..%d" % (where, start, end))
    elif text[start:end] != expected:
        fail("%s: text[%d:%d] is %r, the span says %r" % (where, start, end, text[start:end], expected))


def native_index(path):
    """(document id, start, end, label) -> span text, from a native export."""
    index = {}
    for record in read_records(path):
        if "manifest" in record:
            continue
        for span in record["spans"]:
            index[(record["id"], span["start"], span["end"], span["label"])] = span["text"]
    return index


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    records = read_records(argv[1])
    native = native_index(argv[2]) if len(argv) > 2 else None
    spans = 0
    for n, record in enumerate(records, 1):
        where = "record %d" % n
        if "manifest" in record:
            unit = record["manifest"]["offsets"]["unit"]
            if unit != "codepoint":
                fail("offsets are %s units; this check slices Python strings (code points)" % unit)
            continue
        if "data" in record and "annotations" in record:  # Label Studio task
            text = record["data"]["text"]
            for annotation in record["annotations"]:
                for result in annotation["result"]:
                    value = result["value"]
                    if result["type"] != "labels" or not value["labels"]:
                        fail("%s: result %s is not a labels result" % (where, result.get("id")))
                    check_slice(text, value["start"], value["end"], value["text"], where)
                    spans += 1
            continue
        text = record["text"]
        if "label" in record:  # doccano
            doc_id = record.get("document_id")
            triples = [(s, e, label) for s, e, label in record["label"]]
        elif "meta" in record and "spans" in record and "document_id" in record["meta"]:  # spaCy / Prodigy
            doc_id = record["meta"]["document_id"]
            triples = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
        else:  # native
            for span in record["spans"]:
                check_slice(text, span["start"], span["end"], span["text"], "%s span %s" % (where, span["id"]))
                spans += 1
            for grade in record.get("grades", []):
                target = grade["target"]
                if target != "outlet":
                    check_slice(text, target["start"], target["end"], target["text"], "%s grade %s" % (where, grade["id"]))
            for stance in record.get("stances", []):
                for evidence in stance["evidence"]:
                    check_slice(text, evidence["start"], evidence["end"], evidence["text"], "%s stance %s" % (where, stance["id"]))
            continue
        for start, end, label in triples:
            expected = None
            if native is not None:
                key = (doc_id, start, end, label)
                if key not in native:
                    fail("%s: no native span %r" % (where, key))
                expected = native[key]
            check_slice(text, start, end, expected, "%s %s" % (where, label))
            spans += 1
    print("ok: %d records, %d spans" % (len(records), spans))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
