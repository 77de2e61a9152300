//! Text search: normalisation and matching shared by every page.
//!
//! Search is substring matching over normalised text (Chinese has no spaces between words, so
//! token indexes would miss most queries). A query is split on whitespace into terms; a record
//! matches when every term occurs somewhere in it.

/// Normalises text for matching: full-width ASCII → half-width, ideographic space → space,
/// lower case, all whitespace removed.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// [`normalize`], appending to `out` (no allocation per part when building a haystack).
pub fn normalize_into(s: &str, out: &mut String) {
    for ch in s.chars() {
        // Fast paths: ASCII, and CJK ideographs (no case, no width, no space).
        if ch.is_ascii() {
            if !ch.is_whitespace() {
                out.push(ch.to_ascii_lowercase());
            }
            continue;
        }
        if ('\u{4e00}'..='\u{9fff}').contains(&ch) {
            out.push(ch);
            continue;
        }
        let ch = match ch {
            '\u{3000}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(ch as u32 - 0xfee0).unwrap_or(ch),
            _ => ch,
        };
        if ch.is_whitespace() {
            continue;
        }
        for l in ch.to_lowercase() {
            out.push(l);
        }
    }
}

/// A parsed query: its normalised terms (empty = matches everything).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
    /// The terms typed in capitals (`XNHH`, `DX`): codes — a receipt number's or an id's prefix —
    /// matched as typed, never as pinyin initials.
    codes: Vec<String>,
}

impl Query {
    pub fn new(raw: &str) -> Self {
        let mut terms = Vec::new();
        let mut codes = Vec::new();
        for piece in raw.split(|c: char| c.is_whitespace() || c == '\u{3000}') {
            let t = normalize(piece);
            if t.is_empty() {
                continue;
            }
            if is_code(piece) {
                codes.push(t.clone());
            }
            terms.push(t);
        }
        Self { terms, codes }
    }

    /// Whether `term` (one of [`Query::terms`]) is matched in pinyin as well as literally: a term
    /// of letters (and Chinese characters, `张xs`) not typed in capitals
    /// ([`crate::pinyin::is_pinyin_term`]).
    pub fn spells(&self, term: &str) -> bool {
        crate::pinyin::is_pinyin_term(term) && !self.codes.iter().any(|c| c == term)
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether every term occurs in `haystack`, which must already be [`normalize`]d.
    pub fn matches(&self, haystack: &str) -> bool {
        self.terms.iter().all(|t| haystack.contains(t.as_str()))
    }

    /// [`Query::matches`], where a term of letters may also be spelled in pinyin
    /// ([`crate::pinyin`]) when a table is given.
    pub fn matches_with(&self, haystack: &str, pinyin: Option<&crate::pinyin::Table>) -> bool {
        self.terms.iter().all(|t| haystack.contains(t.as_str()) || spelled_in(self, pinyin, t, haystack).is_some())
    }
}

/// A term typed in capitals: two or more capital Latin letters (ASCII or full-width) and no small
/// one. Phones capitalise a field's first letter (`Zhang`), so one capital is not a code.
fn is_code(raw: &str) -> bool {
    let capital = |c: &char| c.is_ascii_uppercase() || ('Ａ'..='Ｚ').contains(c);
    let small = |c: &char| c.is_ascii_lowercase() || ('ａ'..='ｚ').contains(c);
    raw.chars().filter(capital).count() >= 2 && !raw.chars().any(|c| small(&c))
}

/// Where `term`, one of `query`'s, is first spelled in pinyin in `hay` (byte range), when a table
/// is given and the query spells the term ([`Query::spells`]).
fn spelled_in(query: &Query, pinyin: Option<&crate::pinyin::Table>, term: &str, hay: &str) -> Option<(usize, usize)> {
    let table = pinyin.filter(|_| query.spells(term))?;
    table.find(&term.chars().collect::<Vec<_>>(), hay)
}

/// Splits `text` into runs, marking those that match a query term (for highlighting as plain
/// text nodes — never as HTML). Matching is case-insensitive and width-insensitive per char.
pub fn highlight(text: &str, query: &Query) -> Vec<(String, bool)> {
    highlight_with(text, query, None)
}

/// [`highlight`], marking also the characters a term spells in pinyin when a table is given.
pub fn highlight_with(text: &str, query: &Query, pinyin: Option<&crate::pinyin::Table>) -> Vec<(String, bool)> {
    if query.is_empty() || text.is_empty() {
        return vec![(text.to_string(), false)];
    }
    // Map each char to its normalised form (may be empty for whitespace) and remember offsets.
    let chars: Vec<char> = text.chars().collect();
    let mut norm = String::new();
    let mut owner: Vec<usize> = Vec::new(); // byte in `norm` → char index in `text`
    let mut buf = [0u8; 4];
    for (i, ch) in chars.iter().enumerate() {
        let before = norm.len();
        normalize_into(ch.encode_utf8(&mut buf), &mut norm);
        owner.extend(std::iter::repeat_n(i, norm.len() - before));
    }
    let mut marked = vec![false; chars.len()];
    for term in query.terms() {
        let mut start = 0;
        while let Some(pos) = norm[start..].find(term.as_str()) {
            let a = start + pos;
            let b = a + term.len();
            let (first, last) = (owner[a], owner[b - 1]);
            for m in marked.iter_mut().take(last + 1).skip(first) {
                *m = true;
            }
            start = b;
        }
        let mut start = 0;
        while let Some((a, b)) = spelled_in(query, pinyin, term, &norm[start..]) {
            let (first, last) = (owner[start + a], owner[start + b - 1]);
            for m in marked.iter_mut().take(last + 1).skip(first) {
                *m = true;
            }
            start += b;
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    for (ch, m) in chars.into_iter().zip(marked) {
        match out.last_mut() {
            Some((s, last)) if *last == m => s.push(ch),
            _ => out.push((ch.to_string(), m)),
        }
    }
    out
}

/// 0x80 in each byte of `v` that is zero, 0 elsewhere (exact: no false positives): the word at a
/// time byte test of the index's substring search and the pinyin speller's skip.
#[inline]
pub(crate) fn zero_bytes(v: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((v & LOW7).wrapping_add(LOW7)) | v | LOW7)
}

#[cfg(test)]
mod tests {
    #[test]
    fn zero_bytes_marks_exactly_the_zero_bytes() {
        for v in [0u64, 1, 0x0100, 0x8000_0000_0000_0000, 0x0080_0000_0000_0001, u64::MAX, 0x0101_0101_0101_0101, 0xff00_ff00_ff00_ff00] {
            let expected: u64 = (0..8).filter(|k| (v >> (k * 8)) & 0xff == 0).map(|k| 0x80u64 << (k * 8)).sum();
            assert_eq!(super::zero_bytes(v), expected, "{v:#x}");
        }
    }

    use super::*;

    #[test]
    fn terms_typed_in_capitals_are_codes_not_pinyin() {
        let q = Query::new("XNHH zhang Zhang ＤＸ D x2 张xs");
        assert_eq!(q.terms(), ["xnhh", "zhang", "zhang", "dx", "d", "x2", "张xs"]);
        assert!(!q.spells("xnhh") && !q.spells("dx"), "two capitals or more: a code");
        assert!(q.spells("zhang") && q.spells("d") && q.spells("张xs"), "one capital (a phone's first letter) is still pinyin");
        assert!(!q.spells("x2"), "a digit: never pinyin");
    }

    #[test]
    fn normalisation_folds_width_case_and_space() {
        assert_eq!(normalize("ＡＢＣ　１２３ x Y"), "abc123xy");
        assert_eq!(normalize("腾讯 公益"), "腾讯公益");
    }

    #[test]
    fn all_terms_must_match() {
        let hay = normalize("市红十字会网络募捐款为零");
        assert!(Query::new("网络 募捐").matches(&hay));
        assert!(Query::new("  ").matches(&hay));
        assert!(!Query::new("网络 手套").matches(&hay));
    }

    #[test]
    fn highlight_marks_matches_as_runs() {
        let q = Query::new("募捐");
        let runs = highlight("网络募捐款为零，募捐", &q);
        assert_eq!(runs, vec![("网络".to_string(), false), ("募捐".to_string(), true), ("款为零，".to_string(), false), ("募捐".to_string(), true)]);
        let runs = highlight("ＡＢ cd", &Query::new("bc"));
        assert_eq!(runs.iter().filter(|r| r.1).map(|r| r.0.as_str()).collect::<String>(), "Ｂ c");
    }

    #[test]
    fn pinyin_matches_and_highlights_on_the_chinese_text() {
        let table = crate::pinyin::Table::parse(&format!("{}\nsheng 生\nxian 先\nzhang 张\n", crate::pinyin::HEADER)).unwrap();
        let q = Query::new("zxs 先");
        assert!(!q.matches("捐赠人张先生"));
        assert!(q.matches_with("捐赠人张先生", Some(&table)));
        assert!(!q.matches_with("捐赠人张先生", None));
        let runs = highlight_with("捐赠人张先生，张 先生，张先生", &Query::new("zxs"), Some(&table));
        let marked: Vec<&str> = runs.iter().filter(|r| r.1).map(|r| r.0.as_str()).collect();
        // Every spelling: the one with a space between too (matched as typed text is: spaces dropped).
        assert_eq!(marked, ["张先生", "张 先生", "张先生"]);
        assert_eq!(highlight_with("张先生", &Query::new("zxs"), None), vec![("张先生".to_string(), false)]);
    }
}
