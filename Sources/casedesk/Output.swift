import ArgumentParser
import CaseTUI
import Foundation

// Case data is untrusted: a title, a note or an import line may carry terminal escape
// sequences, C1 or bidi controls. Every text the CLI writes for a person passes the console's
// sanitiser, keeping only its line breaks and tabs. Byte-exact output (export) is written with
// `FileHandle` directly and is not text for a terminal.

/// Writes to standard output, sanitised; shadows `Swift.print` throughout the executable.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(Sanitizer.cleanKeepingLayout(text), terminator: terminator)
}

/// Writes one message line to standard error, sanitised.
func warn(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((Sanitizer.cleanKeepingLayout(text) + terminator).utf8))
}

extension CaseDesk {
    /// Runs the command; an error's message is sanitised before it reaches the terminal.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // Help and version text are the program's own; print them as ArgumentParser does.
            guard code != .success, !(error is CleanExit) else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                warn(message.hasPrefix("Error: ") || message.contains("\n") ? message : "Error: " + message)
            }
            Foundation.exit(code.rawValue)
        }
    }
}
