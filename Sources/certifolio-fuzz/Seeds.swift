import Foundation

/// One valid input per reader, prefixed with its selector byte: where libFuzzer starts from.
enum Seeds {
    static func write(to folder: String, root: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let yaml = try String(contentsOfFile: "\(root)/SampleCohorts/referentiels/RNCP36888.yaml", encoding: .utf8)
        let inputs = [
            Readers.oneCandidate + "C002,Noir,Lou,1991-01-10,l@exemple.fr,RNCP41818,vae,2025-09-15,P2025\n",
            "candidate_id,component,modality,date,score,max_score,result,evaluator\n"
                + "C001,RNCP41818BC01,note_synthese,2026-10-01,12,20,,Mme A\nC001,final,memoire,2027-05-20,\"12,5\",20,,\n",
            "cohort,component,modality,deadline,date,place\nP2025,RNCP41818BC01,note_synthese,2027-05-31 12:00,,\n"
                + "P2025,final,soutenance,,2027-06-24,Cnam\n",
            "candidate_id,date,horizon,situation,target_job,contract\nC001,2027-01-12,6m,emploi,oui,cdi\n",
            "candidate_id,component,decision,motive\nC001,title,valide,\nC002,RNCP41818BC01,ajourne,Absent au jury\n",
            yaml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rapport><nomFichier>f.xml</nomFichier>\n"
                + "<PassagesOK><idTechnique>a-12</idTechnique></PassagesOK>\n<PassagesKO><passage>"
                + "<idTechnique>b</idTechnique><messageErreur>Aucun titulaire</messageErreur></passage></PassagesKO></rapport>\n",
            "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n",
        ]
        for (selector, input) in inputs.enumerated() {
            let bytes = [UInt8(selector)] + Array(input.utf8)
            _ = FileManager.default.createFile(atPath: "\(folder)/seed-\(Readers.names[selector])", contents: Data(bytes))
        }
    }
}
