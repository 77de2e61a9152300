//! Search the way people type Chinese on a phone: in pinyin. `zhangxiansheng`, `zxs`, `zhangxs`
//! and `张xs` all find 张先生, and a character with several readings is found by each (曾 zeng
//! and ceng). Matching is on the Chinese text itself, so what is found is shown as published.
//!
//! The table of readings is data (`pinyin.txt`, written by `gongshi pinyin-table` from the
//! pinyin crate's tables): the app loads it only once a Latin letter is typed, and [`Table::parse`]
//! reads it. A query term is matched in pinyin when it holds a Latin letter and nothing but
//! letters and Chinese characters ([`is_pinyin_term`]); each Chinese character of the text then
//! takes, from the term, one of its readings whole, or its initial (the first letter, or zh, ch,
//! sh), or, at the end of the term, any start of a reading (the syllable being typed). A Chinese
//! character in the term matches only itself. ü is typed v (or u): 吕 is `lv` or `lu`.

/// Where the part of a row's search text that is spelled in pinyin ends (a tab, which
/// normalised text and queries never hold): what follows (codes, the app's own words such as a
/// channel's name) is matched only as typed. [`Table::find_in`], [`Speller::spells`] and the
/// index's initials stop here; a text without it is spelled whole.
pub const END: u8 = b'\t';

/// The table's first line starts with this (its version).
pub const HEADER: &str = "# gongshi pinyin table v1";

/// The first and last character the table covers: CJK Unified Ideographs.
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;
const SPAN: usize = (LAST - FIRST + 1) as usize;

/// The toneless readings of the CJK Unified Ideographs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Every syllable, as ASCII bytes.
    syllables: Vec<Box<[u8]>>,
    /// Character `FIRST + i`'s readings are `readings[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    /// Syllable numbers.
    readings: Vec<u16>,
    /// Per character: the first letters of its readings, one bit per letter (bit 0: a).
    initials: Vec<u32>,
}

/// Bit of a lower-case ASCII letter in an initials mask (0 for anything else).
#[inline]
pub fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

impl Table {
    /// Reads `pinyin.txt`: its header line, then per line a syllable (a–z), a space and every
    /// character with that reading. An error names the line and what is wrong with it.
    pub fn parse(text: &str) -> Result<Table, String> {
        let mut lines = text.lines();
        match lines.next() {
            Some(h) if h.starts_with(HEADER) => {}
            _ => return Err(format!("pinyin table: line 1 is not \"{HEADER} …\"")),
        }
        let mut syllables: Vec<Box<[u8]>> = Vec::new();
        let mut per_char: Vec<Vec<u16>> = vec![Vec::new(); SPAN];
        for (n, line) in lines.enumerate() {
            let line_no = n + 2;
            if line.is_empty() {
                continue;
            }
            let (syl, chars) = line.split_once(' ').ok_or_else(|| format!("pinyin table: line {line_no} has no space after its syllable"))?;
            if syl.is_empty() || syl.len() > 6 || !syl.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(format!("pinyin table: line {line_no}: \"{syl}\" is not a syllable (1 to 6 letters a–z)"));
            }
            let id = u16::try_from(syllables.len()).map_err(|_| "pinyin table: more than 65,535 syllables".to_string())?;
            syllables.push(syl.as_bytes().into());
            for c in chars.chars() {
                let cp = c as u32;
                if !(FIRST..=LAST).contains(&cp) {
                    return Err(format!("pinyin table: line {line_no}: {c:?} is not a CJK Unified Ideograph (U+4E00–U+9FFF)"));
                }
                let list = &mut per_char[(cp - FIRST) as usize];
                if !list.contains(&id) {
                    list.push(id);
                }
            }
        }
        let mut starts = Vec::with_capacity(SPAN + 1);
        let mut readings = Vec::new();
        let mut initials = Vec::with_capacity(SPAN);
        for list in &per_char {
            starts.push(readings.len() as u32);
            let mut mask = 0;
            for id in list {
                mask |= letter_bit(syllables[usize::from(*id)][0]);
            }
            readings.extend_from_slice(list);
            initials.push(mask);
        }
        starts.push(readings.len() as u32);
        Ok(Table { syllables, starts, readings, initials })
    }

    /// How many characters have at least one reading.
    pub fn characters(&self) -> usize {
        self.initials.iter().filter(|m| **m != 0).count()
    }

    /// The readings of `c` (none for a character the table does not cover).
    pub fn readings(&self, c: char) -> impl Iterator<Item = &[u8]> {
        let (a, b) = match index_of(c) {
            Some(i) => (self.starts[i] as usize, self.starts[i + 1] as usize),
            None => (0, 0),
        };
        self.readings[a..b].iter().map(|id| &*self.syllables[usize::from(*id)])
    }

    /// The first letters of `c`'s readings ([`letter_bit`] each); 0 when it has none.
    #[inline]
    pub fn initials(&self, c: char) -> u32 {
        index_of(c).map_or(0, |i| self.initials[i])
    }

    /// The first letters of the readings of every character of `text`, as one mask.
    pub fn initials_of(&self, text: &str) -> u32 {
        text.chars().fold(0, |m, c| m | self.initials(c))
    }

    /// Where `term` first matches in `text` in pinyin: the byte range of the characters it
    /// covers. `term` and `text` normalised ([`crate::search::normalize`]); `term` should be a
    /// [`is_pinyin_term`].
    pub fn find(&self, term: &[char], text: &str) -> Option<(usize, usize)> {
        self.find_in(term, text.as_bytes())
    }

    /// [`Table::find`] over UTF-8 bytes (a row's text in the search index, read without
    /// checking it again: it was a `String`). Only characters the term can start with are tried.
    pub fn find_in(&self, term: &[char], text: &[u8]) -> Option<(usize, usize)> {
        let first = *term.first()?;
        let want = if first.is_ascii_lowercase() { letter_bit(first as u8) | if first == 'u' { letter_bit(b'v') } else { 0 } } else { 0 };
        let mut p = 0;
        while p < text.len() && text[p] != END {
            let (c, len) = decode(text, p);
            let starts_here = if want != 0 { self.initials(c) & want != 0 } else { c == first };
            if starts_here {
                let mut budget = STEP_BUDGET;
                if let Some(end) = self.match_at(term, 0, text, p, &mut budget) {
                    return Some((p, end));
                }
            }
            p += len;
        }
        None
    }

    /// What character `c` can take of `term` as the first character of a match: the one place
    /// the rules are written (a whole reading, its initial — the first letter, or zh / ch /
    /// sh —, or, at the end of the term, the start of a reading; a Chinese character of the term
    /// takes only itself). The matcher follows these steps character by character, and the
    /// search index uses them to narrow the rows it reads.
    pub fn steps(&self, term: &[char], c: char) -> Steps {
        let mut s = Steps::default();
        let Some(&q) = term.first() else {
            s.done = true;
            return s;
        };
        let mut add = |k: usize| {
            if k >= term.len() {
                s.done = true;
            } else {
                s.next |= 1 << k;
            }
        };
        if !q.is_ascii_lowercase() {
            if c == q {
                add(1);
            }
            return s;
        }
        // The letters from here to the next Chinese character of the term (or its end).
        let run = term.iter().take_while(|c| c.is_ascii_lowercase()).count();
        let letters = &term[..run];
        let at_end = run == term.len();
        for r in self.readings(c) {
            let prefix = r.iter().zip(letters).all(|(a, b)| same(*a, *b));
            // The whole reading.
            if r.len() <= letters.len() && prefix {
                add(r.len());
            }
            // Being typed: the term ends within this reading.
            if at_end && letters.len() < r.len() && prefix {
                add(term.len());
            }
            // Its initial.
            if same(r[0], letters[0]) && r.len() > 1 {
                add(1);
                if r.len() > 2 && r[1] == b'h' && matches!(r[0], b'z' | b'c' | b's') && letters.get(1) == Some(&'h') {
                    add(2);
                }
            }
        }
        s
    }

    /// Whether `term` matches somewhere in `text` in pinyin (see [`Table::find`]).
    pub fn matches(&self, term: &[char], text: &str) -> bool {
        self.find(term, text).is_some()
    }

    /// Matches `term[qi..]` from byte `p` of `text` on, by [`Table::steps`]; the byte after
    /// the match.
    fn match_at(&self, term: &[char], qi: usize, text: &[u8], p: usize, budget: &mut u32) -> Option<usize> {
        if qi == term.len() {
            return Some(p);
        }
        if *budget == 0 || p >= text.len() {
            return None;
        }
        *budget -= 1;
        let (c, len) = decode(text, p);
        let s = self.steps(&term[qi..], c);
        if s.done {
            return Some(p + len);
        }
        s.offsets().find_map(|k| self.match_at(term, qi + k, text, p + len, budget))
    }
}

/// A term compiled for reading many rows: whether a row spells it, reading the row once, a
/// character at a time. Where a match can stand in the term after each character is a set of
/// positions (not a search over the ways to split the term), and what a character takes of the
/// term from a position ([`Table::steps`]) is computed once and kept.
pub struct Speller<'a> {
    table: &'a Table,
    term: &'a [char],
    /// Per position of the term and character of the table (`k * SPAN + i`): its steps from
    /// there, once known (bit 15 set; bit 8: done; bits 0–7: next).
    memo: Vec<u16>,
}

impl<'a> Speller<'a> {
    /// Longest term a speller takes (positions are the bits of a u64); longer ones are read by
    /// [`Table::find_in`].
    pub const MAX_TERM: usize = 63;

    /// `term` as for [`Table::find`], at most [`Speller::MAX_TERM`] characters.
    pub fn new(table: &'a Table, term: &'a [char]) -> Self {
        debug_assert!(term.len() <= Self::MAX_TERM);
        Speller { table, term, memo: vec![0; term.len() * SPAN] }
    }

    /// Whether `text` (UTF-8, as for [`Table::find_in`]) spells the term.
    pub fn spells(&mut self, text: &[u8]) -> bool {
        if self.term.is_empty() {
            return true;
        }
        // Bit k: a match can go on from position k of the term with the next character.
        let mut at = 0u64;
        let mut p = 0;
        let n = text.len();
        while p < n {
            let b = text[p];
            if b < 0x80 {
                if b == END {
                    return false;
                }
                // ASCII has no reading and is in no term that is spelled: skipped a word at a time
                // (eight bytes none of which is non-ASCII or the end of the spelled part).
                at = 0;
                p += 1;
                while p + 8 <= n && {
                    let w = u64::from_le_bytes(text[p..p + 8].try_into().unwrap_or([0x80; 8]));
                    (w | crate::search::zero_bytes(w ^ (u64::from(END) * 0x0101_0101_0101_0101))) & 0x8080_8080_8080_8080 == 0
                } {
                    p += 8;
                }
                continue;
            }
            // The CJK Unified Ideographs are the three-byte sequences led by E4–E9.
            let ci = if (0xE4..=0xE9).contains(&b) && p + 2 < n {
                let cp = (u32::from(b & 0x0F) << 12) | (u32::from(text[p + 1] & 0x3F) << 6) | u32::from(text[p + 2] & 0x3F);
                p += 3;
                match cp.checked_sub(FIRST) {
                    Some(i) => i as usize,
                    None => {
                        at = 0;
                        continue;
                    }
                }
            } else {
                // Every other character: no reading, and in no term that is spelled.
                p += decode(text, p).1;
                at = 0;
                continue;
            };
            // Every character may also start a match.
            let (mut from, mut next) = (at | 1, 0u64);
            while from != 0 {
                let k = from.trailing_zeros() as usize;
                from &= from - 1;
                let s = self.step(ci, k);
                if s & 0x100 != 0 {
                    return true;
                }
                next |= u64::from(s as u8) << k;
            }
            at = next;
        }
        false
    }

    /// Character `FIRST + ci`'s steps from position `k`, as kept in `memo`.
    #[inline]
    fn step(&mut self, ci: usize, k: usize) -> u16 {
        let slot = &mut self.memo[k * SPAN + ci];
        if *slot == 0 {
            let c = char::from_u32(FIRST + ci as u32).unwrap_or(char::REPLACEMENT_CHARACTER);
            let s = self.table.steps(&self.term[k..], c);
            *slot = 0x8000 | u16::from(s.done) << 8 | u16::from(s.next);
        }
        *slot
    }
}

/// What one character takes of a term ([`Table::steps`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Steps {
    /// It takes all of it: the match ends with this character.
    pub done: bool,
    /// Bit `k`: it takes the first `k` letters, and the match can go on from there. A reading
    /// is at most 6 letters, so `k` is at most 6.
    pub next: u8,
}

impl Steps {
    /// The positions the match can go on from, smallest first.
    pub fn offsets(self) -> impl Iterator<Item = usize> {
        (1..8).filter(move |k| self.next >> k & 1 == 1)
    }

    /// Whether the character can start the term at all.
    pub fn any(self) -> bool {
        self.done || self.next != 0
    }
}

/// The character starting at byte `i` of UTF-8 `text`, and its length in bytes. `text` is known
/// to be UTF-8 (`i` at a character boundary); anything else reads as U+FFFD, one byte at a time.
#[inline]
pub(crate) fn decode(text: &[u8], i: usize) -> (char, usize) {
    let b = text[i];
    let (len, init) = match b {
        0x00..=0x7F => return (char::from(b), 1),
        0xC0..=0xDF => (2, u32::from(b & 0x1F)),
        0xE0..=0xEF => (3, u32::from(b & 0x0F)),
        0xF0..=0xF7 => (4, u32::from(b & 0x07)),
        _ => return (char::REPLACEMENT_CHARACTER, 1),
    };
    if i + len > text.len() {
        return (char::REPLACEMENT_CHARACTER, 1);
    }
    let cp = text[i + 1..i + len].iter().fold(init, |acc, x| (acc << 6) | u32::from(x & 0x3F));
    (char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER), len)
}

/// At most this many steps per start position: a term of a few repeated letters against a run of
/// characters with short readings could otherwise try exponentially many splits.
const STEP_BUDGET: u32 = 4096;

/// A reading's byte against a typed letter: equal, or ü (v) typed as u.
#[inline]
fn same(reading: u8, typed: char) -> bool {
    reading == typed as u8 || (reading == b'v' && typed == 'u')
}

fn index_of(c: char) -> Option<usize> {
    let cp = c as u32;
    (FIRST..=LAST).contains(&cp).then(|| (cp - FIRST) as usize)
}

/// Whether a normalised query term is matched in pinyin as well as literally: it holds a Latin
/// letter, and nothing but letters and Chinese characters.
pub fn is_pinyin_term(term: &str) -> bool {
    term.bytes().any(|b| b.is_ascii_lowercase()) && term.chars().all(|c| c.is_ascii_lowercase() || index_of(c).is_some())
}

/// Whether `text` holds a Latin letter (the app then loads the table).
pub fn wants_table(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small table in the file's format (the shipped one is tested in tests/pinyin.rs).
    fn table() -> Table {
        Table::parse(&format!(
            "{HEADER}: test\nan 安\nceng 曾\ncha 查\nchou 仇\ndan 单\njie 解\nlv 吕\nqiu 仇\nshan 单\nsheng 生\nshi 石\nxian 先\nxie 解\nzeng 曾\nzha 查\nzhang 张章\nzhi 之\n"
        ))
        .unwrap()
    }

    fn t(s: &str) -> Vec<char> {
        crate::search::normalize(s).chars().collect()
    }

    #[test]
    fn whole_readings_initials_and_the_syllable_being_typed() {
        let tb = table();
        for q in ["zhangxiansheng", "zxs", "zhangxs", "zhxsh", "zhangxiansh", "zhangxianshe", "张xs", "张xiansheng", "zx", "xiansheng", "xs", "z"] {
            assert!(tb.matches(&t(q), "张先生"), "{q}");
        }
        for q in ["zhangxianshengx", "xz", "shengxian", "zhangsheng", "张zs", "李xs", "zxss", "hang", "ang"] {
            assert!(!tb.matches(&t(q), "张先生"), "{q}");
        }
        // The characters it covers, as byte ranges of the text.
        assert_eq!(tb.find(&t("xs"), "捐赠人张先生等"), Some(("捐赠人张".len(), "捐赠人张先生".len())));
        assert_eq!(tb.find(&t("zhang"), "章先生"), Some((0, "章".len())));
        // Among other characters of every UTF-8 length.
        let mixed = "d2019·é😀（张先生）";
        assert_eq!(tb.find(&t("zxs"), mixed), Some(("d2019·é😀（".len(), "d2019·é😀（张先生".len())));
    }

    #[test]
    fn steps_say_what_a_first_character_takes() {
        let tb = table();
        // 张 takes all of "zh", "zha", "zhang"; of "zhangx" it takes "zhang" (5) or its initials.
        assert!(tb.steps(&t("zha"), '张').done);
        let s = tb.steps(&t("zhangx"), '张');
        assert!(!s.done);
        assert_eq!(s.offsets().collect::<Vec<_>>(), [1, 2, 5]);
        assert!(!tb.steps(&t("xs"), '张').any());
        assert!(tb.steps(&t("张"), '张').done && !tb.steps(&t("张x"), '先').any());
    }

    #[test]
    fn every_reading_of_a_heteronym_finds_it() {
        let tb = table();
        for (c, rs) in [("曾", ["zeng", "ceng"]), ("单", ["shan", "dan"]), ("解", ["xie", "jie"]), ("查", ["zha", "cha"]), ("仇", ["qiu", "chou"])] {
            for r in rs {
                assert!(tb.matches(&t(r), &format!("{c}先生")), "{r} → {c}");
                assert!(tb.matches(&t(&format!("{r}xs")), &format!("{c}先生")), "{r}xs → {c}先生");
            }
        }
    }

    #[test]
    fn u_for_v_and_which_terms_are_pinyin() {
        let tb = table();
        assert!(tb.matches(&t("lv"), "吕女士") && tb.matches(&t("lu"), "吕女士"));
        assert!(is_pinyin_term("zxs") && is_pinyin_term("张xs"));
        assert!(!is_pinyin_term("张先生") && !is_pinyin_term("d2019") && !is_pinyin_term("x-1") && !is_pinyin_term(""));
        assert!(wants_table("Zhang") && !wants_table("张先生 2019"));
        assert_eq!(tb.initials('张'), letter_bit(b'z'));
        assert_eq!(tb.initials('仇'), letter_bit(b'c') | letter_bit(b'q'));
        assert_eq!(tb.initials('a'), 0);
    }

    #[test]
    fn a_broken_table_says_which_line() {
        assert!(Table::parse("zhang 张").unwrap_err().contains("line 1"));
        assert!(Table::parse(&format!("{HEADER}\nzhang张")).unwrap_err().contains("line 2"));
        assert!(Table::parse(&format!("{HEADER}\nZh 张")).unwrap_err().contains("line 2"));
        assert!(Table::parse(&format!("{HEADER}\nzhang 张\nx a")).unwrap_err().contains("line 3"));
        assert!(Table::parse(&format!("{HEADER}\nzhuangg 张")).unwrap_err().contains("line 2"));
        assert_eq!(table().characters(), 13);
    }

    #[test]
    fn a_speller_reads_a_row_as_find_does() {
        let tb = table();
        let texts = ["张先生", "捐赠人张先生等", "d2019·é😀（张先生）", "章 先生", "曾单解查仇", "吕女士安", "", "zhang", "张之石先"];
        let terms = [
            "zhangxiansheng",
            "zxs",
            "zhangxs",
            "张xs",
            "xs",
            "zx",
            "z",
            "zh",
            "zhi",
            "zs",
            "zengdan",
            "cdxzq",
            "chouan",
            "lv",
            "lu",
            "an",
            "zhangzhi",
            "zzs",
            "x",
            "sx",
        ];
        for q in terms {
            let term = t(q);
            let mut sp = Speller::new(&tb, &term);
            for text in texts {
                assert_eq!(sp.spells(text.as_bytes()), tb.matches(&term, text), "{q} in {text}");
            }
        }
    }

    #[test]
    fn repeated_letters_stay_cheap() {
        let tb = Table::parse(&format!("{HEADER}\na 阿\nan 安\n")).unwrap();
        let text: String = "阿安".repeat(40);
        let term: Vec<char> = "a".repeat(60).chars().collect();
        // Bounded by the step budget, not by the splits a term of 60 letters has.
        let _ = tb.find(&term, &text);
        assert!(tb.matches(&t("aan"), "阿安"));
    }
}
