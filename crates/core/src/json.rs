//! Reading JSON text into raw serde types, with errors that say which file, where and why.

use crate::diag::Diagnostic;
use serde::de::DeserializeOwned;

/// Largest data file the app accepts, in bytes (protects phones from a runaway file).
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// Parses `text` (the content of `file`) into `T`.
///
/// A UTF-8 byte-order mark is accepted. Errors name the line, column and JSON path, and say in
/// plain Chinese what went wrong (the serde detail is kept after it for the technically minded).
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            file,
            "",
            format!("文件过大（{} 字节，上限 {} 字节），为保护手机没有读取", text.len(), MAX_FILE_BYTES),
        ));
    }
    let head = text.trim_start();
    if head.is_empty() {
        return Err(Diagnostic::error(file, "", "文件是空的，没有任何数据"));
    }
    let lower: String = head.chars().take(15).collect::<String>().to_ascii_lowercase();
    if lower.starts_with("<!doctype") || lower.starts_with("<html") || lower.starts_with('<') {
        return Err(Diagnostic::error(
            file,
            "",
            "收到的是一个网页（HTML），不是 JSON 数据文件：文件可能不存在，或服务器返回了错误页",
        ));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let result: Result<T, _> = serde_path_to_error::deserialize(&mut de);
    let value = result.map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let inner = e.into_inner();
        let (line, column) = (inner.line(), inner.column());
        let detail = strip_position(&inner.to_string());
        let reason = match inner.classify() {
            serde_json::error::Category::Eof => "文件不完整，在结尾处被截断".to_string(),
            serde_json::error::Category::Syntax => format!("JSON 语法错误（{detail}）"),
            serde_json::error::Category::Data => format!("数据类型或取值不符合格式（{detail}）"),
            serde_json::error::Category::Io => format!("读取失败（{detail}）"),
        };
        Diagnostic::error(file, path, reason).at(line, column)
    })?;
    // Trailing garbage is reported by serde_json on `end()`.
    de.end().map_err(|e| {
        Diagnostic::error(file, "", format!("JSON 结束后还有多余内容（{}）", strip_position(&e.to_string())))
            .at(e.line(), e.column())
    })?;
    Ok(value)
}

fn strip_position(s: &str) -> String {
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Item {
        no: u32,
    }

    #[test]
    fn truncated_file_names_line_and_column() {
        let d = parse::<Doc>("x.json", "{\n  \"items\": [\n    {\"no\": 1},\n").unwrap_err();
        assert_eq!(d.file, "x.json");
        assert!(d.message.contains("截断"), "{}", d.message);
        assert_eq!(d.line, Some(4));
    }

    #[test]
    fn type_error_names_path() {
        let d = parse::<Doc>("x.json", "{\"items\": [{\"no\": 1}, {\"no\": \"abc\"}]}").unwrap_err();
        assert_eq!(d.path, "items[1].no");
        assert_eq!(d.line, Some(1));
        assert!(d.message.contains("数据类型"), "{}", d.message);
    }

    #[test]
    fn bom_is_accepted_and_html_is_explained() {
        assert!(parse::<Doc>("x.json", "\u{feff}{\"items\": []}").is_ok());
        let d = parse::<Doc>("x.json", "<!DOCTYPE html><html><body>404</body></html>").unwrap_err();
        assert!(d.message.contains("HTML"));
        let d = parse::<Doc>("x.json", "   ").unwrap_err();
        assert!(d.message.contains("空"));
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        assert!(parse::<Doc>("x.json", "{\"items\": []} xyz").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        let d = parse::<Doc>("x.json", &text).unwrap_err();
        assert_eq!(d.file, "x.json");
    }
}
