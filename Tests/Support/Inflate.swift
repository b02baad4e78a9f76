import CZlib

/// zlib's inflate over a whole buffer: a PDF's FlateDecode streams (ISO 32000-1 §7.4.4).
enum Inflate {
    struct Failed: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "flux Flate illisible (zlib \(code))" }
    }

    static func bytes(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        var status = inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Failed(code: status) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var source = input
        status = source.withUnsafeMutableBufferPointer { input -> Int32 in
            stream.next_in = input.baseAddress
            stream.avail_in = uInt(input.count)
            var status = Z_OK
            repeat {
                status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
                    return status
                }
            } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
            return status
        }
        guard status == Z_STREAM_END else { throw Failed(code: status) }
        return output
    }
}
