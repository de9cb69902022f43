/// Why a cell rejects its row, as the message text after `field 'name': `.
struct CellProblem: Error {
    var text: String
}
