#!/usr/bin/env python3
"""Measure the public surface from the PublicAPI files (the numbers of docs/api-review.md).

Run from the repository root:  python3 docs/api-review-stats.py [--records N] [--type NAME]

Reads src/*/PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt (the analyzer's own record of the surface) and, only to
tell a record from a class or struct and a positional record from a nominal one, the `record` declarations in
src/**/*.cs. Prints:
  1. entries per package and per namespace;
  2. how many entries the compiler writes for records (Deconstruct, <Clone>$, EqualityContract, PrintMembers,
     Equals(T), the object overrides, == and !=, the get/init accessors of positional parameters, the init setters
     of nominal records, the oblivious `~` duplicates the analyzer adds for record overrides);
  3. the records with the most positional parameters (counted from the out parameters of their Deconstruct);
  4. optionally every entry of one type (--type ComplaintSnapshot).
No third-party module: python3 only.
"""
import argparse
import collections
import glob
import os
import re
import sys

MODIFIERS = ("override", "sealed", "static", "abstract", "virtual", "const", "readonly", "new", "extern")


def package_of(path):
    return os.path.basename(os.path.dirname(path))


def entry_name(line):
    """The symbol name of an entry: no `~`, no modifiers, no signature, no return type, no enum value."""
    text = line.lstrip("~")
    words = text.split(" ")
    while words and words[0] in MODIFIERS:
        words = words[1:]
    text = " ".join(words)
    text = text.split(" -> ")[0]
    if " = " in text:  # enum member or constant value
        text = text.split(" = ")[0]
    depth = 0
    for i, ch in enumerate(text):  # cut at the first '(' outside generic brackets
        if ch == "<":
            depth += 1
        elif ch == ">":
            depth -= 1
        elif ch == "(" and depth == 0:
            return text[:i]
    return text


def read_entries(root):
    entries = []  # (package, raw line)
    for path in sorted(glob.glob(os.path.join(root, "src", "*", "PublicAPI.*.txt"))):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.strip()
                if line and not line.startswith("#"):
                    entries.append((package_of(path), line))
    return entries


def record_declarations(root):
    """Name (without generic arity) -> 'record class' | 'record struct', with positional True/False."""
    decl = re.compile(
        r"^\s*public\s+(?:(?:sealed|abstract|readonly|partial)\s+)*record\s+(struct\s+|class\s+)?"
        r"([A-Za-z_][A-Za-z0-9_]*)\s*(<[^>(]*>)?\s*(\()?")
    found = {}
    for path in glob.glob(os.path.join(root, "src", "**", "*.cs"), recursive=True):
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = decl.match(line)
                if m:
                    kind = "record struct" if (m.group(1) or "").strip() == "struct" else "record class"
                    found[m.group(2)] = (kind, m.group(4) is not None)
    return found


def split_top_level(signature):
    """Split a parameter list at the commas outside generic brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(signature):
        if ch == "<":
            depth += 1
        elif ch == ">":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(signature[start:i])
            start = i + 1
    parts.append(signature[start:])
    return [p for p in parts if p.strip()]


def short(type_name):
    return type_name.split("<")[0].rsplit(".", 1)[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--records", type=int, default=15, help="how many of the widest positional records to list")
    ap.add_argument("--type", help="print every entry of this type (simple name)")
    args = ap.parse_args()

    entries = read_entries(args.root)
    if not entries:
        sys.exit("no PublicAPI entries found under %s/src" % args.root)

    types = {entry_name(l) for _, l in entries if " -> " not in l}
    # namespace of a type: drop trailing segments while the prefix is itself a type (nested types)
    def namespace_of(t):
        parts = t.split(".")
        i = len(parts) - 1
        while i > 0 and ".".join(parts[:i]) in types:
            i -= 1
        return ".".join(parts[:i])

    def type_of(name):
        if name in types:
            return name
        best = None
        for t in types:
            if name.startswith(t + ".") and (best is None or len(t) > len(best)):
                best = t
        return best

    by_type = collections.defaultdict(list)
    for pkg, line in entries:
        t = type_of(entry_name(line))
        by_type[(pkg, t)].append(line)

    decls = record_declarations(args.root)

    # 1. entries per package and namespace
    print("== Entries per package (Shipped + Unshipped) ==")
    per_pkg = collections.Counter(p for p, _ in entries)
    for pkg, n in sorted(per_pkg.items(), key=lambda kv: -kv[1]):
        ntypes = sum(1 for (p, t) in by_type if p == pkg)
        print("%-50s %5d entries %4d types" % (pkg, n, ntypes))
    print("%-50s %5d entries %4d types" % ("TOTAL", len(entries), len(by_type)))

    print("\n== Entries per namespace ==")
    per_ns = collections.Counter()
    types_ns = collections.Counter()
    for (pkg, t), lines in by_type.items():
        ns = namespace_of(t) if t else "(unresolved)"
        per_ns[(pkg, ns)] += len(lines)
        types_ns[(pkg, ns)] += 1
    for (pkg, ns), n in sorted(per_ns.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print("%-40s %-52s %5d entries %4d types" % (pkg, ns, n, types_ns[(pkg, ns)]))

    # 2. compiler-generated members of records
    cats = collections.Counter()
    rec_entries = 0
    rec_counts = collections.Counter()
    positional = []  # (params, kind, type, package, entries)
    nominal = []  # (init setters, kind, type, package, entries)
    for (pkg, t), lines in by_type.items():
        if not t:
            continue
        simple = short(t)
        kind, is_positional = decls.get(simple, (None, False))
        has_clone = any(entry_name(l).endswith(".<Clone>$") for l in lines)
        if kind is None and has_clone:
            kind = "record class"
        if kind is None:
            continue
        rec_counts[kind] += 1
        rec_entries += len(lines)
        deconstruct = [l for l in lines if entry_name(l) == t + ".Deconstruct"]
        pos_params = set()
        if deconstruct and is_positional:
            sig = deconstruct[0].split("Deconstruct(", 1)[1].rsplit(") -> ", 1)[0]
            pos_params = {part.strip().rsplit(" ", 1)[-1] for part in split_top_level(sig)}
            positional.append((len(pos_params), kind, t, pkg, len(lines)))
        else:
            inits = sum(1 for l in lines if entry_name(l).endswith(".init"))
            nominal.append((inits, kind, t, pkg, len(lines)))
        for l in lines:
            n = entry_name(l)
            member = n[len(t) + 1:] if n.startswith(t + ".") else None
            if member is None:
                continue  # the type line itself
            if l.startswith("~"):
                cats["~ oblivious duplicate (Equals/ToString)"] += 1
            elif member == "Deconstruct":
                cats["Deconstruct"] += 1
            elif member == "<Clone>$":
                cats["<Clone>$"] += 1
            elif member == "EqualityContract.get":
                cats["EqualityContract"] += 1
            elif member == "PrintMembers":
                cats["PrintMembers"] += 1
            elif member in ("operator ==", "operator !="):
                cats["op_Equality / op_Inequality"] += 1
            elif member == "Equals" and ("Equals(" + t in l or "Equals(object" in l):
                cats["Equals(T) / Equals(object)"] += 1
            elif member in ("GetHashCode", "ToString") and l.startswith("override"):
                cats["GetHashCode / ToString overrides"] += 1
            elif member.endswith(".init") and member[:-5] in pos_params:
                cats["init setters of positional parameters"] += 1
            elif member.endswith(".get") and member[:-4] in pos_params:
                cats["getters of positional parameters"] += 1
            elif member.endswith(".init"):
                cats["init setters of nominal record properties"] += 1
            elif member == short(t) and "(" + t + "! original)" in l:
                cats["copy constructor"] += 1
    generated = sum(v for k, v in cats.items() if k != "init setters of nominal record properties")
    print("\n== Records ==")
    print("record classes: %d, record structs: %d, positional: %d; entries on records: %d of %d (%.0f%%)"
          % (rec_counts["record class"], rec_counts["record struct"], len(positional), rec_entries, len(entries),
             100.0 * rec_entries / len(entries)))
    print("\n== Compiler-written entries on records ==")
    for k, v in sorted(cats.items(), key=lambda kv: -kv[1]):
        print("%-48s %5d" % (k, v))
    print("%-48s %5d (%.0f%% of all entries)" % ("generated (all rows above but nominal init)", generated,
                                                100.0 * generated / len(entries)))
    print("%-48s %5d (%.0f%% of all entries)" % ("generated + nominal init setters", generated
                                                 + cats["init setters of nominal record properties"],
                                                 100.0 * (generated + cats["init setters of nominal record properties"])
                                                 / len(entries)))

    print("\n== Positional records, widest first ==")
    for n, kind, t, pkg, count in sorted(positional, key=lambda r: (-r[0], r[2]))[: args.records]:
        print("%3d params  %-13s %4d entries  %s" % (n, kind, count, t))

    print("\n== Nominal records, most public init setters first ==")
    for n, kind, t, pkg, count in sorted(nominal, key=lambda r: (-r[0], r[2]))[:5]:
        print("%3d init    %-13s %4d entries  %s" % (n, kind, count, t))

    if args.type:
        print("\n== Entries of %s ==" % args.type)
        for (pkg, t), lines in by_type.items():
            if t and short(t) == args.type:
                for l in lines:
                    print(l)


if __name__ == "__main__":
    main()
