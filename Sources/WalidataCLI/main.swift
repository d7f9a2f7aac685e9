import Walidata

try await Walidata.main()
