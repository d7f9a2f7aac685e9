import Foundation
import Vapor

/// The tab icon: a white W on the brand blue, 32×32, served from the binary like the
/// stylesheet (no third-party host). `/favicon.ico` is where browsers look without being told.
enum Favicon {
    /// An ICO holding one PNG image (made by a short script: rounded square, W polyline).
    static let bytes: [UInt8] = Array(Data(base64Encoded: base64.joined())!)

    private static let base64 = [
        "AAABAAEAICAAAAEAIAAMAgAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAdNJREFUeNpjYEAC3MFTSoD4NBD/BOL/VMY/oWaXMKAD",
        "oKASVPI/nTDILiVkB9DTcrgjkIP9/wDhkoHyPSIUaJTgiE6YDOiCZoXL/+869wCMQWxKLSFkHoYDQAphAMSm1AGEzMPrABCQip1FtuUgvciAKAcUzj6Ioil5",
        "4i6yHQDSiwxAZhN0gEbGQhRNq4/cIituQRikFxmAzCboABA+eeM5XNOX77+wGr77/EO4GhAbmxqQXhgAmYlNDVYHNCw9juLykLYtKPIWRcv/owOQGLIakB5k",
        "ADKTaAeYo1kwd9cVFPmpWy5gOAAkhqwGpAcZmBctJ94BIHz98Vu45mdvv8DFhSKm//+MFLQwABIDycHUgfTAAMgsXPbgdEDf+rMoFrjVrAWLF8w68B8XAMmB",
        "1IDUIgOQWSQ7AJch5+68xOkAkBw+x5PkAGzB6FW/HsXgFYdugjEyAKnBFX0kOwA9IWGzDJuj8CVgkhyAnpWwBTehaEHPwiQ5AL0wwZbg8CVMXIUYSQ5AL06x",
        "ZTlcWRNXMU6SA9ArFGyFDq7CiZiKjIHUKhVbsYureCamKmcgtVGBq+JBr6CIbcwwUKNZRUlzblA0Sge8WT6wHZMB75oNis7pQHbPAa4oQJgecgU6AAAAAElF",
        "TkSuQmCC",
    ]

    static func response(_ request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "image", subType: "x-icon")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=604800")
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }
}
