//! Diagnostics: what is wrong with a data file, and where.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data is still usable; something looks off (e.g. a published sum that does not add up).
    Warning,
    /// A record or the whole file could not be used as published.
    Error,
}

/// One problem found in a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The data file, as named in the manifest (e.g. `rectification.json`).
    pub file: String,
    /// JSON path of the offending value, e.g. `problems[3].status`; empty for the whole file.
    pub path: String,
    /// 1-based line and column in the file, where known (syntax and type errors).
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Plain-language reason, in Chinese (the UI's default language).
    pub message: String,
    /// The reason in English, where the core has one (file-level problems and the common
    /// record checks); the English UI falls back to the Chinese text, labelled as such.
    pub message_en: Option<String>,
}

impl Diagnostic {
    pub fn error(file: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Error, file: file.to_string(), path: path.into(), line: None, column: None, message: message.into(), message_en: None }
    }

    /// Adds the English reason.
    pub fn en(mut self, message: impl Into<String>) -> Self {
        self.message_en = Some(message.into());
        self
    }

    /// The reason in `lang`: English when there is an English text.
    pub fn message_in(&self, lang: crate::i18n::Lang) -> (&str, bool) {
        match (lang, &self.message_en) {
            (crate::i18n::Lang::En, Some(en)) => (en.as_str(), true),
            (crate::i18n::Lang::En, None) => (self.message.as_str(), false),
            _ => (self.message.as_str(), true),
        }
    }

    /// Where in the file, in `lang` ("line 3, column 14, at problems[2].status").
    pub fn location_in(&self, lang: crate::i18n::Lang) -> String {
        if lang != crate::i18n::Lang::En {
            return self.location();
        }
        let mut parts = Vec::new();
        if let (Some(l), Some(c)) = (self.line, self.column) {
            parts.push(format!("line {l}, column {c}"));
        }
        if !self.path.is_empty() {
            parts.push(format!("at {}", self.path));
        }
        parts.join(", ")
    }

    pub fn warning(file: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, ..Self::error(file, path, message) }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// "第 3 行第 14 列" / "problems[2].status" — where in the file, for people.
    pub fn location(&self) -> String {
        let mut parts = Vec::new();
        if let (Some(l), Some(c)) = (self.line, self.column) {
            parts.push(format!("第 {l} 行第 {c} 列"));
        }
        if !self.path.is_empty() {
            parts.push(format!("位置 {}", self.path));
        }
        parts.join("，")
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loc = self.location();
        if loc.is_empty() {
            write!(f, "{}：{}", self.file, self.message)
        } else {
            write!(f, "{}（{}）：{}", self.file, loc, self.message)
        }
    }
}

/// A value together with the findings (diagnostics) made while producing it. "Findings", not
/// "problems": the rectification report's 21 problems are data, these are about the files.
///
/// Records that could not be used are left out of `value`; each is explained in `findings`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked<T> {
    pub value: T,
    pub findings: Vec<Diagnostic>,
}

impl<T> Checked<T> {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.findings.iter().filter(|p| p.severity == Severity::Error)
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }
}
