#!/usr/bin/env python3
"""A synthetic RNCP41818 cohort of N candidates for the memory benchmarks (progress-memory.sh,
pv-memory.sh, cpf-memory.sh): candidates.csv (with the sex and the INSEE code of the birthplace
the CPF matches holders on), events.csv (13 passing evaluations per candidate: every block's
modalities and the three final épreuves) and requirements.csv (a stage for two in three).

Usage: Benchmarks/synthetic-cohort.py FOLDER N
"""
import sys

folder, n = sys.argv[1], int(sys.argv[2])
blocks = {"RNCP41818BC01": ["note_synthese", "dossier_professionnel", "soutenance_orale"],
          "RNCP41818BC02": ["etude_faisabilite", "soutenance_orale", "etude_de_cas"],
          "RNCP41818BC03": ["mise_en_situation", "etude_de_cas"], "RNCP41818BC04": ["mise_en_situation", "etude_de_cas"]}
routes = ["apprentissage", "formation_continue", "contrat_professionnalisation", "vae"]
with open(f"{folder}/candidates.csv", "w") as c, open(f"{folder}/events.csv", "w") as e, \
     open(f"{folder}/requirements.csv", "w") as r:
    c.write("candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort,"
            "sex,birth_place_code,birth_place\n")
    e.write("candidate_id,component,modality,date,score,max_score,result,evaluator\n")
    r.write("candidate_id,kind,start,end,years\n")
    for i in range(n):
        id = f"B{i:07d}"
        c.write(f"{id},Lefèvre,Zoé,1990-02-03,,RNCP41818,{routes[i % 4]},2025-09-15,BENCH,F,69123,Lyon\n")
        for b, (code, modalities) in enumerate(blocks.items()):
            for m in modalities:
                e.write(f"{id},{code},{m},2026-{b + 3:02d}-15,{10 + i % 9},20,,Mme Évaluatrice\n")
        for exam in ("memoire", "livret", "soutenance"):
            e.write(f"{id},final,{exam},2027-05-20,13,20,,Jury\n")
        if i % 3:
            r.write(f"{id},stage,2026-04-06,2026-07-31,\n")
