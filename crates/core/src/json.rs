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
        return Err(Diagnostic::error(file, "", format!("文件过大（{} 字节，上限 {} 字节），为保护手机没有读取", text.len(), MAX_FILE_BYTES)).en(format!(
            "The file is too large ({} bytes; the limit is {} bytes), so it was not read, to protect phones",
            text.len(),
            MAX_FILE_BYTES
        )));
    }
    let head = text.trim_start();
    if head.is_empty() {
        return Err(Diagnostic::error(file, "", "文件是空的，没有任何数据").en("The file is empty: there is no data in it"));
    }
    let lower: String = head.chars().take(15).collect::<String>().to_ascii_lowercase();
    if lower.starts_with("<!doctype") || lower.starts_with("<html") || lower.starts_with('<') {
        return Err(Diagnostic::error(file, "", "收到的是一个网页（HTML），不是 JSON 数据文件：文件可能不存在，或服务器返回了错误页")
            .en("This is a web page (HTML), not a JSON data file: the file may be missing, or the server sent an error page"));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    // Plain serde_json (no path tracking while parsing: that doubled the deserialisation code in
    // the wasm and slowed every load); on an error, the path is found afterwards by [`path_at`].
    let result: Result<T, _> = T::deserialize(&mut de);
    let value = result.map_err(|inner| {
        let (line, column) = (inner.line(), inner.column());
        let path = path_at(text, offset_of(text, line, column));
        let detail = strip_position(&inner.to_string());
        let (reason, en) = match inner.classify() {
            serde_json::error::Category::Eof => ("文件不完整，在结尾处被截断".to_string(), "The file is incomplete: it is cut off at the end".to_string()),
            serde_json::error::Category::Syntax => (format!("JSON 语法错误（{detail}）"), format!("JSON syntax error ({detail})")),
            serde_json::error::Category::Data => (format!("数据类型或取值不符合格式（{detail}）"), format!("A value has the wrong type or form ({detail})")),
            serde_json::error::Category::Io => (format!("读取失败（{detail}）"), format!("Reading failed ({detail})")),
        };
        Diagnostic::error(file, path, reason).en(en).at(line, column)
    })?;
    // Trailing garbage is reported by serde_json on `end()`.
    de.end().map_err(|e| {
        Diagnostic::error(file, "", format!("JSON 结束后还有多余内容（{}）", strip_position(&e.to_string())))
            .en(format!("There is more text after the end of the JSON ({})", strip_position(&e.to_string())))
            .at(e.line(), e.column())
    })?;
    Ok(value)
}

/// The byte offset of serde_json's (1-based line, byte column) position in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

/// The JSON path (`records[12].amount`) of the value being read at byte `offset` of `text`: a
/// small scanner that tracks object keys and array indices up to that point. Text that is not
/// valid JSON still gives the path of the innermost container reached.
pub fn path_at(text: &str, offset: usize) -> String {
    enum Frame {
        Obj { key: Option<String>, expect_key: bool },
        Arr { index: usize },
    }
    let b = text.as_bytes();
    let end = offset.min(b.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match b[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Obj { key, expect_key: expect @ true }) = stack.last_mut() {
                    let raw = &text[start..i.min(b.len())];
                    *key = Some(serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string()));
                    *expect = false;
                }
            }
            b'{' => stack.push(Frame::Obj { key: None, expect_key: true }),
            b'[' => stack.push(Frame::Arr { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Obj { expect_key, .. }) => *expect_key = true,
                Some(Frame::Arr { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Obj { key: Some(k), .. } => {
                let plain = !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_');
                if !plain {
                    path.push_str(&format!("[{}]", serde_json::to_string(k).unwrap_or_default()));
                } else {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
            }
            Frame::Obj { key: None, .. } => {}
            Frame::Arr { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
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
    fn paths_are_found_after_the_fact() {
        let t = "{\"records\": [{\"id\": \"a\", \"amount\": 1}, {\"id\": \"b\", \"amount\": \"abc\"}]}";
        let at = t.find("\"abc\"").unwrap() + 5;
        assert_eq!(path_at(t, at), "records[1].amount");
        assert_eq!(path_at(t, 0), "");
        assert_eq!(path_at("{\"a b\": [1, [2, 3", 17), "[\"a b\"][1][1]");
        assert_eq!(path_at("{\"k\\\"x\": 1", 11), "[\"k\\\"x\"]");
        let text = "{\n  \"items\": [\n    {\"no\": 1},\n    {\"no\": true}\n  ]\n}";
        let d = parse::<Doc>("x.json", text).unwrap_err();
        assert_eq!((d.path.as_str(), d.line), ("items[1].no", Some(4)));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        let d = parse::<Doc>("x.json", &text).unwrap_err();
        assert_eq!(d.file, "x.json");
    }
}
