/// The state the libcsv callbacks share, reached through libcsv's `data` pointer.
struct ReaderContext {
    let handler: CSVReader.Handler
    var record = RecordBuffer()
    /// The line on which the next record starts.
    var nextLine = 1
    /// The last row ended with a CR, so an immediately following LF completes a CRLF.
    var lastWasCR = false
    var stopped = false

    init(handler: @escaping CSVReader.Handler) {
        self.handler = handler
    }
}
