/// A message in both interface languages; domain errors and labels carry one.
public struct LocalizedText: Hashable, Codable, Sendable {
    /// The English text.
    public var en: String
    /// The Chinese text.
    public var zh: String

    /// Creates a text from its two translations.
    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The text in the given language.
    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

/// An interface language.
public enum Language: String, CaseIterable, Codable, Sendable {
    case en, zh
}
