#!/usr/bin/env python3
"""Kills Certifolio with SIGKILL at random moments and checks that nothing is half-written (issue 15).

Five commands — `import` (a cohort of 6 000 candidates), `jury decide`, `jury close`,
`deposit add` (a 20 MB document) and `serve` (while it records evaluations) — are each started on
a fresh copy of a prepared database and killed after a random delay drawn within their own
duration. After each kill point the program checks:
  - `PRAGMA integrity_check` answers ok (sqlite3);
  - all or nothing: the cohort's candidates are 0 or all of them, the session's decisions none or
    every one, the session open or closed with all its decisions, one deposit more or none, the
    evaluations posted to the server either recorded with their audit entry or absent;
  - `certifolio audit verify` exits 0 (the chain, every deposited file and parchemin);
  - the same command, run again, succeeds (closing an already closed session is refused as such).
Prints the number of kill points, of each outcome and of failures (0 expected). Seeded: the same
seed draws the same delays.

Usage: Benchmarks/crash-kill.py [POINTS] [SEED]      (default 200 points, seed 15)
Builds the release binary first.
"""
import json, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time, urllib.parse, urllib.request, re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POINTS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 15)
subprocess.run(["swift", "build", "-c", "release", "--product", "certifolio"], cwd=ROOT, check=True,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
BIN = str(ROOT / ".build/release/certifolio")
work = Path(tempfile.mkdtemp(prefix="certifolio-crash-"))
failures = []


def run(*args, check=True, env=None):
    p = subprocess.run([BIN, *args], cwd=ROOT, capture_output=True, text=True, env=env)
    if check and p.returncode != 0:
        raise RuntimeError(f"{args[0]} : {p.stderr.strip()}")
    return p


def expect(ok, what):
    if not ok:
        failures.append(what)
        print("  ÉCHEC :", what)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_db(base, name):
    db = work / name
    for suffix in ("", ".files"):
        src = Path(str(base) + suffix)
        if src.is_dir():
            shutil.copytree(src, str(db) + suffix)
        elif src.exists():
            shutil.copy(src, str(db) + suffix)
    return str(db)


def remove_db(db):
    for suffix in ("", "-wal", "-shm", ".files"):
        p = Path(db + suffix)
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)


def scalar(db, sql):
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchone()[0]


def common_checks(db, label):
    with sqlite3.connect(db) as c:
        expect(c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"{label} : integrity_check")
    verify = run("audit", "verify", "--db", db, check=False)
    expect(verify.returncode == 0, f"{label} : audit verify — {verify.stderr.strip()}")


def kill_after(args, delay, env=None):
    p = subprocess.Popen([BIN, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    time.sleep(delay)
    finished = p.poll() is not None
    if not finished:
        p.send_signal(signal.SIGKILL)
    p.wait()
    return finished


# The prepared databases.
base = str(work / "base.sqlite")
run("init", "--db", base)
for code in ("RNCP41818", "RNCP36888"):
    run("referentiel", "import", "--db", base, str(ROOT / f"SampleCohorts/referentiels/{code}.yaml"))
run("import", "--db", base, str(ROOT / "SampleCohorts/meqp-2025"))
run("import", "--db", base, str(ROOT / "SampleCohorts/remms-2025"))
big = work / "cohort"
big.mkdir()
with open(big / "candidates.csv", "w") as c, open(big / "events.csv", "w") as e:
    c.write("candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort\n")
    e.write("candidate_id,component,modality,date,score,max_score,result,evaluator\n")
    for i in range(6000):
        c.write(f"K{i:05d},Durand,Lou,1990-01-01,,RNCP36888,apprentissage,2025-09-15,KILL\n")
        for day in range(1, 11):
            e.write(f"K{i:05d},RNCP36888BC02,etude_de_cas,2026-03-{day:02d},12,20,,Mme Évaluatrice\n")
# A session of RNCP36888 ready to decide and to close.
jury = str(work / "jury.sqlite")
shutil.copy(base, jury)
run("jury", "create", "--db", jury, "--certification", "RNCP36888", "--date", "2027-06-30", "--place", "Paris")
for name, role, ext in (("Olivier Faure", "administrateur_general", False), ("Anne Leroux", "enseignant", False),
                        ("Marc Petit", "responsable_pedagogique", False), ("Sylvie Roger", "representant_profession", True),
                        ("Karim Haddad", "representant_profession", True), ("Pr Jean Vidal", "responsable_national", False)):
    run("jury", "member", "--db", jury, "1", "--name", name, "--role", role, *(["--external"] if ext else []))
run("jury", "convoke", "--db", jury, "1", "--cohort", "REMMS-2025")
decided = str(work / "decided.sqlite")
shutil.copy(jury, decided)
run("jury", "decide", "--db", decided, "1", "--accept-proposals", "--as-of", "2027-06-30")
pdf = work / "etude.pdf"
pdf.write_bytes(b"%PDF-1.7\n" + bytes(20_000_000))
print(f"Bases préparées dans {work}")


def timed(args, db_base):
    db = copy_db(db_base, "timing.sqlite")
    start = time.time()
    run(*[db if a == "DB" else a for a in args], check=False)
    remove_db(db)
    return time.time() - start


IMPORT = ["import", "--db", "DB", str(big)]
DECIDE = ["jury", "decide", "--db", "DB", "1", "--accept-proposals", "--as-of", "2027-06-30"]
CLOSE = ["jury", "close", "--db", "DB", "1", "--as-of", "2027-06-30"]
DEPOSIT = ["deposit", "add", "--db", "DB", "--candidate", "MQ016", "--component", "RNCP41818BC04",
           "--modality", "etude_de_cas", "--as-of", "2027-01-10", str(pdf)]
durations = {"import": timed(IMPORT, base), "decide": timed(DECIDE, jury), "close": timed(CLOSE, decided),
             "deposit": timed(DEPOSIT, base)}
print("Durées sans interruption : " + ", ".join(f"{k} {v:.2f} s" for k, v in durations.items()))


def point_import(i):
    db = copy_db(base, f"p{i}.sqlite")
    finished = kill_after([a if a != "DB" else db for a in IMPORT], rng.uniform(0, durations["import"] * 1.1))
    n = scalar(db, "SELECT COUNT(*) FROM enrolment WHERE cohort = 'KILL'")
    events = scalar(db, "SELECT COUNT(*) FROM evaluation_event WHERE candidate_id LIKE 'K%'")
    expect((n, events) in ((0, 0), (6000, 60000)), f"import n° {i} : {n} candidats, {events} évaluations (tout ou rien)")
    common_checks(db, f"import n° {i}")
    again = run(*[a if a != "DB" else db for a in IMPORT], check=False)
    expect(again.returncode == 0 and scalar(db, "SELECT COUNT(*) FROM enrolment WHERE cohort = 'KILL'") == 6000,
           f"import n° {i} : la même commande réussit ensuite")
    remove_db(db)
    return "terminé avant" if finished else ("écrit" if n else "rien d'écrit")


def point_decide(i):
    db = copy_db(jury, f"p{i}.sqlite")
    finished = kill_after([a if a != "DB" else db for a in DECIDE], rng.uniform(0, durations["decide"] * 1.1))
    drafts = scalar(db, "SELECT COUNT(*) FROM jury_draft_decision")
    expected = scalar(decided, "SELECT COUNT(*) FROM jury_draft_decision")
    expect(drafts in (0, expected), f"decide n° {i} : {drafts} décisions sur {expected} (tout ou rien)")
    common_checks(db, f"decide n° {i}")
    again = run(*[a if a != "DB" else db for a in DECIDE], check=False)
    expect(again.returncode == 0, f"decide n° {i} : la même commande réussit ensuite — {again.stderr.strip()}")
    remove_db(db)
    return "terminé avant" if finished else ("écrit" if drafts else "rien d'écrit")


def point_close(i):
    db = copy_db(decided, f"p{i}.sqlite")
    finished = kill_after([a if a != "DB" else db for a in CLOSE], rng.uniform(0, durations["close"] * 1.1))
    closed = scalar(db, "SELECT closed_at IS NOT NULL FROM jury_session WHERE id = 1")
    final = scalar(db, "SELECT COUNT(*) FROM jury_decision WHERE session_id = 1")
    drafts = scalar(decided, "SELECT COUNT(*) FROM jury_draft_decision")
    expect((closed and final == drafts) or (not closed and final == 0),
           f"close n° {i} : close={closed}, {final} décisions arrêtées sur {drafts}")
    common_checks(db, f"close n° {i}")
    again = run(*[a if a != "DB" else db for a in CLOSE], check=False)
    expect(again.returncode == 0 or (closed and "close" in again.stderr),
           f"close n° {i} : la même commande réussit ensuite (ou dit la session close) — {again.stderr.strip()}")
    remove_db(db)
    return "terminé avant" if finished else ("écrit" if closed else "rien d'écrit")


def point_deposit(i):
    db = copy_db(base, f"p{i}.sqlite")
    finished = kill_after([a if a != "DB" else db for a in DEPOSIT], rng.uniform(0, durations["deposit"] * 1.1))
    n = scalar(db, "SELECT COUNT(*) FROM deposit")
    expect(n in (0, 1), f"deposit n° {i} : {n} dépôts (un au plus)")
    common_checks(db, f"deposit n° {i}")
    # What the kill left in incoming/ is swept by a later start once old; the command succeeds now.
    again = run(*[a if a != "DB" else db for a in DEPOSIT], check=False)
    expect(again.returncode == 0, f"deposit n° {i} : la même commande réussit ensuite — {again.stderr.strip()}")
    remove_db(db)
    return "terminé avant" if finished else ("écrit" if n else "rien d'écrit")


def point_server(i):
    """The server recording evaluations (a gestionnaire posting one after the other) is killed."""
    db = copy_db(base, f"p{i}.sqlite")
    run("user", "add", "--db", db, "--email", "g@crash.example", "--role", "gestionnaire", "--name", "G",
        env=dict(os.environ, CERTIFOLIO_PASSWORD="mot-de-passe-crash"))
    port = free_port()
    server = subprocess.Popen([BIN, "serve", "--db", db, "--port", str(port), "--as-of", "2027-06-30"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return serve_and_kill(i, db, port, server)
    finally:
        if server.poll() is None:
            server.kill()


def serve_and_kill(i, db, port, server):
    base_url = f"http://127.0.0.1:{port}"
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    for _ in range(100):
        try:
            page = opener.open(base_url + "/connexion", timeout=2).read().decode()
            break
        except OSError:
            time.sleep(0.05)
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    opener.open(base_url + "/connexion", urllib.parse.urlencode(
        {"_csrf": token, "email": "g@crash.example", "mot_de_passe": "mot-de-passe-crash"}).encode(), timeout=5)
    page = opener.open(base_url + "/candidats/MQ016", timeout=5).read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    before = scalar(db, "SELECT COUNT(*) FROM evaluation_event")
    deadline = time.time() + rng.uniform(0.05, 0.6)
    sent = 0
    while time.time() < deadline:
        try:
            opener.open(base_url + "/candidats/MQ016/evaluations", urllib.parse.urlencode(
                {"_csrf": token, "epreuve": "final|memoire", "date": "2027-05-25", "note": "14", "bareme": "20"}).encode(),
                timeout=5)
            sent += 1
        except OSError:
            break
    server.send_signal(signal.SIGKILL)
    server.wait()
    events = scalar(db, "SELECT COUNT(*) FROM evaluation_event") - before
    audited = scalar(db, "SELECT COUNT(*) FROM audit_entry WHERE action = 'event.record'")
    expect(events == audited and events >= sent - 1, f"serveur n° {i} : {events} évaluations, {audited} au journal, {sent} envoyées")
    common_checks(db, f"serveur n° {i}")
    restart = subprocess.Popen([BIN, "serve", "--db", db, "--port", str(port), "--as-of", "2027-06-30"], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ok = False
    for _ in range(100):
        try:
            ok = urllib.request.urlopen(base_url + "/sante", timeout=2).status == 200
            break
        except OSError:
            time.sleep(0.05)
    restart.send_signal(signal.SIGTERM)
    restart.wait()
    expect(ok, f"serveur n° {i} : redémarre et répond")
    remove_db(db)
    return "écrit" if events else "rien d'écrit"


kinds = [("import", point_import), ("jury decide", point_decide), ("jury close", point_close),
         ("deposit add", point_deposit), ("serve", point_server)]
outcomes = {}
start = time.time()
for i in range(POINTS):
    name, point = kinds[i % len(kinds)]
    outcome = point(i)
    outcomes.setdefault(name, {}).setdefault(outcome, 0)
    outcomes[name][outcome] += 1
elapsed = time.time() - start
shutil.rmtree(work, ignore_errors=True)
print(f"{POINTS} points d'arrêt brutal (SIGKILL) en {elapsed / 60:.1f} min :")
for name, counts in outcomes.items():
    print(f"  {name} : " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
print(f"{len(failures)} défaillance(s)")
sys.exit(1 if failures else 0)
