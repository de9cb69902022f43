import ArgumentParser

extension Apen {
    /// Every subcommand, in the order `apen --help` lists them.
    static let commands: [ParsableCommand.Type] = [
        RunCommand.self, PlanCommand.self, ValidateCommand.self, HistoryCommand.self,
        CheckCommand.self, BaselineCommand.self, DiffCommand.self, IngestCommand.self,
        IndicatorsCommand.self, GenerateCommand.self, PruneCommand.self,
    ]
}
