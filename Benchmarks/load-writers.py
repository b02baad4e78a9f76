#!/usr/bin/env python3
"""Many writers on one database for minutes: nothing lost, nothing doubled, no "locked" (issue 15).

WRITERS writers work together on one database for MINUTES minutes: half run `certifolio import`
of a new small cohort again and again (10 candidates, 50 evaluations each), half are
gestionnaires signed in to one `certifolio serve`, each posting evaluations of its own candidate
one after the other. Two readers run meanwhile: `progress --all --json` and the candidates' page.
At the end the program checks:
  - every import exited 0 and every post was answered 303 (recorded): no "database is locked"
    or any other refusal reached a person;
  - no row lost or doubled: the candidates and evaluations in the database are exactly the base's
    plus those of the imports and posts that succeeded, and each has its audit entry;
  - `PRAGMA integrity_check` and `certifolio audit verify` pass.
Prints writers, minutes, operations, latencies (median, 99th percentile, max) and failures (0).

Usage: Benchmarks/load-writers.py [MINUTES] [WRITERS]      (default 5 minutes, 32 writers)
Builds the release binary first.
"""
import os, re, shutil, sqlite3, subprocess, sys, tempfile, threading, time, urllib.parse, urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINUTES = float(sys.argv[1]) if len(sys.argv) > 1 else 5
WRITERS = int(sys.argv[2]) if len(sys.argv) > 2 else 32
subprocess.run(["swift", "build", "-c", "release", "--product", "certifolio"], cwd=ROOT, check=True,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
BIN = str(ROOT / ".build/release/certifolio")
work = Path(tempfile.mkdtemp(prefix="certifolio-load-"))
db = str(work / "load.sqlite")
PASSWORD = "mot-de-passe-charge"
lock = threading.Lock()
failures = []
stats = {"import": [], "post": [], "progress": [], "page": []}
imported = {"candidates": 0, "events": 0}


def run(*args, env=None):
    return subprocess.run([BIN, *args], cwd=ROOT, capture_output=True, text=True, env=env)


def fail(what):
    with lock:
        failures.append(what)
        if len(failures) <= 10:
            print("  ÉCHEC :", what[:300], flush=True)


def scalar(sql):
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchone()[0]


def timed(kind, body):
    start = time.time()
    result = body()
    with lock:
        stats[kind].append(time.time() - start)
    return result


# The database: both fiches, both sample cohorts, one gestionnaire account per web writer.
for args in (["init", "--db", db],
             ["referentiel", "import", "--db", db, str(ROOT / "SampleCohorts/referentiels/RNCP41818.yaml")],
             ["referentiel", "import", "--db", db, str(ROOT / "SampleCohorts/referentiels/RNCP36888.yaml")],
             ["import", "--db", db, str(ROOT / "SampleCohorts/meqp-2025")],
             ["import", "--db", db, str(ROOT / "SampleCohorts/remms-2025")]):
    p = run(*args)
    assert p.returncode == 0, p.stderr
web_writers = WRITERS // 2
cli_writers = WRITERS - web_writers
for w in range(web_writers):
    p = run("user", "add", "--db", db, "--email", f"g{w}@charge.example", "--role", "gestionnaire", "--name", f"G{w}",
            env=dict(os.environ, CERTIFOLIO_PASSWORD=PASSWORD))
    assert p.returncode == 0, p.stderr
base_candidates = scalar("SELECT COUNT(*) FROM candidate")
base_events = scalar("SELECT COUNT(*) FROM evaluation_event")
base_audit = scalar("SELECT COUNT(*) FROM audit_entry")

import socket
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([BIN, "serve", "--db", db, "--port", str(port), "--as-of", "2027-06-30"], cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
url = f"http://127.0.0.1:{port}"
for _ in range(200):
    try:
        urllib.request.urlopen(url + "/sante", timeout=2)
        break
    except OSError:
        time.sleep(0.05)
deadline = time.time() + MINUTES * 60


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def cli_writer(w):
    n = 0
    while time.time() < deadline:
        folder = work / f"w{w}n{n}"
        folder.mkdir()
        candidates = ["candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort"]
        events = ["candidate_id,component,modality,date,score,max_score,result,evaluator"]
        for i in range(10):
            cid = f"L{w}N{n}C{i}"
            candidates.append(f"{cid},Durand,Lou,1990-01-01,,RNCP36888,apprentissage,2025-09-15,L{w}N{n}")
            events += [f"{cid},RNCP36888BC02,etude_de_cas,2026-03-0{d},{10 + d},20,," for d in range(1, 6)]
        (folder / "candidates.csv").write_text("\n".join(candidates) + "\n")
        (folder / "events.csv").write_text("\n".join(events) + "\n")
        p = timed("import", lambda: run("import", "--db", db, str(folder)))
        if p.returncode == 0:
            with lock:
                imported["candidates"] += 10
                imported["events"] += 50
        else:
            fail(f"import {folder.name} : code {p.returncode} — {p.stderr.strip()}")
        shutil.rmtree(folder)
        n += 1


posted = [0] * web_writers


def web_writer(w):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(), NoRedirect())

    def open_(path, data=None):
        try:
            return opener.open(url + path, data, timeout=300)
        except urllib.error.HTTPError as e:  # 303 comes back here (no redirect followed)
            return e

    page = open_("/connexion").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    answer = open_("/connexion", urllib.parse.urlencode(
        {"_csrf": token, "email": f"g{w}@charge.example", "mot_de_passe": PASSWORD}).encode())
    if answer.status != 303:
        fail(f"connexion g{w} : {answer.status}")
        return
    candidate = f"MQ{w % 32 + 1:03d}"
    page = open_(f"/candidats/{candidate}").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    while time.time() < deadline:
        form = {"_csrf": token, "epreuve": "final|memoire", "date": "2027-05-25", "note": str(10 + w % 10), "bareme": "20"}
        answer = timed("post", lambda: open_(f"/candidats/{candidate}/evaluations", urllib.parse.urlencode(form).encode()))
        if answer.status == 303:
            posted[w] += 1
        else:
            body = answer.read().decode(errors="replace")
            fail(f"évaluation de {candidate} par g{w} : {answer.status} — {re.sub('<[^>]+>', ' ', body)[:200]}")


def progress_reader():
    while time.time() < deadline:
        p = timed("progress", lambda: run("progress", "--db", db, "--all", "--as-of", "2027-06-30", "--json"))
        if p.returncode != 0:
            fail(f"progress --all : {p.stderr.strip()}")


def page_reader():
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    page = opener.open(url + "/connexion").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    opener.open(url + "/connexion", urllib.parse.urlencode(
        {"_csrf": token, "email": "g0@charge.example", "mot_de_passe": PASSWORD}).encode())
    while time.time() < deadline:
        answer = timed("page", lambda: opener.open(url + "/candidats?q=Durand", timeout=300))
        if answer.status != 200:
            fail(f"page des candidats : {answer.status}")


threads = ([threading.Thread(target=cli_writer, args=(w,)) for w in range(cli_writers)]
           + [threading.Thread(target=web_writer, args=(w,)) for w in range(web_writers)]
           + [threading.Thread(target=progress_reader), threading.Thread(target=page_reader)])
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - start
server.terminate()
server_log = server.communicate(timeout=60)[1]
if "locked" in server_log:
    fail("le journal du serveur mentionne « locked »")

# Nothing lost, nothing doubled: the database holds exactly what was answered as recorded.
candidates = scalar("SELECT COUNT(*) FROM candidate") - base_candidates
events = scalar("SELECT COUNT(*) FROM evaluation_event") - base_events
web_events = sum(posted)
if candidates != imported["candidates"]:
    fail(f"{candidates} candidats en base pour {imported['candidates']} importés")
if events != imported["events"] + web_events:
    fail(f"{events} évaluations en base pour {imported['events']} importées et {web_events} enregistrées en ligne")
recorded_online = scalar("SELECT COUNT(*) FROM audit_entry WHERE action = 'event.record'")
if recorded_online != web_events:
    fail(f"{recorded_online} entrées « event.record » au journal pour {web_events} évaluations enregistrées en ligne")
imports = len(stats["import"])
import_entries = scalar("SELECT COUNT(*) FROM audit_entry WHERE action = 'cohort.import'")
if import_entries - 2 != imports - sum(1 for f in failures if f.startswith("import")):
    fail(f"{import_entries - 2} imports au journal pour {imports} lancés")
with sqlite3.connect(db) as c:
    if c.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        fail("integrity_check")
verify = run("audit", "verify", "--db", db)
if verify.returncode != 0:
    fail(f"audit verify : {verify.stderr.strip()}")


def figures(kind):
    values = sorted(stats[kind])
    if not values:
        return "aucune"
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    return f"{len(values)} ; médiane {pick(0.5) * 1000:.0f} ms, 99e centile {pick(0.99) * 1000:.0f} ms, max {values[-1] * 1000:.0f} ms"


print(f"{WRITERS} écrivains ({cli_writers} imports en ligne de commande, {web_writers} gestionnaires en ligne) "
      f"et 2 lecteurs pendant {elapsed / 60:.1f} min sur une base :")
print(f"  imports : {figures('import')} — {imported['candidates']} candidats, {imported['events']} évaluations")
print(f"  évaluations en ligne : {figures('post')}")
print(f"  lectures progress --all : {figures('progress')}")
print(f"  pages des candidats : {figures('page')}")
print(f"  base finale : {scalar('SELECT COUNT(*) FROM candidate')} candidats, "
      f"{scalar('SELECT COUNT(*) FROM evaluation_event')} évaluations, {scalar('SELECT COUNT(*) FROM audit_entry')} entrées d'audit")
print(f"{len(failures)} défaillance(s) : aucune ligne perdue ni en double" if not failures else f"{len(failures)} défaillance(s)")
shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failures else 0)
