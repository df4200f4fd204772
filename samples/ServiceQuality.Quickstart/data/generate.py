#!/usr/bin/env python3
"""Writes the Quickstart's bundled data (complaints.csv, surveys.csv), deterministically (fixed seed).

The data is written for the project: fictional clients, agents and incidents. Each incident's facts are told in a
calm and in an angry voice (the same facts, so normalization must give the same record), several incidents recur
(the same system and error across clients and days), and every one of the seven client wants is covered.
Run: python3 generate.py   (no third-party packages)
"""
import csv
import random
from datetime import datetime, timedelta

random.seed(20261123)

WANTS = ["FocusOnPriorities", "AnticipateNeeds", "Responsiveness", "Communication", "Availability",
         "CostEffectiveness", "FirstTimeFix"]

# (want, calm text template). Slots: {sys} {n} {err} {ref} {hours} {amount}
INCIDENTS = [
    ("Availability", "The {sys} has been down for {hours} hours and {n} users cannot work. Error {err}, ticket {ref}."),
    ("Availability", "{sys} is unavailable again this morning; {n} users in the finance team are affected ({ref})."),
    ("Availability", "We lost access to {sys} for {hours} hours yesterday, it returns HTTP 503. Reference {ref}."),
    ("Availability", "The {sys} outage is the 3rd time this week. {n} users affected, error {err}."),
    ("FirstTimeFix", "The fix for {ref} did not work: {sys} still fails with {err} after the update."),
    ("FirstTimeFix", "This is the second time {ref} was closed without being fixed; {sys} crashes with {err}."),
    ("FirstTimeFix", "The technician replaced the cable but {sys} still drops every {n} minutes. Ticket {ref}."),
    ("Responsiveness", "I reported {ref} {hours} hours ago and nobody has answered. {sys} is still broken."),
    ("Responsiveness", "Nobody picked up the help desk phone for 40 minutes while {sys} was failing with {err}."),
    ("Responsiveness", "The password reset for {sys} took {hours} hours; {n} users were locked out."),
    ("Communication", "We never know the status of {ref}; no update since Monday on the {sys} problem."),
    ("Communication", "Nobody told us {sys} would be down for maintenance; {n} users lost their work."),
    ("Communication", "The email about {ref} said it was fixed, but {sys} still shows {err}. Please keep us informed."),
    ("FocusOnPriorities", "Our month-end close depends on {sys}, but {ref} is still marked low priority."),
    ("FocusOnPriorities", "The payroll run is tomorrow and {sys} fails with {err}; this needs to be the priority ({ref})."),
    ("AnticipateNeeds", "Nobody warned us the {sys} licence would expire; {n} users were blocked this morning."),
    ("AnticipateNeeds", "The {sys} disk filled up again with {err}; this could have been seen coming ({ref})."),
    ("CostEffectiveness", "We were charged {amount} for the {sys} upgrade, which still does not work ({ref})."),
    ("CostEffectiveness", "The invoice for {ref} shows {amount} for {hours} hours of work on {sys}; that is too expensive."),
]

SYSTEMS = ["VPN", "SSO portal", "Outlook", "SAP", "payroll system", "CRM", "file server", "Teams", "printer fleet", "Wi-Fi"]
ERRORS = ["0x80070005", "ERR_CONN_RESET", "error 1603", "HTTP 500", "0x800CCC0E", "ERR_SSL_PROTOCOL_ERROR"]
INTENSIFIERS = ["absolutely", "totally", "really", "completely", "extremely"]
INSULTS = ["Useless IT department", "Pathetic service", "This is a joke", "Unbelievable incompetence"]
PROFANITY = ["damn", "bloody", "f*cking", "sh!t"]

CLIENTS = [(f"C{i:03d}", "Internal" if i % 3 else "External") for i in range(1, 41)]
AGENTS = ["Ada", "Ben", "Chloe", "Dev", "Eli", "Fatima"]
# Each agent works in one team (a fixed map, not drawn, so adding it changed no other value).
TEAMS = {"Ada": "Service desk", "Ben": "Service desk", "Chloe": "Network", "Dev": "Network", "Eli": "Workplace", "Fatima": "Workplace"}
CHANNELS = ["Email", "Phone", "Web", "Chat", "InPerson"]
PRIORITIES = ["Low", "Normal", "High", "Critical"]


def angry(text: str) -> str:
    """The same facts in an angry voice: shouting, punctuation runs, stretched words, intensifiers, profanity, insults, emoji."""
    words = text.split(" ")
    out = []
    for w in words:
        r = random.random()
        if r < 0.12 and w.isalpha() and len(w) > 3:
            out.append(w.upper())
        elif r < 0.16 and w.isalpha() and w.lower() in ("down", "still", "again", "nobody", "never"):
            out.append(w[:-1] + w[-1] * random.randint(3, 6))
        else:
            out.append(w)
    s = " ".join(out)
    s = s.replace(". ", "!!! ", 1)
    if random.random() < 0.6:
        s = s.replace(" is ", f" is {random.choice(INTENSIFIERS)} ", 1)
    if random.random() < 0.5:
        s = f"{random.choice(PROFANITY).capitalize()}, " + s[0].lower() + s[1:]
    if random.random() < 0.5:
        s = s.rstrip(".") + f"!!! {random.choice(INSULTS)}."
    if random.random() < 0.4:
        s += " \U0001F621\U0001F621"
    return s


def fill(template: str, facts: dict) -> str:
    return template.format(**facts)


start = datetime(2026, 9, 1, 8, 0)
complaints = []
cid = 0
for inc_no, (want, template) in enumerate(INCIDENTS):
    # Each incident: one set of facts, reported by several clients (a recurring problem), calm and angry.
    facts = {
        "sys": SYSTEMS[inc_no % len(SYSTEMS)],
        "n": random.choice([3, 5, 12, 20, 45]),
        "err": ERRORS[inc_no % len(ERRORS)],
        "ref": f"INC-{4400 + inc_no * 7}",
        "hours": random.choice([2, 3, 6, 8]),
        "amount": random.choice(["$500.00", "$1,250.00", "$2,400.00"]),
    }
    reports = random.randint(10, 15)
    first = start + timedelta(days=random.randint(0, 60), hours=random.randint(0, 9))
    for k in range(reports):
        cid += 1
        client, segment = random.choice(CLIENTS)
        received = first + timedelta(days=random.randint(0, 10), hours=random.randint(0, 8), minutes=random.randint(0, 59))
        text = fill(template, facts)
        tone = "angry" if k % 2 else "calm"
        if tone == "angry":
            text = angry(text)
        complaints.append({
            "id": f"Q{cid:04d}",
            "received_at": received.strftime("%Y-%m-%dT%H:%M:00Z"),
            "client_id": client,
            "segment": segment,
            "channel": random.choice(CHANNELS),
            "priority": random.choices(PRIORITIES, weights=[2, 5, 3, 1])[0],
            "agent": random.choice(AGENTS),
            "expected_want": want,
            "incident": f"I{inc_no:02d}",
            "tone": tone,
            "text": text,
        })

for c in complaints:
    c["team"] = TEAMS[c["agent"]]
complaints.sort(key=lambda c: c["received_at"])
with open("complaints.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(complaints[0].keys()))
    w.writeheader()
    w.writerows(complaints)

# Survey responses: NPS (0-10), CSAT (1-5), CES (1-7, lower is less effort), and for each of the seven wants an
# importance and a performance rating (1-5), per client and agent. Agents differ in quality; external clients are a
# little less satisfied, so segment parity has something to find.
agent_quality = {"Ada": 0.6, "Ben": 0.2, "Chloe": 0.0, "Dev": -0.3, "Eli": -0.6, "Fatima": 0.4}
want_performance = {"FocusOnPriorities": 3.4, "AnticipateNeeds": 2.6, "Responsiveness": 3.0, "Communication": 2.4,
                    "Availability": 3.9, "CostEffectiveness": 3.6, "FirstTimeFix": 2.9}
want_importance = {"FocusOnPriorities": 4.1, "AnticipateNeeds": 3.2, "Responsiveness": 4.4, "Communication": 4.0,
                   "Availability": 4.7, "CostEffectiveness": 3.0, "FirstTimeFix": 4.5}


def clamp(x, lo, hi):
    return max(lo, min(hi, int(round(x))))


surveys = []
for i in range(600):
    client, segment = random.choice(CLIENTS)
    agent = random.choice(AGENTS)
    mood = random.gauss(0, 0.8) + agent_quality[agent] - (0.35 if segment == "External" else 0)
    row = {
        "response_id": f"S{i + 1:04d}",
        "answered_at": (start + timedelta(days=random.randint(0, 80), hours=random.randint(0, 10))).strftime("%Y-%m-%dT%H:%M:00Z"),
        "client_id": client,
        "segment": segment,
        "agent": agent,
        "nps": clamp(7.4 + 1.6 * mood + random.gauss(0, 1.0), 0, 10),
        "csat": clamp(3.7 + 0.8 * mood + random.gauss(0, 0.5), 1, 5),
        "ces": clamp(3.3 - 1.0 * mood + random.gauss(0, 0.8), 1, 7),
    }
    for want in WANTS:
        row[f"importance_{want}"] = clamp(want_importance[want] + random.gauss(0, 0.6), 1, 5)
        row[f"performance_{want}"] = clamp(want_performance[want] + 0.6 * mood + random.gauss(0, 0.6), 1, 5)
    row["team"] = TEAMS[agent]
    surveys.append(row)

with open("surveys.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(surveys[0].keys()))
    w.writeheader()
    w.writerows(surveys)

print(f"complaints.csv: {len(complaints)} rows; surveys.csv: {len(surveys)} rows")
