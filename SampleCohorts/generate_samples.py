#!/usr/bin/env python3
"""Writes the two sample cohorts of SampleCohorts/ (deterministic: same output every run).

The cohorts are meant to be read as of 2027-06-30 (the demo's date): each candidate follows a
profile (complete, retake, failure, VAE, capitalised blocks, short or long stage, experience,
refused route…) so that the demo shows every case the rules engine handles.
Run from the repository root: python3 SampleCohorts/generate_samples.py
"""
import csv, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(41818)

FAMILY = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
          "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
          "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
          "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
          "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson"]
GIVEN = ["Camille", "Léa", "Hugo", "Chloé", "Louis", "Manon", "Gabriel", "Inès", "Jules", "Zoé", "Arthur", "Jade",
         "Raphaël", "Louise", "Noé", "Élodie", "Théo", "Anaïs", "Maël", "Cécile", "Agnès", "Benoît", "Hélène",
         "Jérôme", "Sébastien", "Françoise", "Geneviève", "Loïc", "Maëlys", "Joël", "Noémie", "Clémence",
         "Aurélien", "Bérénice", "Gaëlle", "Hervé", "Irène", "Pénélope", "Stéphane", "Thérèse"]
MALE = {"Hugo", "Louis", "Gabriel", "Jules", "Arthur", "Raphaël", "Noé", "Théo", "Maël", "Benoît", "Jérôme",
        "Sébastien", "Loïc", "Joël", "Aurélien", "Hervé", "Stéphane"}
SECOND = {"M": ["Pierre", "Jean", "Marc", "Paul", "Henri"], "F": ["Marie", "Anne", "Claire", "Jeanne", "Sophie"]}
# Birth communes with their INSEE codes (COG), and countries with their INSEE codes without "99".
COMMUNES = [("75056", "Paris"), ("69123", "Lyon"), ("13055", "Marseille"), ("31555", "Toulouse"),
            ("44109", "Nantes"), ("59350", "Lille"), ("33063", "Bordeaux"), ("67482", "Strasbourg"),
            ("35238", "Rennes"), ("2A004", "Ajaccio"), ("2B033", "Bastia"), ("97209", "Fort-de-France"),
            ("97411", "Saint-Denis"), ("34172", "Montpellier"), ("38185", "Grenoble")]
ABROAD = [("350", "Maroc", "Casablanca"), ("341", "Sénégal", "Dakar"), ("131", "Belgique", "Bruxelles"),
          ("351", "Tunisie", "Tunis"), ("139", "Portugal", "Lisbonne"), ("352", "Algérie", "Alger")]
STREETS = ["rue des Lilas", "avenue Jean-Jaurès", "boulevard Voltaire", "place de la République", "rue Victor-Hugo"]
TOWNS = [("75011", "Paris"), ("69003", "Lyon"), ("93100", "Montreuil"), ("44000", "Nantes"), ("59000", "Lille")]
# A separate generator: the civil identity does not change the other columns' random draws.
civil = random.Random(36888)
EVALUATORS = ["Mme Agnès Perrot", "M. Julien Caradec", "Mme Sophie N'Diaye", "M. François Lemaître",
              "Mme Hélène Vasseur"]


def ascii_mail(text):
    table = str.maketrans("éèêëàâäîïôöûüùçœÉÈÀÇ", "eeeeaaaiioouuucoEEAC")
    return text.translate(table).lower().replace(" ", "").replace("'", "")


class Cohort:
    def __init__(self, cert, cohort, prefix, blocks, finals):
        self.cert, self.cohort, self.prefix, self.blocks, self.finals = cert, cohort, prefix, blocks, finals
        self.candidates, self.events, self.reqs, self.decisions = [], [], [], []

    def candidate(self, route, enrolled="2025-09-15"):
        n = len(self.candidates) + 1
        cid = f"{self.prefix}{n:03d}"
        fam, giv = FAMILY[(n * 7 + len(self.prefix)) % len(FAMILY)], GIVEN[(n * 11 + 3) % len(GIVEN)]
        birth = f"{rng.randint(1975, 1999)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        mail = f"{ascii_mail(giv)}.{ascii_mail(fam)}@exemple.fr"
        self.candidates.append([cid, fam, giv, birth, mail, self.cert, route, enrolled, self.cohort]
                               + self.identity(n, fam, giv))
        return cid

    def identity(self, n, fam, giv):
        """birth_name, usage_name, first_names, sex, birth place and country, postal address: the
        civil-status columns of contract §8. Every tenth candidate has none (enrolled before they
        were asked for); some women use their spouse's name; some were born abroad."""
        if n % 10 == 0:
            return [""] * 9
        sex = "M" if giv in MALE else "F"
        birth_name, usage_name = "", ""
        if sex == "F" and n % 6 == 1:
            birth_name, usage_name = FAMILY[(n * 3 + 5) % len(FAMILY)], fam
        first = giv + (" " + civil.choice(SECOND[sex]) if civil.random() < 0.6 else "")
        if n % 7 == 3:
            code, country, town = civil.choice(ABROAD)
            place = [("", town, code, country)]
        else:
            insee, town = civil.choice(COMMUNES)
            place = [(insee, town, "", "")]
        postcode, city = civil.choice(TOWNS)
        address = f"{civil.randint(1, 120)} {civil.choice(STREETS)}, {postcode} {city}"
        return [birth_name, usage_name, first, sex, *place[0], address]

    def ev(self, cid, comp, mod, date, score="", mx="20", result=""):
        self.events.append([cid, comp, mod, date, score, mx if score else "", result, rng.choice(EVALUATORS)])

    def score(self, low=10, high=18):
        return f"{rng.randint(low, high)}" + rng.choice(["", ",5"])

    def blocks_done(self, cid, only=None, skip=(), date_base=(2026, 3)):
        y, m = date_base
        for i, (code, mods) in enumerate(self.blocks.items()):
            if only is not None and code not in only:
                continue
            for j, mod in enumerate(mods):
                if (code, mod) in skip:
                    continue
                mm = m + i * 2
                date = f"{y + (mm - 1) // 12}-{(mm - 1) % 12 + 1:02d}-{10 + j * 3:02d}"
                self.ev(cid, code, mod, date, self.score())

    def finals_done(self, cid, skip=(), date="2027-05-25"):
        for f in self.finals:
            if f not in skip:
                self.ev(cid, "final", f, date, self.score(11, 17))

    def write(self, folder):
        path = os.path.join(HERE, folder)
        os.makedirs(path, exist_ok=True)

        def dump(name, header, rows):
            with open(os.path.join(path, name), "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh, delimiter=";" if self.cert == "RNCP36888" else ",", lineterminator="\n")
                w.writerow(header)
                w.writerows(rows)

        dump("candidates.csv", ["candidate_id", "family_name", "given_names", "birth_date", "email",
                                "certification", "access_route", "enrolled_on", "cohort", "birth_name", "usage_name",
                                "first_names", "sex", "birth_place_code", "birth_place", "birth_country_code",
                                "birth_country", "postal_address"], self.candidates)
        dump("events.csv", ["candidate_id", "component", "modality", "date", "score", "max_score", "result",
                            "evaluator"], self.events)
        dump("requirements.csv", ["candidate_id", "kind", "start", "end", "years"], self.reqs)
        dump("decisions.csv", ["candidate_id", "component", "decision", "date"], self.decisions)


def meqp():
    a = Cohort("RNCP41818", "MEQP-2025", "MQ", {
        "RNCP41818BC01": ["note_synthese", "dossier_professionnel", "soutenance_orale"],
        "RNCP41818BC02": ["etude_faisabilite", "soutenance_orale", "etude_de_cas"],
        "RNCP41818BC03": ["mise_en_situation", "etude_de_cas"],
        "RNCP41818BC04": ["mise_en_situation", "etude_de_cas"],
    }, ["memoire", "livret", "soutenance"])
    routes = ["apprentissage", "formation_continue", "contrat_professionnalisation"]
    stage = lambda cid, s="2026-04-06", e="2026-07-31": a.reqs.append([cid, "stage", s, e, ""])
    # Complete records: ready for the title jury.
    for i in range(8):
        c = a.candidate(routes[i % 3]); a.blocks_done(c); a.finals_done(c); stage(c)
    # Blocks BC01 and BC02 capitalised by the December 2026 jury, the rest passed since.
    for i in range(4):
        c = a.candidate(routes[i % 3]); a.blocks_done(c); a.finals_done(c); stage(c, "2026-05-04", "2026-06-26")
        a.decisions += [[c, "RNCP41818BC01", "valide", "2026-12-14"], [c, "RNCP41818BC02", "valide", "2026-12-14"]]
    # Title already awarded by the June 2027 jury.
    for i in range(3):
        c = a.candidate(routes[i % 3], "2024-09-16"); a.blocks_done(c, date_base=(2025, 3)); a.finals_done(c, date="2026-05-20")
        stage(c, "2025-04-07", "2025-06-27")
        a.decisions += [[c, code, "valide", "2026-06-22"] for code in a.blocks] + [[c, "title", "valide", "2027-06-14"]]
    # A failed modality, not yet retaken.
    for i in range(3):
        c = a.candidate(routes[i % 3]); a.blocks_done(c, skip={("RNCP41818BC03", "etude_de_cas")}); a.finals_done(c); stage(c)
        a.ev(c, "RNCP41818BC03", "etude_de_cas", "2026-07-10", rng.choice(["6", "7,5", "8", "9,5"]))
    # A retake that replaces the failed attempt.
    for i in range(3):
        c = a.candidate(routes[i % 3]); a.blocks_done(c, skip={("RNCP41818BC02", "etude_faisabilite")}); a.finals_done(c); stage(c)
        a.ev(c, "RNCP41818BC02", "etude_faisabilite", "2026-05-12", "7")
        a.ev(c, "RNCP41818BC02", "etude_faisabilite", "2027-02-03", "13,5")
    # Retake scheduled after the demo date: still failed on 2027-06-30.
    c = a.candidate("formation_continue"); a.blocks_done(c, skip={("RNCP41818BC04", "mise_en_situation")}); a.finals_done(c); stage(c)
    a.ev(c, "RNCP41818BC04", "mise_en_situation", "2026-11-11", "8"); a.ev(c, "RNCP41818BC04", "mise_en_situation", "2027-09-15", "14")
    # A jury result that overrides the score (result wins).
    c = a.candidate("apprentissage"); a.blocks_done(c, skip={("RNCP41818BC01", "soutenance_orale")}); a.finals_done(c); stage(c)
    a.ev(c, "RNCP41818BC01", "soutenance_orale", "2026-03-16", "9", "20", "acquis")
    # Finals not all taken yet; no stage yet.
    c = a.candidate("apprentissage"); a.blocks_done(c); a.finals_done(c, skip={"memoire", "soutenance"}); stage(c)
    c = a.candidate("contrat_professionnalisation"); a.blocks_done(c); a.finals_done(c)
    c = a.candidate("formation_continue"); a.blocks_done(c); a.finals_done(c); stage(c, "2027-06-01", "2027-08-31")
    # Still in training.
    c = a.candidate("apprentissage", "2026-09-14"); a.blocks_done(c, only={"RNCP41818BC01"}, skip={("RNCP41818BC01", "soutenance_orale")}, date_base=(2026, 11))
    c = a.candidate("formation_continue", "2027-01-11")
    # VAE: a block assessed whole by the VAE jury; the stage is not asked.
    for i in range(3):
        c = a.candidate("vae", "2026-10-05")
        for code in list(a.blocks)[: 2 + i]:
            a.ev(c, code, "vae", "2027-03-18", "", "", "acquis")
        if i == 2:
            a.finals_done(c)
    c = a.candidate("vae", "2026-10-05"); a.ev(c, "RNCP41818BC04", "vae", "2027-03-18", "", "", "non_acquis")
    # Refused routes: the fiche does not open them.
    c = a.candidate("formation_initiale"); a.blocks_done(c); a.finals_done(c); stage(c)
    c = a.candidate("candidature_individuelle"); a.blocks_done(c, only={"RNCP41818BC01"})
    return a


def remms():
    b = Cohort("RNCP36888", "REMMS-2025", "RE", {
        "RNCP36888BC01": ["note_synthese", "dossier_etude", "expose_oral"],
        "RNCP36888BC02": ["etude_de_cas"],
        "RNCP36888BC03": ["dossier_financement", "devoir_sur_table"],
        "RNCP36888BC04": ["mise_en_situation"],
    }, ["memoire"])
    routes = ["apprentissage", "formation_continue", "contrat_professionnalisation"]
    exp = lambda cid, y: b.reqs.append([cid, "experience", "", "", y])
    stage = lambda cid, s, e: b.reqs.append([cid, "stage", s, e, ""])
    # Three years of experience or more.
    for i in range(7):
        c = b.candidate(routes[i % 3]); b.blocks_done(c); b.finals_done(c); exp(c, rng.choice(["3", "4,5", "6", "12"]))
    # Experience in two lines that add up to three years.
    for i in range(2):
        c = b.candidate(routes[i % 3]); b.blocks_done(c); b.finals_done(c); exp(c, "1,5"); exp(c, "1,5")
    # A stage of exactly four months (the boundary: 2026-03-01 to 2026-06-30).
    c = b.candidate("apprentissage"); b.blocks_done(c); b.finals_done(c); stage(c, "2026-03-01", "2026-06-30")
    # A stage one day short of four months, and little experience.
    c = b.candidate("formation_continue"); b.blocks_done(c); b.finals_done(c); stage(c, "2026-03-01", "2026-06-29"); exp(c, "1")
    # Two short stages: they are not added up.
    c = b.candidate("contrat_professionnalisation"); b.blocks_done(c); b.finals_done(c)
    stage(c, "2026-01-05", "2026-03-13"); stage(c, "2026-04-06", "2026-06-12")
    # A long stage.
    for i in range(3):
        c = b.candidate(routes[i % 3]); b.blocks_done(c); b.finals_done(c); stage(c, "2026-02-02", "2026-07-31")
    # Neither experience nor stage recorded.
    c = b.candidate("apprentissage"); b.blocks_done(c); b.finals_done(c)
    # Blocks capitalised by an earlier jury; title awarded.
    for i in range(3):
        c = b.candidate(routes[i % 3], "2024-09-16"); b.blocks_done(c, date_base=(2025, 2)); b.finals_done(c, date="2026-06-08"); exp(c, "5")
        b.decisions += [[c, code, "valide", "2026-07-06"] for code in b.blocks]
        if i < 2:
            b.decisions.append([c, "title", "valide", "2026-07-06"])
    for i in range(2):
        c = b.candidate(routes[i % 3]); b.blocks_done(c, only={"RNCP36888BC01", "RNCP36888BC02"}); exp(c, "3")
        b.decisions += [[c, "RNCP36888BC01", "valide", "2026-12-07"], [c, "RNCP36888BC02", "ajourne", "2026-12-07"]]
    # Failures and retakes.
    for i in range(3):
        c = b.candidate(routes[i % 3]); b.blocks_done(c, skip={("RNCP36888BC03", "devoir_sur_table")}); b.finals_done(c); exp(c, "4")
        b.ev(c, "RNCP36888BC03", "devoir_sur_table", "2026-06-18", rng.choice(["5", "7", "9,5"]))
        if i == 0:
            b.ev(c, "RNCP36888BC03", "devoir_sur_table", "2027-01-21", "12")
    c = b.candidate("formation_continue"); b.blocks_done(c); b.ev(c, "final", "memoire", "2027-05-25", "8"); exp(c, "3,5")
    # Scores on another scale (out of 100).
    c = b.candidate("apprentissage"); b.blocks_done(c, skip={("RNCP36888BC04", "mise_en_situation")}); b.finals_done(c); exp(c, "3")
    b.ev(c, "RNCP36888BC04", "mise_en_situation", "2026-10-08", "55", "100")
    # In progress.
    c = b.candidate("contrat_professionnalisation", "2026-09-14"); b.blocks_done(c, only={"RNCP36888BC01"}, skip={("RNCP36888BC01", "expose_oral")}, date_base=(2026, 12))
    # VAE: blocks assessed whole by the VAE jury; experience counts for the requirement.
    for i in range(3):
        c = b.candidate("vae", "2026-10-05"); exp(c, rng.choice(["8", "10", "15"]))
        for code in list(b.blocks)[: 2 + i]:
            b.ev(c, code, "vae", "2027-04-08", "", "", "acquis")
        if i == 2:
            b.finals_done(c)
    # Refused routes.
    c = b.candidate("formation_initiale"); b.blocks_done(c); b.finals_done(c); stage(c, "2026-02-02", "2026-07-31")
    c = b.candidate("candidature_individuelle"); exp(c, "9")
    return b


if __name__ == "__main__":
    meqp().write("meqp-2025")
    remms().write("remms-2025")
