//! Where a finding is: a path that starts with a record's id made an array index, then the
//! path found in the file's text as a line and column.

use gongshi_core::diag::Diagnostic;
use serde_json::Value;
use std::collections::BTreeMap;

/// Gives each finding with a path and no line yet its line and column in its file (`values`: the
/// files that parsed as JSON).
pub(super) fn place(out: &mut [Diagnostic], files: &BTreeMap<String, Vec<u8>>, values: &BTreeMap<&str, Value>) {
    for d in out {
        if d.line.is_some() || d.path.is_empty() {
            continue;
        }
        let Some(value) = values.get(d.file.as_str()) else { continue };
        if let Some(p) = resolve_id_path(value, &d.path) {
            d.path = p;
        }
        if let Some(text) = files.get(&d.file).and_then(|b| std::str::from_utf8(b).ok()) {
            if let Some((line, column)) = locate(text, &d.path) {
                d.line = Some(line);
                d.column = Some(column);
            }
        }
    }
}

/// `X2020-00001.from_donations` → `records[17].from_donations` when a top-level array holds an
/// element with that id; `None` when the path does not start with a known id.
fn resolve_id_path(value: &Value, path: &str) -> Option<String> {
    let segs = parse_path(path)?;
    let Some(Seg::Key(first)) = segs.first() else { return None };
    if value.get(first).is_some() {
        return None;
    }
    let obj = value.as_object()?;
    for (key, v) in obj {
        if let Some(items) = v.as_array() {
            if let Some(i) = items.iter().position(|x| x.get("id").and_then(Value::as_str) == Some(first.as_str())) {
                let rest = &path[path.find(['.', '[']).unwrap_or(path.len())..];
                return Some(format!("{key}[{i}]{rest}"));
            }
        }
    }
    None
}

#[derive(Debug, PartialEq, Eq)]
enum Seg {
    Key(String),
    Index(usize),
}

/// `records[3].note`, `["a.b"][0]`, `city.village_coverage_bp` → segments.
fn parse_path(path: &str) -> Option<Vec<Seg>> {
    let mut segs = Vec::new();
    let b = path.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'.' => i += 1,
            b'[' if b.get(i + 1) == Some(&b'"') => {
                let end = string_end(path, i + 1)?;
                segs.push(Seg::Key(serde_json::from_str(&path[i + 1..=end]).ok()?));
                if b.get(end + 1) != Some(&b']') {
                    return None;
                }
                i = end + 2;
            }
            b'[' => {
                let close = i + path[i..].find(']')?;
                segs.push(Seg::Index(path[i + 1..close].parse().ok()?));
                i = close + 1;
            }
            _ => {
                let end = path[i..].find(['.', '[']).map(|e| i + e).unwrap_or(path.len());
                segs.push(Seg::Key(path[i..end].to_string()));
                i = end;
            }
        }
    }
    Some(segs)
}

/// The index of the closing quote of the JSON string starting at `start` (a `"`).
fn string_end(s: &str, start: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The 1-based line and column (in characters) where the value at `path` starts in the JSON
/// `text`; `None` when the path is not in the text. The text must be valid JSON.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let segs = parse_path(path)?;
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut sc = Scanner { s: text, i: start };
    let at = sc.find(&segs)?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1 - usize::from(line == 1 && start == 3);
    Some((line, col))
}

struct Scanner<'a> {
    s: &'a str,
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }
    fn string(&mut self) -> Option<String> {
        let end = string_end(self.s, self.i)?;
        let v = serde_json::from_str(&self.s[self.i..=end]).ok();
        self.i = end + 1;
        v
    }
    fn skip(&mut self) -> Option<()> {
        self.ws();
        match self.peek()? {
            b'"' => {
                self.i = string_end(self.s, self.i)? + 1;
            }
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.i = string_end(self.s, self.i)? + 1;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
            }
            _ => {
                while !matches!(self.peek(), None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')) {
                    self.i += 1;
                }
            }
        }
        Some(())
    }
    fn find(&mut self, segs: &[Seg]) -> Option<usize> {
        self.ws();
        let Some(first) = segs.first() else { return Some(self.i) };
        match (first, self.peek()?) {
            (Seg::Key(k), b'{') => {
                self.i += 1;
                loop {
                    self.ws();
                    if self.peek()? != b'"' {
                        return None;
                    }
                    let key = self.string()?;
                    self.ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.i += 1;
                    if key == *k {
                        return self.find(&segs[1..]);
                    }
                    self.skip()?;
                    self.ws();
                    if self.peek()? != b',' {
                        return None;
                    }
                    self.i += 1;
                }
            }
            (Seg::Index(n), b'[') => {
                self.i += 1;
                for k in 0.. {
                    self.ws();
                    if self.peek()? == b']' {
                        return None;
                    }
                    if k == *n {
                        return self.find(&segs[1..]);
                    }
                    self.skip()?;
                    self.ws();
                    if self.peek()? != b',' {
                        return None;
                    }
                    self.i += 1;
                }
                None
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_and_locate() {
        assert_eq!(parse_path("records[3].note").unwrap(), vec![Seg::Key("records".into()), Seg::Index(3), Seg::Key("note".into())]);
        assert_eq!(parse_path("[\"a.b\"][0]").unwrap(), vec![Seg::Key("a.b".into()), Seg::Index(0)]);
        let text = "{\n  \"schema\": \"x\",\n  \"records\": [\n    {\"id\":\"a\",\"note\":\"[{}]\\\"\"},\n    {\"id\":\"b\",\"n\":{\"k\":[1,2]},\"note\":\"两\"}\n  ],\n  \"a.b\": [\"z\"]\n}\n";
        assert_eq!(locate(text, "records[1].note"), Some((5, 38)));
        assert_eq!(locate(text, "records[0].note"), Some((4, 22)));
        assert_eq!(locate(text, "records[1]"), Some((5, 5)));
        assert_eq!(locate(text, "schema"), Some((2, 13)));
        assert_eq!(locate(text, "[\"a.b\"][0]"), Some((7, 11)));
        assert_eq!(locate(text, "records[2]"), None);
        assert_eq!(locate(text, "nope"), None);
        assert_eq!(locate(text, "records[1].n.k[1]"), Some((5, 27)));
        let v: Value = serde_json::from_str(text).unwrap();
        assert_eq!(resolve_id_path(&v, "b.note").as_deref(), Some("records[1].note"));
        assert_eq!(resolve_id_path(&v, "b").as_deref(), Some("records[1]"));
        assert_eq!(resolve_id_path(&v, "records[0]"), None);
        assert_eq!(resolve_id_path(&v, "zzz.note"), None);
    }
}
