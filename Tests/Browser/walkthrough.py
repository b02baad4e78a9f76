#!/usr/bin/env python3
"""A real browser through Certifolio's web application (run by .ci/run after `swift test`).

Starts `certifolio serve` on 127.0.0.1 with the two sample cohorts and one account per role,
then drives headless Chromium (Debian's chromium + chromium-driver, selenium from PyPI):

1. the candidate signs in and reads what is missing for the title (desktop and 360-px phone);
2. the évaluateur records evaluations and sees the candidate's block change status;
3. the secrétaire de jury, without the command line, opens the session, composes the jury (typed
   names, then a person of the directory linked to her évaluateur account), convokes, takes the
   proposals, designates the president, reads the projet de PV, confirms the closing, downloads the
   PV and the notifications (ZIP), issues the parchemins and reads the register; anyone verifies a
   parchemin's code (390-px phone), its QR code decoded;
4. the gestionnaire checks a cohort file (errors first, then a preview and the import), opens the
   imported cohort's accounts in one step (one-time links), enrols one candidate by hand and opens
   their account; with its link the new candidate chooses a password and signs in;
5. the portfolio (run before 3): the candidate deposits a PDF (within the extension the
   gestionnaire granted) and downloads its receipt, the évaluateur assesses it from the queue with
   the competence grid, the gestionnaire publishes, the candidate reads the grid (desktop and
   390-px phone), and in 3 the jury sees the deposit and the grid on the decision page;
6. the gestionnaire sets the CPF identifiers, downloads the flux of the holders (checked by xmllint
   when it is installed) and reads the statistics.

Screenshots go to docs/screenshots/ for a person to look at. Exits non-zero at the first
thing that does not happen as a user would expect.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "certifolio"
SHOTS = ROOT / "docs" / "screenshots"
AS_OF = "2027-06-30"  # the sample cohorts' jury day: every sample event is in the past
PASSWORD = "mot-de-passe-demo"


def run(*args, stdin=None):
    result = subprocess.run([str(BINARY), *args], input=stdin, text=True, capture_output=True)
    if result.returncode != 0:
        sys.exit(f"certifolio {' '.join(args)} a échoué :\n{result.stderr}")
    return result.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(db):
    run("init", "--db", db)
    for code in ("RNCP41818", "RNCP36888"):
        run("referentiel", "import", "--db", db, str(ROOT / "SampleCohorts" / "referentiels" / f"{code}.yaml"))
    for cohort in ("meqp-2025", "remms-2025"):
        run("import", "--db", db, str(ROOT / "SampleCohorts" / cohort))
    verdicts = [json.loads(line) for line in
                run("progress", "--db", db, "--all", "--json", "--as-of", AS_OF).splitlines() if line.strip()]
    # The candidate: one of MEQP-2025 with something missing; the évaluateur's candidate: one
    # with a block still under way.
    missing = next(v for v in verdicts if v["candidate_id"].startswith("MQ") and v["title"]["status"] == "not_eligible")
    pending = next((v, b) for v in verdicts if v["candidate_id"].startswith("MQ") and v["candidate_id"] != missing["candidate_id"]
                   for b in v["blocks"] if b["status"] == "in_progress")
    accounts = [
        ("candidat", "candidat@example.fr", ["--candidate", missing["candidate_id"]]),
        ("evaluateur", "perrot@example.fr", ["--name", "Mme Agnès Perrot", "--cohort", "MEQP-2025"]),
        ("gestionnaire", "gestion@example.fr", ["--name", "Mme Claire Dubois"]),
        ("secretaire", "jury@example.fr", ["--name", "M. Paul Renard"]),
    ]
    for role, email, extra in accounts:
        run("user", "add", "--db", db, "--email", email, "--role", role, "--password-stdin", *extra, stdin=PASSWORD + "\n")
    # The candidate's étude de cas of BC04 was due in January: the gestionnaire grants a delay.
    run("deposit", "extend", "--db", db, "--candidate", missing["candidate_id"], "--component", "RNCP41818BC04",
        "--modality", "etude_de_cas", "--until", "2027-07-15 12:00", "--reason", "Arrêt maladie (certificat reçu)")
    return missing["candidate_id"], pending[0]["candidate_id"], pending[1]["code"]


def browser(download_dir, width=1280, height=1000):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 f"--window-size={width},{height}", "--lang=fr-FR"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(download_dir),
                                              "download.prompt_for_download": False})
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        options.binary_location = chromium
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path=driver_path), options=options)


def shoot(driver, name, full_page=True):
    if full_page:
        # Measured in a window of ordinary height: a window left tall by the previous capture
        # would make every page as tall as itself.
        width = driver.get_window_size()["width"]
        driver.set_window_size(width, 900)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(max(height + 100, 600), 6000))
    driver.save_screenshot(str(SHOTS / f"{name}.png"))
    print(f"  capture : docs/screenshots/{name}.png")


def shoot_phone(driver, name):
    """The page as a 390 px wide phone shows it, whole; the window is then set back."""
    size = driver.get_window_size()
    driver.set_window_size(390, 844)
    shoot(driver, name)
    driver.set_window_size(size["width"], size["height"])


def expect(condition, message):
    if not condition:
        sys.exit(f"ÉCHEC : {message}")
    print(f"  ok : {message}")


def sign_in(driver, base, email):
    driver.delete_all_cookies()
    driver.get(base + "/connexion")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "mot_de_passe").send_keys(PASSWORD)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/connexion'] button"))


def submit(driver, button):
    """Clicks a form's button and waits for the next page (no script: every form loads a page)."""
    page = driver.find_element(By.TAG_NAME, "html")
    button.click()

    def replaced(_):
        try:
            page.is_enabled()
            return False
        except WebDriverException:
            # Gone: chromedriver says so as a stale element, or, while the new page is being
            # attached, as "Node with given id does not belong to the document".
            return True

    WebDriverWait(driver, 15).until(replaced)


def text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def candidate_reads_missing_items(base, downloads, candidate):
    print("1. Le candidat lit ce qui lui manque")
    driver = browser(downloads)
    try:
        driver.get(base + "/connexion")
        shoot(driver, "01-connexion", full_page=False)
        sign_in(driver, base, "candidat@example.fr")
        expect(driver.current_url.endswith("/mon-dossier"), "le candidat arrive sur son dossier")
        page = text(driver)
        expect(f"({candidate})" in page, f"le dossier est celui de {candidate}")
        expect("Ce qui manque pour le titre" in page, "la page dit ce qui manque pour le titre")
        items = driver.find_elements(By.CSS_SELECTOR, "ul.missing li")
        expect(len(items) > 0, f"{len(items)} élément(s) manquant(s) listé(s), dont « {items[0].text} »")
        shoot(driver, "02-candidat-dossier")
        driver.get(base + "/candidats/MQ001")
        expect("Accès refusé" in text(driver), "un autre dossier lui est refusé")
        driver.set_window_size(360, 800)
        driver.get(base + "/mon-dossier")
        overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        expect(not overflow, "sur un téléphone de 360 px, la page ne déborde pas en largeur")
        shoot(driver, "03-candidat-telephone-360px")
    finally:
        driver.quit()


def evaluator_records_an_evaluation(base, downloads, candidate, block):
    print("2. L'évaluateur enregistre une évaluation et voit le statut changer")
    driver = browser(downloads)
    try:
        sign_in(driver, base, "perrot@example.fr")
        expect(driver.current_url.endswith("/tableau-de-bord"), "l'évaluateur arrive sur le tableau de bord")
        expect("Blocs le plus souvent échoués" in text(driver), "le tableau de bord montre les blocs échoués")
        shoot(driver, "04-tableau-de-bord")
        driver.get(f"{base}/candidats/{candidate}")
        card = driver.find_element(By.XPATH, f"//li[contains(@class,'card')][p[@class='code' and text()='{block}']]")
        expect("en cours" in card.text, f"le bloc {block} de {candidate} est « en cours »")
        # A wrong entry first: refused in French, field by field, nothing recorded.
        Select(driver.find_element(By.ID, "epreuve")).select_by_index(1)
        driver.find_element(By.ID, "note").send_keys("25")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.evaluation button[type=submit]"))
        expect("dépasse le barème" in text(driver), "une note de 25/20 est refusée avec un message en français")
        shoot(driver, "05-evaluation-refusee")
        values = [o.get_attribute("value") for o in Select(driver.find_element(By.ID, "epreuve")).options
                  if o.get_attribute("value").startswith(block + "|")]
        for value in values:
            # The épreuve chosen first: its block's competence grid comes with the form.
            driver.get(f"{base}/candidats/{candidate}?epreuve={urllib.parse.quote(value)}")
            expect(Select(driver.find_element(By.ID, "epreuve")).first_selected_option.get_attribute("value") == value,
                   f"l'épreuve {value} est choisie et sa grille affichée")
            rate_every_competence(driver)
            date = driver.find_element(By.ID, "date")
            driver.execute_script("arguments[0].value = arguments[1]", date, AS_OF)
            driver.find_element(By.ID, "note").send_keys("17,5")
            driver.find_element(By.ID, "commentaire").send_keys("Saisie dans le navigateur.")
            submit(driver, driver.find_element(By.CSS_SELECTOR, "form.evaluation button[type=submit]"))
            expect("enregistrée" in text(driver), f"évaluation {value} enregistrée")
        card = driver.find_element(By.XPATH, f"//li[contains(@class,'card')][p[@class='code' and text()='{block}']]")
        expect("réussi, à valider par le jury" in card.text, f"le bloc {block} est maintenant « réussi »")
        shoot(driver, "06-evaluation-enregistree")
    finally:
        driver.quit()


def rate_every_competence(driver, first="acquis"):
    """Rates each competence of the grid: the first one `first`, the others acquis."""
    lines = driver.find_elements(By.CSS_SELECTOR, "fieldset.grid .grid-line")
    expect(len(lines) > 0, f"la grille compte {len(lines)} compétence(s)")
    for n, line in enumerate(lines):
        value = first if n == 0 else "acquis"
        line.find_element(By.CSS_SELECTOR, f"input[type=radio][value='{value}']").click()


def fetch_with_cookies(driver, href):
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    return urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookies})).read()


def portfolio_journey(base, downloads, work, candidate):
    print("5. Le portfolio : dépôt, accusé, évaluation avec la grille, publication, retour au candidat")
    pdf = work / "etude-de-cas.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    driver = browser(downloads)
    try:
        sign_in(driver, base, "candidat@example.fr")
        driver.find_element(By.LINK_TEXT, "Mes dépôts").click()
        page = text(driver)
        expect("RNCP41818BC04 — Étude de cas" in page and "(délai accordé)" in page,
               "l'étude de cas du bloc 4 est ouverte au dépôt, délai accordé")
        section = driver.find_element(By.ID, "depot-RNCP41818BC04-etude_de_cas").find_element(By.XPATH, "..")
        section.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(pdf))
        submit(driver, section.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        expect("Dépôt enregistré (version 1) : etude-de-cas.pdf" in text(driver), "le dépôt est enregistré")
        receipt = driver.find_element(By.PARTIAL_LINK_TEXT, "accusé de dépôt").get_attribute("href")
        data = fetch_with_cookies(driver, receipt)
        expect(data.startswith(b"%PDF"), f"l'accusé de dépôt se télécharge ({len(data)} octets)")
        pdftotext = shutil.which("pdftotext")
        if pdftotext:
            (work / "accuse.pdf").write_bytes(data)
            words = subprocess.run([pdftotext, str(work / "accuse.pdf"), "-"], capture_output=True, text=True).stdout
            digest = __import__("hashlib").sha256(pdf.read_bytes()).hexdigest()
            expect("Accusé de dépôt" in words and digest[:16] in words.replace("\n", ""),
                   "l'accusé nomme le fichier avec son empreinte SHA-256")
        shoot(driver, "12-depot-candidat")
        driver.set_window_size(390, 844)
        driver.refresh()
        overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        expect(not overflow, "sur un téléphone de 390 px, la page des dépôts ne déborde pas")
        shoot(driver, "13-depot-telephone-390px")
    finally:
        driver.quit()
    driver = browser(downloads)
    try:
        sign_in(driver, base, "perrot@example.fr")
        driver.find_element(By.LINK_TEXT, "À évaluer").click()
        row = driver.find_element(By.XPATH, f"//tr[td[contains(., '({candidate})')]]")
        expect("RNCP41818BC04 — Étude de cas (version 1)" in row.text, "le dépôt attend dans la file de l'évaluateur")
        shoot(driver, "14-a-evaluer")
        submit(driver, row.find_element(By.LINK_TEXT, "Évaluer"))
        expect("Grille des compétences — RNCP41818BC04" in text(driver), "la grille des compétences du bloc s'affiche")
        rate_every_competence(driver, first="partiellement_acquis")
        driver.find_element(By.ID, "r1").send_keys("Argumentation à étayer par des indicateurs.")
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "date"), AS_OF)
        driver.find_element(By.ID, "note").send_keys("14")
        shoot(driver, "15-grille")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.evaluation button[type=submit]"))
        expect("enregistrée" in text(driver), "l'évaluation avec sa grille est enregistrée")
        driver.get(base + "/a-evaluer")
        expect(f"({candidate})" not in text(driver), "le dépôt a quitté la file")
    finally:
        driver.quit()
    driver = browser(downloads)
    try:
        sign_in(driver, base, "candidat@example.fr")
        expect("Argumentation à étayer" not in text(driver), "avant publication, le candidat ne voit pas le résultat")
        sign_in(driver, base, "gestion@example.fr")
        driver.find_element(By.LINK_TEXT, "Publication").click()
        row = driver.find_element(By.XPATH, "//tr[td[text()='MEQP-2025'] and td[text()='RNCP41818BC04 — Étude de cas']]")
        shoot(driver, "16-publication")
        submit(driver, row.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        expect("Résultats publiés à la promotion MEQP-2025" in text(driver), "les résultats sont publiés")
        sign_in(driver, base, "candidat@example.fr")
        page = text(driver)
        expect("partiellement acquis" in page, "le candidat voit la grille : une compétence partiellement acquise")
        driver.find_element(By.CSS_SELECTOR, "details.grid-result summary").click()
        expect("Argumentation à étayer" in text(driver), "et la remarque de l'évaluateur")
        driver.set_window_size(390, 844)
        driver.refresh()
        driver.find_element(By.CSS_SELECTOR, "details.grid-result summary").click()
        overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        expect(not overflow, "sur un téléphone de 390 px, le dossier avec sa grille ne déborde pas")
        shoot(driver, "17-candidat-grille-390px")
    finally:
        driver.quit()


def secretary_closes_the_session(base, downloads, candidate):
    print("3. La secrétaire ouvre la session, compose le jury, clôt, télécharge le PV et les notifications, "
          "délivre les parchemins")
    driver = browser(downloads)
    try:
        sign_in(driver, base, "jury@example.fr")
        expect(driver.current_url.endswith("/jury"), "la secrétaire arrive sur les sessions")
        # The session and its jury, on the web only.
        Select(driver.find_element(By.ID, "certification")).select_by_value("RNCP41818")
        driver.execute_script(f"arguments[0].value = '{AS_OF}'", driver.find_element(By.ID, "date"))
        driver.find_element(By.ID, "lieu").send_keys("Paris, Cnam, salle 31.2.85")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/jury'] button"))
        expect("/jury/" in driver.current_url and "créée" in text(driver), "la session est ouverte")
        session = driver.current_url.rstrip("/").split("/")[-1]
        for name, role in (("M. François Lemaître", "expert_domaine"), ("Nadia Berrada", "professionnel_ess"),
                           ("Claire Dubois", "expert_domaine")):
            driver.find_element(By.ID, "nom").send_keys(name)
            Select(driver.find_element(By.ID, "role")).select_by_value(role)
            driver.find_element(By.CSS_SELECTOR, f"form[action='/jury/{session}/membres'] input[name=externe]").click()
            submit(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='/jury/{session}/membres'] button"))
            expect("Membre ajouté." in text(driver), f"{name} est membre du jury")
        Select(driver.find_element(By.ID, "promotion")).select_by_value("MEQP-2025")
        submit(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='/jury/{session}/convocation'] button"))
        expect("candidats convoqués" in text(driver), "la promotion est convoquée")
        shoot(driver, "07-session-convoquee")
        shoot_phone(driver, "24-session-390px")
        # The jury directory: the évaluateur joins it linked to her account, so that as a member
        # she would step aside for the candidates she evaluated, whatever way her name is typed.
        driver.find_element(By.LINK_TEXT, "Annuaire du jury").click()
        expect("Claire Dubois" in text(driver) and "Nadia Berrada" in text(driver),
               "les membres de la session sont dans l'annuaire")
        driver.find_element(By.ID, "nom").send_keys("Mme Agnès Perrot")
        Select(driver.find_element(By.ID, "compte-nouveau")).select_by_visible_text("Mme Agnès Perrot")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/annuaire-du-jury'] button"))
        expect("Mme Agnès Perrot ajouté à l'annuaire du jury." in text(driver), "une personne est ajoutée, liée à son compte")
        shoot_phone(driver, "25-annuaire-jury-390px")
        driver.get(f"{base}/jury/{session}")
        options = [o.text for o in Select(driver.find_element(By.ID, "personne")).options]
        expect(any("Mme Agnès Perrot" in o and "compte d'évaluateur" in o for o in options),
               "la session propose les personnes de l'annuaire")
        # The jury sees what lies behind each block: the deposit and the latest grid.
        driver.get(f"{base}/jury/{session}/candidats/{candidate}")
        page = text(driver)
        expect("Dépôts et grilles, bloc par bloc" in page and "Dernière grille : RNCP41818BC04 — Étude de cas" in page,
               f"la page de décision de {candidate} montre son dépôt et la grille du bloc 4")
        evidence = driver.find_element(By.ID, "preuves").find_element(By.XPATH, "..")
        evidence.find_element(By.CSS_SELECTOR, "details.grid-result summary").click()
        expect("Argumentation à étayer" in evidence.text, "avec la remarque de l'évaluateur")
        driver.execute_script("arguments[0].scrollIntoView()", evidence)
        shoot(driver, "18-jury-depots-et-grilles")
        driver.get(f"{base}/jury/{session}")
        submit(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='/jury/{session}/propositions'] button"))
        expect("reprises des propositions" in text(driver), "les propositions sont reprises comme décisions")
        # The fiche names no presiding role: the session designates Nadia Berrada.
        row = driver.find_element(By.XPATH, "//tr[td[text()='Nadia Berrada']]")
        row.find_element(By.CSS_SELECTOR, "input[name=preside]").click()
        submit(driver, row.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        expect("Nadia Berrada : présent, préside la session." in text(driver), "la présidence est désignée")
        draft = fetch(driver, f"{base}/jury/{session}/projet-pv.pdf")
        expect(draft.startswith(b"%PDF"), "le projet de PV se télécharge avant la clôture")
        # Closing is confirmed on a page that says what it locks.
        driver.find_element(By.PARTIAL_LINK_TEXT, "Clore la session").click()
        expect("Ce qui sera arrêté" in text(driver) and "Présidence : Nadia Berrada" in text(driver),
               "la page de confirmation récapitule ce que la clôture verrouille")
        shoot(driver, "19-cloture-confirmation")
        shoot_phone(driver, "26-cloture-confirmation-390px")
        submit(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='/jury/{session}/cloture'] button"))
        expect("Session close" in text(driver), "la session est close")
        shoot(driver, "08-session-close")
        link = driver.find_element(By.PARTIAL_LINK_TEXT, "Procès-verbal (PDF")
        href = link.get_attribute("href")
        link.click()  # a download: the page stays
        target = downloads / f"pv-session-{session}.pdf"
        for _ in range(100):
            if target.exists() and not Path(str(target) + ".crdownload").exists():
                break
            time.sleep(0.1)
        if not target.exists():
            # Some headless builds ignore the download folder: fetch with the browser's cookies.
            target.write_bytes(fetch(driver, href))
        expect(target.read_bytes().startswith(b"%PDF"), f"le PV est téléchargé ({target.stat().st_size} octets)")
        pdftotext = shutil.which("pdftotext")
        if pdftotext:
            words = subprocess.run([pdftotext, str(target), "-"], capture_output=True, text=True).stdout
            expect("Paris, Cnam" in words, "le PV porte le lieu de la session")
            expect("Présidence : Nadia Berrada" in words and "Voies et délais de recours" in words,
                   "le PV nomme qui préside et porte la mention des recours")
        # Every notification at once, for the certifier's own mailing.
        archive = work_file(downloads, "notifications.zip", fetch(driver, f"{base}/jury/{session}/notifications.zip"))
        with zipfile.ZipFile(archive) as z:
            names = z.namelist()
            expect(z.testzip() is None and len(names) > 20 and all(z.read(n).startswith(b"%PDF") for n in names),
                   f"les notifications de la session arrivent en un ZIP ({len(names)} PDF)")
        # The parchemins, issued once and numbered in the register.
        driver.get(f"{base}/jury/{session}")
        submit(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='/jury/{session}/parchemins'] button"))
        expect("inscrits au registre" in text(driver), "les parchemins des titres accordés sont délivrés")
        driver.find_element(By.LINK_TEXT, "Parchemins").click()
        expect("RNCP41818-2027-0001" in text(driver), "le registre numérote chaque parchemin")
        shoot(driver, "20-registre-parchemins")
        shoot_phone(driver, "27-registre-parchemins-390px")
        first = driver.find_element(By.LINK_TEXT, "RNCP41818-2027-0001").get_attribute("href")
        parchemin = fetch(driver, first)
        expect(parchemin == fetch(driver, first), "le parchemin téléchargé deux fois est le même fichier")
        code = driver.find_element(By.XPATH, "//tr[td/a[text()='RNCP41818-2027-0001']]/td[5]").text
        check_qr_code(work_file(downloads, "parchemin.pdf", parchemin), code)
    finally:
        driver.quit()
    # Anyone, without an account, verifies the code (on a phone too).
    driver = browser(downloads)
    try:
        driver.set_window_size(390, 844)  # below Chromium's smallest window at launch
        driver.get(f"{base}/verification")
        driver.find_element(By.ID, "code").send_keys(code.lower())
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/verification'] button"))
        page = text(driver)
        expect(driver.current_url.endswith(f"/verification/{code}") and "valide" in page,
               "la page publique confirme le parchemin")
        expect("@" not in page and "MQ0" not in page, "sans rien dire de plus que le parchemin")
        shoot(driver, "21-verification-390px")
    finally:
        driver.quit()


def manager_sets_the_certifier(base, downloads):
    print("3 bis. Le gestionnaire renseigne le certificateur (adresse, signataire, recours)")
    driver = browser(downloads)
    try:
        sign_in(driver, base, "gestion@example.fr")
        driver.find_element(By.LINK_TEXT, "Certificateur").click()
        siret = "92383753800019"
        form = driver.find_element(By.XPATH, f"//form[input[@name='siret' and @value='{siret}']]")
        values = {"adresse": "AROBASE INGENIERIE\n10 rue de l'Exemple\n75011 Paris", "ville": "Paris",
                  "signataire": "Camille Martin", "qualite": "Présidente",
                  "recours": "Recours gracieux auprès du président du jury dans les deux mois de la notification.",
                  "verification": "certifolio.example/verification"}
        for name, value in values.items():
            form.find_element(By.NAME, name).send_keys(value)
        submit(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        error = driver.find_element(By.ID, f"verification-{siret}-erreur").text
        expect("https://" in error, f"une adresse de vérification incomplète est refusée sous son champ : « {error} »")
        form = driver.find_element(By.XPATH, f"//form[input[@name='siret' and @value='{siret}']]")
        field = form.find_element(By.NAME, "verification")
        field.clear()
        field.send_keys("https://certifolio.example/verification")
        submit(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        expect("Paramètres du certificateur enregistrés." in text(driver), "les paramètres du certificateur sont enregistrés")
        shoot(driver, "22-certificateur")
    finally:
        driver.quit()


def manager_declares_the_holders(base, downloads):
    print("5. Le gestionnaire déclare les titulaires au CPF et lit les statistiques")
    driver = browser(downloads)
    try:
        sign_in(driver, base, "gestion@example.fr")
        driver.find_element(By.LINK_TEXT, "CPF").click()
        expect("Titres délivrés au" in text(driver), "la page CPF liste les titres délivrés")
        for field, value in (("emetteur", "AB123CDE"), ("certificateur", "E564ACB0"), ("contrat", "2560080000127J")):
            driver.find_element(By.ID, field).send_keys(value)
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/cpf/parametres'] button"))
        expect("Identifiants CPF enregistrés." in text(driver), "les identifiants du certificateur sont enregistrés")
        driver.find_element(By.CSS_SELECTOR, "form[action='/cpf/flux'] button").click()
        flux = None
        for _ in range(100):
            found = [p for p in downloads.glob("cpf-accrochage-*.xml")]
            if found and not list(downloads.glob("*.crdownload")):
                flux = found[0]
                break
            time.sleep(0.1)
        expect(flux is not None and b"<cpf:passageCertification>" in flux.read_bytes(), "le flux XML est téléchargé")
        xmllint = shutil.which("xmllint")
        if xmllint:
            check = subprocess.run([xmllint, "--noout", "--schema",
                                    str(ROOT / "Sources/CertifolioInterchange/Schemas/accrochage-1.1.2.xsd"), str(flux)],
                                   capture_output=True, text=True)
            expect(check.returncode == 0, f"xmllint valide le flux : {check.stderr.strip()}")
        driver.get(base + "/cpf")
        expect("Envoyé, en attente du rapport" in text(driver), "les passages envoyés attendent le rapport de la Caisse")
        shoot(driver, "30-cpf")
        driver.find_element(By.LINK_TEXT, "Statistiques").click()
        expect("Taux d'insertion global à 6 mois (en %)" in text(driver), "les statistiques se lisent comme sur la fiche")
        shoot(driver, "31-statistiques")
    finally:
        driver.quit()


def fetch(driver, url):
    """A download with the browser's cookies (headless builds may ignore the download folder)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    return urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookies})).read()


def work_file(folder, name, data):
    path = folder / name
    path.write_bytes(data)
    return path


def check_qr_code(pdf, code):
    """Decodes the parchemin's QR code (zxing-cpp and pdftoppm, when the machine has them)."""
    pdftoppm = shutil.which("pdftoppm")
    try:
        import zxingcpp
        from PIL import Image
    except ImportError:
        print("  (QR code non décodé : zxing-cpp ou Pillow absent)")
        return
    if not pdftoppm:
        print("  (QR code non décodé : pdftoppm absent)")
        return
    subprocess.run([pdftoppm, "-r", "150", "-png", "-singlefile", str(pdf), str(pdf.with_suffix(""))], check=True)
    found = [b.text for b in zxingcpp.read_barcodes(Image.open(pdf.with_suffix(".png")))]
    expect(any(t.endswith(f"/verification/{code}") for t in found), f"le QR code du parchemin donne son adresse ({found})")


def manager_enrols_and_opens_an_account(base, downloads, work):
    print("4. Le gestionnaire importe une promotion, inscrit un candidat et lui ouvre un compte")
    driver = browser(downloads)
    header = "candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort\n"
    bad = work / "bad" / "candidates.csv"
    good = work / "good" / "candidates.csv"
    for path, birth in ((bad, "1999-02-30"), (good, "1999-02-03")):
        path.parent.mkdir()
        path.write_text(header + f"NW200,Martin,Paul,{birth},paul@example.fr,RNCP41818,apprentissage,2027-09-01,MEQP-2027\n",
                        encoding="utf-8")
    try:
        sign_in(driver, base, "gestion@example.fr")
        expect(driver.current_url.endswith("/tableau-de-bord"), "le gestionnaire arrive sur le tableau de bord")
        # A cohort file: its errors first, nothing written; then the mended file, previewed, imported.
        driver.get(base + "/import")
        driver.find_element(By.ID, "candidates").send_keys(str(bad))
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/import/promotion'] button"))
        expect("candidates.csv, ligne 2, colonne 4 (birth_date)" in text(driver),
               "le fichier fautif est refusé avec sa ligne et sa colonne")
        shoot(driver, "09-import-refuse")
        driver.find_element(By.ID, "candidates").send_keys(str(good))
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/import/promotion'] button"))
        expect("1 candidat nouveau" in text(driver) and "NW200" in text(driver),
               "l'aperçu dit ce qui sera enregistré, et nomme le candidat ajouté")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/import/promotion/confirmer'] button"))
        driver.get(base + "/candidats?q=NW200")
        expect("NW200" in text(driver), "la promotion importée est dans la liste des candidats")
        # One candidate by hand: a wrong id first, then the right one.
        driver.find_element(By.LINK_TEXT, "Inscrire un candidat").click()
        for field, value in (("identifiant", "NW 100"), ("nom", "Durand"), ("prenoms", "Lou"),
                             ("email", "lou.durand@example.fr"), ("promotion", "VAE-2027")):
            driver.find_element(By.ID, field).send_keys(value)
        driver.execute_script("arguments[0].value = '1995-05-12'", driver.find_element(By.ID, "naissance"))
        Select(driver.find_element(By.ID, "voie")).select_by_value("RNCP36888|vae")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/inscription'] button"))
        error = driver.find_element(By.ID, "identifiant-erreur").text
        expect("espace" in error, f"un identifiant avec une espace est refusé sous son champ : « {error} »")
        shoot(driver, "10-inscription-refusee")
        identifiant = driver.find_element(By.ID, "identifiant")
        identifiant.clear()
        identifiant.send_keys("NW100")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/inscription'] button"))
        expect(driver.current_url.endswith("/candidats/NW100") and "NW100 inscrit en RNCP36888" in text(driver),
               "le candidat est inscrit et sa page s'ouvre")
        # Her birth certificate arrives: the gestionnaire rectifies the civil identity, with its reason.
        driver.find_element(By.PARTIAL_LINK_TEXT, "État civil").click()
        Select(driver.find_element(By.ID, "sexe")).select_by_value("F")
        for field, value in (("commune_code", "20004"), ("commune", "Ajaccio"), ("prenoms_etat_civil", "Lou Marie"),
                             ("motif", "Acte de naissance reçu")):
            driver.find_element(By.ID, field).send_keys(value)
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/candidats/NW100/etat-civil'] button"))
        error = driver.find_element(By.ID, "commune_code-erreur").text
        expect("2A ou 2B" in error, f"un code de commune corse à l'ancienne est refusé sous son champ : « {error} »")
        field = driver.find_element(By.ID, "commune_code")
        field.clear()
        field.send_keys("2A004")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/candidats/NW100/etat-civil'] button"))
        expect("Née le 12 mai 1995 à Ajaccio" in text(driver), "l'état civil rectifié est sur la page du candidat")
        driver.find_element(By.PARTIAL_LINK_TEXT, "État civil").click()
        expect("Motif : Acte de naissance reçu" in text(driver), "la rectification reste dans l'historique")
        shoot_phone(driver, "28-etat-civil-390px")
        # A whole cohort's accounts in one step, each with its one-time link.
        driver.get(base + "/comptes")
        Select(driver.find_element(By.ID, "promotion-a-ouvrir")).select_by_value("MEQP-2027")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/comptes/promotion'] button[value=page]"))
        links = driver.find_elements(By.CSS_SELECTOR, "code.link")
        expect(len(links) == 1 and "/invitation/" in links[0].text,
               "les comptes de la promotion MEQP-2027 sont ouverts, chacun avec son lien")
        shoot(driver, "23-comptes-promotion")
        shoot_phone(driver, "29-comptes-promotion-390px")
        # One account by hand: the gestionnaire types no password; the person chooses theirs.
        driver.get(base + "/comptes")
        for field, value in (("email", "lou.durand@example.fr"), ("nom", "Lou Durand"), ("candidat", "NW100")):
            driver.find_element(By.ID, field).send_keys(value)
        Select(driver.find_element(By.ID, "role")).select_by_value("candidat")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/comptes'] button[type=submit]"))
        expect("Compte lou.durand@example.fr (Candidat) créé" in text(driver), "le compte du candidat est créé")
        link = driver.find_element(By.CSS_SELECTOR, "code.link").text
        shoot(driver, "11-comptes")
        driver.delete_all_cookies()
        driver.get(link)
        driver.find_element(By.ID, "nouveau").send_keys(PASSWORD)
        driver.find_element(By.ID, "confirmation").send_keys(PASSWORD)
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
        expect("/connexion" in driver.current_url, "avec son lien, la candidate choisit son mot de passe")
        sign_in(driver, base, "lou.durand@example.fr")
        page = text(driver)
        expect("(NW100)" in page and "Aucune évaluation enregistrée." in page,
               "le nouveau candidat ouvre son dossier, encore vide")
    finally:
        driver.quit()


def main():
    SHOTS.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="certifolio-browser-"))
    downloads = work / "downloads"
    downloads.mkdir()
    db = str(work / "certifolio.sqlite")
    candidate, evaluated, block = prepare(db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(BINARY), "serve", "--db", db, "--port", str(port), "--as-of", AS_OF],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/connexion")
                break
            except OSError:
                time.sleep(0.1)
        candidate_reads_missing_items(base, downloads, candidate)
        evaluator_records_an_evaluation(base, downloads, evaluated, block)
        portfolio_journey(base, downloads, work, candidate)
        manager_sets_the_certifier(base, downloads)
        secretary_closes_the_session(base, downloads, candidate)
        manager_enrols_and_opens_an_account(base, downloads, work)
        manager_declares_the_holders(base, downloads)
        audit = run("audit", "verify", "--db", db)
        print("  " + audit.strip().splitlines()[0])
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print("Parcours navigateur réussi.")


if __name__ == "__main__":
    main()
