import CertifolioPDF
import Testing

/// The QR encoder against a reference encoder, module for module: the matrices below were
/// printed by python-qrcode 8.2 (byte mode, level M, the mask forced), not by this code. (segno
/// 1.6 is no reference: it adds a zero byte after the terminator when the stream is already on a
/// byte boundary, a valid but different symbol.) zxing-cpp decodes the parchemin's code in .ci/run.
@Suite struct QRCodeTests {
    @Test func aVerificationAddressEncodesAsTheReferenceEncoderDoes() throws {
        let code = try #require(QRCode("https://certifolio.example/verification/K7M2Q9WX4RTB", mask: 3))
        #expect(code.version == 4)
        #expect(rows(code) == [
            "111111101111111011111101001111111",
            "100000101001110010101001101000001",
            "101110100010100001010000001011101",
            "101110101000101110010001001011101",
            "101110100100101001001011101011101",
            "100000100000100000010100001000001",
            "111111101010101010101010101111111",
            "000000001101001001111000000000000",
            "101101110110001011111100001001011",
            "011110010001100010111001001101101",
            "000111110000001001000001010111011",
            "111100000101011100111000111101000",
            "101101100100000100100110000111001",
            "110001001101100010100110000101010",
            "111001110100011110110100101101100",
            "010110000100111010001110011011100",
            "101010100111010110101110111011100",
            "101101000011101101101011111011011",
            "001111100000001111000010111110110",
            "001110011010001110010010010010000",
            "110100100111001100101000000001100",
            "100101011001011100101010000000101",
            "001110100011101011001011101100011",
            "010100010010001010000011101001010",
            "101000101000000101000010111111010",
            "000000001110011101011100100011000",
            "111111101001110000011011101010000",
            "100000101011101110011101100011110",
            "101110100110101001010101111110100",
            "101110101011001001111101000101001",
            "101110101111010000000101101100100",
            "100000100011111111000010100110001",
            "111111101110001111110100001010100",
        ])
    }

    @Test func aShortTextTakesVersionOne() throws {
        let code = try #require(QRCode("Certifolio", mask: 5))
        #expect(code.version == 1)
        #expect(rows(code) == [
            "111111100000001111111",
            "100000101101001000001",
            "101110101100101011101",
            "101110101000001011101",
            "101110100101101011101",
            "100000100110101000001",
            "111111101010101111111",
            "000000001001100000000",
            "100000101010111001110",
            "000001010000110001100",
            "110110101011000001110",
            "001001010110010111111",
            "001100110100010000011",
            "000000001111101010100",
            "111111100110110000010",
            "100000100001111001100",
            "101110100100101001001",
            "101110100100111011100",
            "101110100110000011111",
            "100000100110000101100",
            "111111101101000110010",
        ])
    }

    @Test func theChosenMaskIsOneOfTheEightAndTooLongATextHasNoCode() throws {
        let code = try #require(QRCode("https://certifolio.example/verification/K7M2Q9WX4RTB"))
        #expect((0..<8).contains(code.mask))
        #expect(code == QRCode("https://certifolio.example/verification/K7M2Q9WX4RTB", mask: code.mask))
        #expect(QRCode(String(repeating: "a", count: QRCode.capacity)) != nil)
        #expect(QRCode(String(repeating: "a", count: QRCode.capacity + 1)) == nil)
    }

    private func rows(_ code: QRCode) -> [String] {
        code.modules.map { $0.map { $0 ? "1" : "0" }.joined() }
    }
}
