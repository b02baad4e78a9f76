import Foundation

// Built two ways (Benchmarks/fuzz-readers.sh):
// - with `-sanitize=fuzzer -DFUZZING`: `main` hands over to libFuzzer's driver, which calls
//   `oneInput` with each input it makes, guided by the coverage of the readers;
// - as a plain executable: `certifolio-fuzz DIR|FILE…` replays a corpus or a crash's input
//   (no sanitizer needed), and `certifolio-fuzz --seeds DIR` writes the seed corpus.

nonisolated(unsafe) private var readers: Readers?

private func loaded() -> Readers {
    if let readers { return readers }
    let root = ProcessInfo.processInfo.environment["CERTIFOLIO_ROOT"] ?? FileManager.default.currentDirectoryPath
    do {
        readers = try Readers(root: root)
    } catch {
        fatalError("les référentiels de \(root)/SampleCohorts/referentiels ne se lisent pas : \(error)")
    }
    return readers!
}

/// Each input libFuzzer makes (or each file replayed) goes to the readers.
private let oneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { data, size in
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    loaded().run(input)
    return 0
}

#if FUZZING
/// libFuzzer's driver, linked in by `-sanitize=fuzzer`: it reads its own flags from the command line.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

@main
struct FuzzMain {
    static func main() throws {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, oneInput))
        #else
        try replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    static func replay(_ arguments: [String]) throws {
        if arguments.first == "--seeds", arguments.count == 2 {
            try Seeds.write(to: arguments[1], root: FileManager.default.currentDirectoryPath)
            return
        }
        var accepted = 0
        var refused = 0
        for path in arguments.flatMap(Self.files) {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            if loaded().run(bytes) { accepted += 1 } else { refused += 1 }
        }
        print("\(accepted + refused) entrées rejouées : \(accepted) acceptées, \(refused) refusées en français.")
    }

    static func files(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }
    }
}
