//! Personal-data guards for published relief records: masking recipient names and finding
//! ID-card, mobile and bank-card numbers in free text and JSON before anything is published.
//!
//! Everything here is a pure function over strings; nothing is logged and nothing is kept.
//! Findings are reported *masked* ([`mask_for_display`]) so that a diagnostic message can never
//! itself leak the number it warns about.
//!
//! # What these checks can and cannot do
//!
//! * They are **guards, not proofs**. [`scan_text`] recognises the common ways the numbers are
//!   written (compact, grouped by any spaces, dashes, dots or slashes, full-width digits, glued
//!   to letters, an ID whose last digits Excel rounded away). A number spelt in Chinese numerals
//!   (一三八…), split by other characters, or a card number failing Luhn is **not** found.
//!   Recipient names are held to the masked form ([`is_masked`]) in fields meant to hold a name.
//! * They err towards flagging: about one arbitrary 13–19 digit number in ten passes the Luhn
//!   check, so a [`Finding::BankCard`] means “could be a card number — look at it”, and the
//!   kind reported is a best guess (the text is flagged either way).

use crate::date::days_in_month;
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/// Two-character compound surnames (复姓). A name longer than two characters that starts with
/// one of these keeps both characters when masked (司马光 → 司马某). The first four are the most
/// common (the sample generator draws from them); otherwise the order means nothing.
pub const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "轩辕", "澹台", "端木", "独孤", "南宫",
    "西门", "呼延", "百里", "东郭", "万俟", "闻人", "赫连", "申屠", "第五", "太史", "钟离", "公羊", "仲孙", "单于", "濮阳", "淳于", "拓跋", "司空", "司寇",
    "左丘", "谷梁", "公冶", "宰父", "羊舌", "微生", "梁丘", "子车", "巫马", "乐正", "壤驷", "公良", "漆雕", "颛孙", "亓官", "鲜于", "闾丘", "段干", "公西",
    "夹谷", "东门", "南门",
];

/// The placeholder that replaces a given name.
const MASK_CHAR: char = '某';

/// Separators of transliterated minority names (买买提·艾力). `・` and `‧` are common
/// mis-typings of the middle dot.
const NAME_DOTS: &[char] = &['·', '•', '・', '‧'];

/// Words that make a 2–4 character string something other than a person's name
/// (places, organisations, groups, titles without a given name, placeholders).
const NON_PERSON_WORDS: &[&str] = &[
    // Places.
    "省",
    "县",
    "区",
    "市",
    "镇",
    "乡",
    "村",
    "街道",
    "社区",
    // Organisations.
    "会",
    "院",
    "局",
    "委",
    "公司",
    "中心",
    "学校",
    "医院",
    "政府",
    "单位",
    "基金",
    "慈善",
    "红十字",
    // Groups and categories of recipients.
    "群众",
    "患儿",
    "家庭",
    "集体",
    "全体",
    "居民",
    "学生",
    "儿童",
    "老人",
    "个人",
    "灾民",
    "困难",
    "贫困",
    "低保",
    "五保",
    "残疾",
    "员工",
    "职工",
    "志愿者",
    "物资",
    "救灾",
    // Titles and placeholders.
    "先生",
    "女士",
    "爱心人士",
    "人士",
    "匿名",
];

/// True for a CJK ideograph (the basic block, extension A, the compatibility block and the
/// supplementary-plane extensions B onwards).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{30000}'..='\u{3134F}')
}

fn is_mask_char(c: char) -> bool {
    matches!(c, '某' | '*' | '＊')
}

/// Masks a person's name for publication: surname + “某”.
///
/// Rules, in order:
/// 1. surrounding whitespace and punctuation are trimmed (（欧阳娜娜） → 欧阳某); an empty or
///    all-blank name gives `""`, and one with no letter or ideograph at all gives “某某”
///    (so-and-so);
/// 2. an already masked name ([`is_masked`]: 张某, 张某某, 欧阳某, 李*, 李**) is returned unchanged;
/// 3. a transliterated minority name containing `·` or `•` (or the look-alikes `・`, `‧`)
///    gives its first character + 某 (买买提·艾力 → 买某);
/// 4. a name of **more than two** characters starting with a compound surname
///    ([`COMPOUND_SURNAMES`]) keeps both characters (欧阳娜娜 → 欧阳某);
/// 5. otherwise the first character + 某 (张三 → 张某); a name that does not begin with a Chinese
///    character (“John Smith”, “Zhang San”) gives “某某”: a Latin initial + 某 is not a masked
///    name ([`is_masked`]), so the check would refuse what `gongshi mask` wrote.
///
/// Limits:
/// * A two-character name that is itself a compound surname (欧阳) is read as a single-character
///   surname + given name and gives 欧某: a two-character string cannot be *both* a compound
///   surname and a given name, and revealing less is the safe reading.
/// * A single surname followed by a given name that happens to start like a compound surname
///   (欧 + 阳光 = 欧阳光) is masked as 欧阳某 and so reveals one character of the given name.
///   Without a register of the person this cannot be told apart from 欧阳 + 光.
/// * One name per call: “张三、李四” gives “张某”.
pub fn mask_name(name: &str) -> String {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return String::new();
    }
    let name = trimmed.trim_matches(|c: char| !(c.is_alphanumeric() || is_mask_char(c)));
    let Some(first) = name.chars().next() else { return "某某".to_string() };
    if is_masked(name) {
        return name.to_string();
    }
    if !is_cjk(first) {
        return "某某".to_string();
    }
    if name.contains(NAME_DOTS) {
        return format!("{first}{MASK_CHAR}");
    }
    if name.chars().count() > 2 {
        if let Some(surname) = COMPOUND_SURNAMES.iter().find(|s| name.starts_with(**s)) {
            return format!("{surname}{MASK_CHAR}");
        }
    }
    format!("{first}{MASK_CHAR}")
}

/// True when `s` (trimmed) is a masked name: a one-character CJK surname, or a two-character
/// compound surname from [`COMPOUND_SURNAMES`], followed by one or two mask characters, each
/// `某`, `*` or `＊` — 张某, 张某某, 欧阳某, 张*, 张**, 欧阳*. The placeholder 某某 counts as masked.
///
/// False for the empty string (callers treat “no name” separately), for any name that is not
/// masked (张三, 欧阳娜娜, 王女士), for a given-name character before the mask (张三某: two
/// characters that are not a compound surname), for spaces inside (张　某) and for Latin letters
/// (“J某”).
pub fn is_masked(s: &str) -> bool {
    let chars: Vec<char> = s.trim().chars().collect();
    (1..=2).any(|prefix| {
        let suffix = chars.len().saturating_sub(prefix);
        let surname: String = chars[..prefix.min(chars.len())].iter().collect();
        (1..=2).contains(&suffix)
            && chars[..prefix].iter().all(|&c| is_cjk(c))
            && (prefix == 1 || COMPOUND_SURNAMES.contains(&surname.as_str()))
            && chars[prefix..].iter().all(|&c| is_mask_char(c))
    })
}

/// True when `s` (trimmed) looks like an unmasked Chinese personal name: 2–4 CJK characters,
/// no mask character, and none of the non-person words (县 区 市 镇 乡 村 街道 社区 会 院 局 委 公司
/// 中心 学校 医院 群众 患儿 家庭 先生 女士 爱心人士 匿名 and a few more such as 省 政府 居民 儿童).
/// Use it to **refuse** a recipient-name field that was not masked.
///
/// Limits — this is a heuristic for fields meant to hold a name, not a name detector for free
/// text:
/// * any 2–4 character word (救济, 棉被) counts as a “name”, so do not run it over prose;
/// * real names containing a filtered character are missed — 会 and 区 in particular
///   (王会芳; 区 is also a Cantonese surname), and rarer ones with 村, 镇, 院, 市 …;
/// * names of five or more characters, transliterated names with `·`, and names in Latin
///   letters are not recognised;
/// * honorific-only forms (王女士, 张先生) are treated as not a full name.
pub fn looks_like_full_name(s: &str) -> bool {
    let s = s.trim();
    let n = s.chars().count();
    (2..=4).contains(&n) && s.chars().all(|c| is_cjk(c) && !is_mask_char(c)) && !NON_PERSON_WORDS.iter().any(|w| s.contains(w))
}

// ---------------------------------------------------------------------------------------------
// Households in free text
// ---------------------------------------------------------------------------------------------

/// Words for a group of people, not a person, before “等 N 户/人” (困难户等20户).
const COLLECTIVE_WORDS: &[&str] =
    &["户", "群众", "居民", "村民", "农户", "家庭", "学生", "儿童", "老人", "患者", "灾民", "职工", "员工", "人员", "对象", "志愿者", "单位"];

/// What in a free-text field (a goods destination, a note) points at a household, and so must
/// not be published: a village group or house number (大屋村3组, 城西村二组, 5组18号), or a
/// person named before “等 N 户/人/家” (张三等15户). `None` for a township, a village as a
/// whole (发往大屋村委会), an organisation, or a group (困难户等20户). A heuristic that errs
/// towards flagging.
pub fn household_in_text(s: &str) -> Option<&'static str> {
    let chars: Vec<char> = s.chars().map(normalize_char).collect();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    for (i, &c) in chars.iter().enumerate() {
        // N组 / N队 after a village, a community or a team: a village group.
        if c == '组' || c == '队' {
            let mut j = i;
            while j > 0 && numeral(chars[j - 1]) && i - j < 3 {
                j -= 1;
            }
            if j < i && j > 0 && matches!(chars[j - 1], '村' | '区' | '队' | '屯' | '庄') {
                return Some("村民小组（村、组）地址");
            }
            // 5组18号: a group and a house number.
            if j < i && chars[i + 1..].iter().take(4).any(|c| c.is_ascii_digit()) && chars[i + 1..].contains(&'号') {
                return Some("门牌号");
            }
        }
        // X等N户 / X等N人 / X等N家.
        if c == '等' {
            let mut k = i + 1;
            while k < chars.len() && numeral(chars[k]) {
                k += 1;
            }
            if k > i + 1 && matches!(chars.get(k), Some('户' | '人' | '家' | '名')) {
                for len in [3, 2] {
                    if i >= len {
                        let before: String = chars[i - len..i].iter().collect();
                        if looks_like_full_name(&before) && !COLLECTIVE_WORDS.iter().any(|w| before.contains(w)) && !before.contains(['组', '队']) {
                            return Some("受助人姓名");
                        }
                    }
                }
            }
        }
    }
    None
}

/// Words that say a number nearby is a bank account (卡号, 账号, 户名…): a possible card number
/// beside them is one, not a chance Luhn match.
pub fn says_bank_account(s: &str) -> bool {
    ["卡号", "银行卡", "账号", "帐号", "户名", "开户", "账户", "帐户"].iter().any(|w| s.contains(w))
}

// ---------------------------------------------------------------------------------------------
// Number validators
// ---------------------------------------------------------------------------------------------

/// Maps full-width digits and Ｘ/ｘ to their ASCII forms; leaves everything else alone.
fn normalize_char(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        'Ｘ' => 'X',
        'ｘ' => 'x',
        '＋' => '+',
        '－' => '-',
        _ => c,
    }
}

fn normalize(s: &str) -> String {
    s.trim().chars().map(normalize_char).collect()
}

/// A separator allowed (singly) between digit groups by the validators ([`is_mobile`] …).
fn is_group_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '\u{00A0}' | '\u{3000}')
}

/// Anything [`scan_text`] looks through between digit groups: any whitespace (ASCII, NBSP, the
/// ideographic space, tabs), every dash and hyphen (`-`, `‐`, `‑`, `‒`, `–`, `—`, `―`, `−`, `﹣`,
/// `－`), dots, slashes and underscores. A run of up to [`MAX_SEPARATORS`] of them joins two groups.
fn is_scan_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'
                ..='\u{2015}'
                    | '\u{2212}'
                    | '\u{FE58}'
                    | '\u{FE63}'
                    | '\u{FF0D}'
                    | '.'
                    | '\u{3002}'
                    | '\u{FF0E}'
                    | '\u{00B7}'
                    | '\u{30FB}'
                    | '/'
                    | '\u{FF0F}'
                    | '_'
                    | '\u{FF3F}'
        )
}

/// At most this many separator characters in a row between two digit groups.
const MAX_SEPARATORS: usize = 3;

/// The digits of `s` when it is digits with single separators between them, else `None`.
fn compact_digits(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            out.push(c);
        } else if is_group_separator(c) && i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()) {
            continue;
        } else {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// True when year-month-day is a real date (on the core's calendar, [`days_in_month`]).
fn valid_ymd(year: u32, month: u32, day: u32) -> bool {
    match (u16::try_from(year), u8::try_from(month)) {
        (Ok(year), Ok(month)) => (1..=u32::from(days_in_month(year, month))).contains(&day),
        _ => false,
    }
}

/// The two-digit province-level codes that begin every resident ID number (GB/T 2260): Beijing
/// 11 … Xinjiang 65, Taiwan 71, Hong Kong 81, Macao 82, and 83 of the residence permits for
/// people from Taiwan.
fn is_province_code(d: &str) -> bool {
    matches!(
        d.get(..2),
        Some(
            "11" | "12"
                | "13"
                | "14"
                | "15"
                | "21"
                | "22"
                | "23"
                | "31"
                | "32"
                | "33"
                | "34"
                | "35"
                | "36"
                | "37"
                | "41"
                | "42"
                | "43"
                | "44"
                | "45"
                | "46"
                | "50"
                | "51"
                | "52"
                | "53"
                | "54"
                | "61"
                | "62"
                | "63"
                | "64"
                | "65"
                | "71"
                | "81"
                | "82"
                | "83"
        )
    )
}

/// True for 16–18 digits that still carry what makes an ID number personal — a province code
/// and a real birth date `yyyyMMdd` at positions 6..14 — whatever their last digits say. Excel
/// turns an ID typed as a number into 15 significant digits and zeros (`420102199003071234` →
/// `420102199003071000`), which breaks the check digit but not the region or the birth date.
pub fn is_damaged_id(digits: &str) -> bool {
    let b = digits.as_bytes();
    (16..=18).contains(&b.len())
        && b.iter().all(u8::is_ascii_digit)
        && is_province_code(digits)
        && (1900..=2099).contains(&num(&digits[6..10]))
        && valid_ymd(num(&digits[6..10]), num(&digits[10..12]), num(&digits[12..14]))
}

/// Parses an all-ASCII-digit slice; callers have checked the digits.
fn num(s: &str) -> u32 {
    s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

const ID18_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID18_CHECK: &[u8; 11] = b"10X98765432";

/// The GB 11643-1999 check character for the first 17 digits of an 18-character ID number.
/// `None` unless `first17` is exactly 17 ASCII digits.
pub fn id18_check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17.bytes().zip(ID18_WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
    Some(char::from(ID18_CHECK[(sum % 11) as usize]))
}

/// True for a valid 18-character resident ID number (GB 11643-1999): 17 digits and a check
/// character (0–9, `X` or `x`) matching the weighted mod-11 checksum, a first digit other than 0
/// (area codes start at 1), and a real birth date `yyyyMMdd` at positions 6..14 with the year in
/// 1900–2099 (leap years honoured).
///
/// Surrounding whitespace is ignored and full-width digits are accepted; separators inside are
/// not (use [`scan_text`] for grouped numbers). The area code is not checked against the
/// register, so a checksum-valid made-up number passes.
pub fn is_valid_id18(s: &str) -> bool {
    let s = normalize(s);
    let b = s.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) || b[0] == b'0' {
        return false;
    }
    let check = b[17].to_ascii_uppercase();
    let Some(expected) = id18_check_char(&s[..17]) else { return false };
    if check != expected as u8 {
        return false;
    }
    let year = num(&s[6..10]);
    (1900..=2099).contains(&year) && valid_ymd(year, num(&s[10..12]), num(&s[12..14]))
}

/// True for a plausible first-generation 15-digit ID number: 15 digits, a 6-digit area code
/// starting with a province code, and a real birth date `yyMMdd` at positions 6..12 read as 19yy. These
/// numbers have no check digit, so “plausible” is all that can be said.
pub fn is_plausible_id15(s: &str) -> bool {
    let s = normalize(s);
    let b = s.as_bytes();
    b.len() == 15 && b.iter().all(u8::is_ascii_digit) && is_province_code(&s) && valid_ymd(1900 + num(&s[6..8]), num(&s[8..10]), num(&s[10..12]))
}

/// 11 ASCII digits starting with 1 and a second digit 3–9.
fn is_mobile_digits(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 11 && b.iter().all(u8::is_ascii_digit) && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

/// True for a mainland China mobile number: 11 digits, starting with 1 and a second digit 3–9,
/// optionally after a `+86` or `86` prefix that may be followed by one space or dash. Single
/// spaces or dashes between digit groups are allowed (`+86 138-0013-8000`), as are full-width
/// digits. Landlines (`0715-8111755`) and 10-digit numbers are rejected. Number segments are not
/// checked against the carriers' allocations.
pub fn is_mobile(s: &str) -> bool {
    let s = normalize(s);
    let rest = s.strip_prefix("+86").or_else(|| s.strip_prefix("86"));
    let candidates: Vec<&str> = match rest {
        Some(r) => {
            let r2 = r.strip_prefix([' ', '-']).unwrap_or(r);
            // “86” might also be the start of a plain number; try both readings.
            vec![r2, s.as_str()]
        }
        None => vec![s.as_str()],
    };
    candidates.into_iter().any(|c| compact_digits(c).is_some_and(|d| is_mobile_digits(&d)))
}

/// The Luhn (mod 10) check used by bank cards. `digits` must be ASCII digits only and not
/// empty; anything else gives `false`.
pub fn luhn_ok(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let d2 = d * 2;
                if d2 > 9 {
                    d2 - 9
                } else {
                    d2
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// True for a possible bank-card number: 13–19 digits (UnionPay cards are usually 16–19)
/// passing [`luhn_ok`], not all zeros. Single spaces or dashes between groups and full-width
/// digits are accepted.
///
/// This does not exclude ID numbers: an 18-digit ID that happens to pass Luhn is also a
/// “bank card” here ([`scan_text`] checks IDs first). Roughly one arbitrary number in ten passes
/// Luhn, so treat `true` as “possibly a card number”.
pub fn is_bank_card(s: &str) -> bool {
    compact_digits(&normalize(s)).is_some_and(|d| (13..=19).contains(&d.len()) && d.bytes().any(|b| b != b'0') && luhn_ok(&d))
}

// ---------------------------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------------------------

/// Kinds of personal number found by [`scan_text`] and [`scan_json`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finding {
    /// An 18-character ID number with a valid check character and birth date.
    IdNumber,
    /// A plausible 15-digit first-generation ID number.
    OldIdNumber,
    /// 16–18 digits with an ID number's province code and birth date but a wrong check digit
    /// (typically an ID that Excel rounded to 15 significant digits): [`is_damaged_id`].
    DamagedIdNumber,
    /// A mainland mobile number.
    Mobile,
    /// 13–19 digits passing the Luhn check.
    BankCard,
    /// A possible card number in a text that says it is an account (户名, 卡号, 账号…:
    /// [`says_bank_account`]): no chance match.
    BankAccount,
}

impl Finding {
    /// The Chinese label shown to editors.
    pub fn zh(self) -> &'static str {
        match self {
            Finding::IdNumber => "身份证号",
            Finding::OldIdNumber => "旧版15位身份证号",
            Finding::DamagedIdNumber => "身份证号（末几位已损坏，出生日期和地区码仍在）",
            Finding::Mobile => "手机号",
            Finding::BankCard => "银行卡号",
            Finding::BankAccount => "银行卡号（注明了户名或卡号）",
        }
    }
}

/// Masks a found number for display: keeps the first 3 and last 2 characters and replaces the
/// rest with `*` (`13800138000` → `138******00`). Five characters or fewer are masked entirely.
pub fn mask_for_display(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    if n <= 5 {
        return "*".repeat(n);
    }
    let mut out: String = chars[..3].iter().collect();
    out.push_str(&"*".repeat(n - 5));
    out.extend(&chars[n - 2..]);
    out
}

/// A Latin letter, ASCII or full-width. CJK characters are *not* letters here: “电话13800138000”
/// must still be found.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Classifies one candidate (compact digits, possibly ending in X); returns the kind and the
/// matched number (the national part for a mobile with an 86 prefix).
fn classify(cand: &str) -> Option<(Finding, String)> {
    let all_digits = cand.bytes().all(|b| b.is_ascii_digit());
    let n = cand.len();
    if n == 18 && is_valid_id18(cand) {
        return Some((Finding::IdNumber, cand.to_string()));
    }
    if !all_digits {
        return None;
    }
    if n == 15 && is_plausible_id15(cand) {
        return Some((Finding::OldIdNumber, cand.to_string()));
    }
    if is_damaged_id(cand) {
        return Some((Finding::DamagedIdNumber, cand.to_string()));
    }
    if n == 11 && is_mobile_digits(cand) {
        return Some((Finding::Mobile, cand.to_string()));
    }
    if n == 13 && cand.starts_with("86") && is_mobile_digits(&cand[2..]) {
        return Some((Finding::Mobile, cand[2..].to_string()));
    }
    if (13..=19).contains(&n) && is_bank_card(cand) {
        return Some((Finding::BankCard, cand.to_string()));
    }
    None
}

/// How sure a finding is: a checksum-valid ID first, then the shapes that carry a birth date or
/// a mobile prefix, then a Luhn-valid card (one arbitrary number in ten passes Luhn).
fn strength(f: Finding) -> u8 {
    match f {
        Finding::IdNumber => 4,
        Finding::OldIdNumber | Finding::DamagedIdNumber | Finding::Mobile => 3,
        Finding::BankCard | Finding::BankAccount => 1,
    }
}

/// True when groups `a`, `a+1` (and `a+2`) are a date `yyyy-MM(-dd)`: a date is never glued to
/// the digits after it (`2020-03-15 13800138000` is a date and a phone).
fn date_at(groups: &[String], a: usize) -> Option<usize> {
    let (y, m) = (groups.get(a)?, groups.get(a + 1)?);
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1900..=2099).contains(&num(y)) || !(1..=12).contains(&num(m)) {
        return None;
    }
    match groups.get(a + 2) {
        Some(d) if (1..=2).contains(&d.len()) && valid_ymd(num(y), num(m), num(d)) => Some(a + 2),
        _ => Some(a + 1),
    }
}

/// Finds the numbers in one run of digit groups.
///
/// ID and mobile numbers are looked for across any grouping of at least two digits a group
/// (`13 800 138 000`, `110105  19491231  002X`); a possible card number only where every group
/// but the last has at least 3 digits (a leading “86” country code excepted), since cards are
/// grouped 4-4-4-4 and a Luhn match on arbitrary digits is common. A date is never joined to the
/// digits after it. The strongest finding wins (then the longest, then the first); the groups it
/// used are taken out and the rest scanned again. `glued` runs (touching a Latin letter, like
/// `sfz11010519491231002X` or a receipt number `XNHH-2020-000123`) report IDs and mobiles only.
fn scan_groups(groups: &[String], glued: bool, out: &mut Vec<(usize, Finding, String)>) {
    let n = groups.len();
    let mut used = vec![false; n];
    loop {
        let mut best: Option<(u8, usize, usize, usize, Finding, String)> = None;
        for a in 0..n {
            if used[a] {
                continue;
            }
            let date_end = date_at(groups, a);
            let mut cand = String::new();
            let mut card_ok = true;
            for b in a..n {
                if used[b] || date_end.is_some_and(|e| b > e) {
                    break;
                }
                if b > a {
                    let prev = &groups[b - 1];
                    if prev.len() < 2 {
                        break;
                    }
                    card_ok &= prev.len() >= 3 || (b - 1 == a && prev == "86");
                }
                cand.push_str(&groups[b]);
                if cand.len() > 19 {
                    break;
                }
                let Some((f, m)) = classify(&cand) else { continue };
                if f == Finding::BankCard && (!card_ok || glued) {
                    continue;
                }
                let key = (strength(f), cand.len());
                if best.as_ref().is_none_or(|x| key > (x.0, x.1)) {
                    best = Some((key.0, key.1, a, b, f, m));
                }
            }
        }
        let Some((_, _, a, b, f, m)) = best else { break };
        out.push((a, f, mask_for_display(&m)));
        used[a..=b].iter_mut().for_each(|u| *u = true);
    }
}

/// Finds ID-card, mobile and bank-card numbers in free text. Each finding is the kind and the
/// number **masked for display** ([`mask_for_display`]), with separators removed and full-width
/// digits made ASCII; findings are in text order.
///
/// How it reads the text:
/// * A run is a maximal stretch of digits (ASCII or full-width ０–９) in which up to three
///   separators ([`is_scan_separator`]: spaces of any kind, dashes, dots, slashes, underscores)
///   may stand between digit groups (`138 0013 8000`, `110105  19491231  002X`,
///   `110105–19491231–002X`, `6222-0212-3456-7890-128`, `+86 138-0013-8000`); a run may end in
///   the check character `X`/`x`.
/// * A run touching a Latin letter (directly or across a separator) is still searched for ID and
///   mobile numbers (`sfz11010519491231002X`, `tel13800138000`), but not for card numbers, which
///   receipt and record numbers such as `XNHH-2020-000123` would too often match by chance.
/// * Candidates are classified ([`classify`]): an 18-character valid ID ([`is_valid_id18`]) →
///   [`Finding::IdNumber`]; 15 digits with [`is_plausible_id15`] → [`Finding::OldIdNumber`];
///   16–18 digits with a province code and a birth date ([`is_damaged_id`], e.g. an ID that
///   Excel rounded) → [`Finding::DamagedIdNumber`]; 11 digits (or 86 + 11) with a mobile prefix →
///   [`Finding::Mobile`]; 13–19 digits passing Luhn → [`Finding::BankCard`]. See [`scan_groups`]
///   for how groups are joined and which candidate wins.
///
/// Not flagged: runs under 11 digits (`1024209303@qq.com`), landlines (`0715-8111755`), dates
/// (`2020-03-15`), runs longer than 19 digits with no separators (long transaction numbers are not
/// split), card numbers failing Luhn, and numbers spelt in Chinese numerals (一三八…).
pub fn scan_text(s: &str) -> Vec<(Finding, String)> {
    let chars: Vec<char> = s.chars().map(normalize_char).collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut groups = vec![String::new()];
        let mut j = i;
        loop {
            while j < n && chars[j].is_ascii_digit() {
                groups.last_mut().expect("one group").push(chars[j]);
                j += 1;
            }
            let mut k = j;
            while k < n && k - j < MAX_SEPARATORS && is_scan_separator(chars[k]) {
                k += 1;
            }
            if k > j && k < n && chars[k].is_ascii_digit() {
                groups.push(String::new());
                j = k;
            } else {
                break;
            }
        }
        let mut end = j;
        if end < n && matches!(chars[end], 'X' | 'x') && !chars.get(end + 1).is_some_and(|&c| is_letter(c) || c.is_ascii_digit()) {
            // Only an ID can end in X; for anything else the X makes the candidate fail, just
            // as a letter next to the run would.
            groups.last_mut().expect("one group").push('X');
            end += 1;
        }
        i = end;
        let letter_before = start > 0 && (is_letter(chars[start - 1]) || (is_scan_separator(chars[start - 1]) && start > 1 && is_letter(chars[start - 2])));
        let letter_after = end < n && (is_letter(chars[end]) || (is_scan_separator(chars[end]) && chars.get(end + 1).is_some_and(|&c| is_letter(c))));
        let mut found = Vec::new();
        scan_groups(&groups, letter_before || letter_after, &mut found);
        crate::sort::sort_by_key(&mut found, |x| x.0);
        out.extend(found.into_iter().map(|(_, f, m)| (f, m)));
    }
    // A card number the text itself calls an account is one.
    if out.iter().any(|(f, _)| *f == Finding::BankCard) && says_bank_account(s) {
        for (f, _) in &mut out {
            if *f == Finding::BankCard {
                *f = Finding::BankAccount;
            }
        }
    }
    out
}

/// Runs [`scan_text`] over every string in a JSON value, every object key, and every number
/// (rendered as its integer digits, since an ID or phone number may be stored as a number).
/// Each finding comes with the JSON path of the value: `records[3].note`; keys that are not
/// plain words are quoted (`records[3]["a.b"]`), and the root value itself has the path `""`.
///
/// A key that contains a finding is reported at its own path, and that key appears masked
/// ([`mask_for_display`]) in every path, so paths never leak the number either.
///
/// Numbers: integers are scanned as written; a number with a fraction or exponent is scanned as
/// its integer part (a float cannot hold an 18-digit ID exactly, so those may be missed).
pub fn scan_json(value: &Value) -> Vec<(String, Finding, String)> {
    let mut out = Vec::new();
    walk(value, String::new(), &mut out);
    out
}

fn walk(value: &Value, path: String, out: &mut Vec<(String, Finding, String)>) {
    fn report(text: &str, path: &str, out: &mut Vec<(String, Finding, String)>) {
        for (f, m) in scan_text(text) {
            out.push((path.to_string(), f, m));
        }
    }
    match value {
        Value::String(s) => report(s, &path, out),
        Value::Number(n) => {
            let digits = if let Some(u) = n.as_u64() {
                u.to_string()
            } else if let Some(i) = n.as_i64() {
                i.to_string()
            } else {
                match n.as_f64() {
                    Some(f) if f.is_finite() => format!("{:.0}", f.trunc()),
                    _ => String::new(),
                }
            };
            report(&digits, &path, out);
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let key_findings = scan_text(key);
                let shown = if key_findings.is_empty() { key.clone() } else { mask_for_display(key) };
                let child = child_path(&path, &shown);
                for (f, m) in key_findings {
                    out.push((child.clone(), f, m));
                }
                walk(item, child, out);
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
}

fn child_path(parent: &str, key: &str) -> String {
    let plain = !key.is_empty() && key.chars().all(|c| !matches!(c, '.' | '[' | ']' | '"' | '\\') && !c.is_whitespace() && !c.is_control());
    if !plain {
        format!("{parent}[{}]", Value::String(key.to_string()))
    } else if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Appends the GB 11643 check character, computed here independently of the module.
    fn with_check(first17: &str) -> String {
        const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        let sum: u32 = first17.chars().zip(W).map(|(c, w)| c.to_digit(10).unwrap() * w).sum();
        let check = "10X98765432".chars().nth((sum % 11) as usize).unwrap();
        format!("{first17}{check}")
    }

    /// Appends the Luhn check digit.
    fn with_luhn(body: &str) -> String {
        (0..10).map(|d| format!("{body}{d}")).find(|s| luhn_ok(s)).unwrap()
    }

    #[test]
    fn masks_names() {
        let cases = [
            ("张三", "张某"),
            ("李小明", "李某"),
            ("欧阳娜娜", "欧阳某"),
            ("欧阳", "欧某"),
            ("司马光", "司马某"),
            ("诸葛亮", "诸葛某"),
            ("买买提·艾力", "买某"),
            ("阿依古丽·吐尔逊", "阿某"),
            ("阿依古丽•吐尔逊", "阿某"),
            ("张某", "张某"),
            ("张某某", "张某某"),
            ("欧阳某", "欧阳某"),
            ("李*", "李*"),
            ("李**", "李**"),
            ("  王五 ", "王某"),
            ("", ""),
            ("   ", ""),
            ("John Smith", "某某"),
            ("Zhang San", "某某"),
            ("（张三）", "张某"),
            ("——", "某某"),
        ];
        for (input, want) in cases {
            assert_eq!(mask_name(input), want, "mask_name({input:?})");
            assert_eq!(mask_name(&mask_name(input)), want, "idempotent for {input:?}");
            // What mask writes is what the check accepts.
            assert!(want.is_empty() || is_masked(want), "mask_name({input:?}) = {want:?} is not a masked name");
        }
    }

    #[test]
    fn compound_surname_list() {
        assert!(COMPOUND_SURNAMES.len() >= 30);
        for s in COMPOUND_SURNAMES {
            assert_eq!(s.chars().count(), 2, "{s}");
            assert_eq!(mask_name(&format!("{s}明")), format!("{s}某"));
        }
        let mut sorted = COMPOUND_SURNAMES.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), COMPOUND_SURNAMES.len(), "no duplicates");
    }

    #[test]
    fn recognises_masked_names() {
        for s in ["张某", "张某某", "欧阳某", "欧阳某某", "张*", "张**", "欧阳*", "张＊", " 李某 ", "某某"] {
            assert!(is_masked(s), "{s:?} should be masked");
        }
        for s in [
            "",
            "张",
            "张三",
            "李小明",
            "欧阳娜娜",
            "王女士",
            "张三某某某",
            "张***",
            "*",
            "某",
            "J某",
            "张三丰某某",
            "张三某",
            "张　某",
            "张 某",
            "Zhang某",
            "Zhang San",
            "买买提·某",
            "张三*",
        ] {
            assert!(!is_masked(s), "{s:?} should not be masked");
        }
    }

    #[test]
    fn spots_full_names() {
        for s in ["张三", "李小明", "欧阳娜娜", " 王五 "] {
            assert!(looks_like_full_name(s), "{s:?}");
        }
        for s in [
            "咸安区",
            "困难群众",
            "王女士",
            "张先生",
            "张某",
            "李*",
            "张某某",
            "爱心人士",
            "匿名",
            "马桥镇",
            "温泉街道",
            "张",
            "诸葛孔明先",
            "John",
            "张3",
            "",
            "市中心医院",
        ] {
            assert!(!looks_like_full_name(s), "{s:?}");
        }
    }

    #[test]
    fn id18() {
        // The example from GB 11643-1999 itself.
        assert_eq!(with_check("11010519491231002"), "11010519491231002X");
        assert_eq!(id18_check_char("11010519491231002"), Some('X'));
        assert!(is_valid_id18("11010519491231002X"));
        assert!(is_valid_id18("11010519491231002x"), "lowercase x");
        assert!(is_valid_id18(" 11010519491231002X "));
        assert!(is_valid_id18("１１０１０５１９４９１２３１００２Ｘ"), "full-width");
        let valid = with_check("11010519491231001");
        assert_eq!(valid, "110105194912310011");
        assert!(is_valid_id18(&valid));
        // Wrong check characters.
        for c in "0123456789X".chars().filter(|&c| c != '1') {
            assert!(!is_valid_id18(&format!("11010519491231001{c}")), "check {c}");
        }
        // Impossible birth dates with correct checksums.
        for first17 in ["11010519491331001", "11010519490230001", "11010519490431001", "11010519490001001", "11010519491200001"] {
            assert!(!is_valid_id18(&with_check(first17)), "{first17}");
        }
        // Leap years: 2000-02-29 and 2020-02-29 yes, 1900-02-29 and 2019-02-29 no.
        assert!(is_valid_id18(&with_check("42120220000229123")));
        assert!(is_valid_id18(&with_check("42120220200229123")));
        assert!(!is_valid_id18(&with_check("42120219000229123")));
        assert!(!is_valid_id18(&with_check("42120220190229123")));
        // The standard's other example is born in 1880: checksum fine, outside 1900–2099.
        assert_eq!(with_check("44052418800101001"), "440524188001010014");
        assert!(!is_valid_id18("440524188001010014"));
        // Shape.
        assert!(!is_valid_id18(&with_check("01010519491231001")), "area code starts with 0");
        assert!(!is_valid_id18("11010519491231002"));
        assert!(!is_valid_id18("110105194912310021X"));
        assert!(!is_valid_id18("1101051949123100XX"));
        assert!(!is_valid_id18("110105-19491231-002X"));
        assert!(!is_valid_id18(""));
    }

    #[test]
    fn id15() {
        assert!(is_plausible_id15("110105491231002"));
        assert!(!is_plausible_id15("420202000229123"), "1900-02-29 does not exist");
        assert!(is_plausible_id15("420202960229123"), "1996-02-29");
        assert!(!is_plausible_id15("420202970229123"), "1997-02-29");
        assert!(!is_plausible_id15("110105491331002"), "month 13");
        assert!(!is_plausible_id15("110105490000002"), "month 00");
        assert!(!is_plausible_id15("010105491231002"), "area code starts with 0");
        assert!(!is_plausible_id15("11010549123100"));
        assert!(!is_plausible_id15("11010549123100X"));
    }

    #[test]
    fn valid_dates() {
        assert!(valid_ymd(2000, 2, 29));
        assert!(!valid_ymd(1900, 2, 29));
        assert!(valid_ymd(2024, 2, 29));
        assert!(!valid_ymd(2023, 2, 29));
        assert!(!valid_ymd(2023, 4, 31));
        assert!(valid_ymd(2023, 12, 31));
        assert!(!valid_ymd(2023, 0, 1));
        assert!(!valid_ymd(2023, 1, 0));
    }

    #[test]
    fn mobiles() {
        for s in [
            "13800138000",
            "+86 138-0013-8000",
            "+8613800138000",
            "86-13800138000",
            "8613800138000",
            "138 0013 8000",
            "19912345678",
            "１３８００１３８０００",
            " 13800138000 ",
        ] {
            assert!(is_mobile(s), "{s:?}");
        }
        for s in [
            "12345678901",
            "0715-8111755",
            "1380013800",
            "138001380001",
            "23800138000",
            "138--0013-8000",
            "138.0013.8000",
            "+86  13800138000",
            "+87 13800138000",
            "",
            "1380013800a",
        ] {
            assert!(!is_mobile(s), "{s:?}");
        }
    }

    #[test]
    fn households_in_free_text() {
        for (s, what) in [
            ("咸安区横沟桥镇大屋村3组张三等15户", "村民小组（村、组）地址"),
            ("横沟桥镇大屋村3组", "村民小组（村、组）地址"),
            ("城西村二组", "村民小组（村、组）地址"),
            ("城西社区十组", "村民小组（村、组）地址"),
            ("5组18号", "门牌号"),
            ("张三等15户", "受助人姓名"),
            ("发给欧阳娜娜等3人", "受助人姓名"),
        ] {
            assert_eq!(household_in_text(s), Some(what), "{s}");
        }
        for s in ["横沟桥镇", "发往大屋村委会", "困难户等20户", "低保户等12户", "受灾群众等300人", "项目组", "第三工作组", "咸安区红十字会", "2021年3组物资"]
        {
            assert_eq!(household_in_text(s), None, "{s}");
        }
        assert!(says_bank_account("户名张三 卡号6222…"));
        // A card number alone is a possible card; beside 户名/卡号 it is an account.
        let card = "6222021234567890128";
        assert_eq!(scan_text(card)[0].0, Finding::BankCard);
        assert_eq!(scan_text(&format!("户名张三 卡号{card}"))[0].0, Finding::BankAccount);
        assert!(!says_bank_account("收据号 XNHH-2020-000123"));
    }

    #[test]
    fn luhn_and_cards() {
        assert!(luhn_ok("4111111111111111"));
        assert!(!luhn_ok("4111111111111112"));
        assert!(!luhn_ok("6222021234567890123"), "the example digits fail Luhn");
        let card = with_luhn("622202123456789012");
        assert_eq!(card, "6222021234567890128");
        assert!(luhn_ok(&card));
        assert!(!luhn_ok(""));
        assert!(!luhn_ok("4111 1111 1111 1111"));
        assert!(is_bank_card(&card));
        assert!(is_bank_card("6222-0212-3456-7890-128"));
        assert!(is_bank_card("4111 1111 1111 1111"));
        assert!(!is_bank_card("6222021234567890123"));
        assert!(!is_bank_card("0000000000000000"), "all zeros");
        assert!(!is_bank_card(&with_luhn("41111111111")), "12 digits");
        assert!(is_bank_card(&with_luhn("411111111111")), "13 digits");
        assert!(is_bank_card(&with_luhn("412345678901234567")), "19 digits");
        assert!(!is_bank_card(&with_luhn("4123456789012345678")), "20 digits");
    }

    #[test]
    fn display_mask() {
        assert_eq!(mask_for_display("13800138000"), "138******00");
        assert_eq!(mask_for_display("11010519491231002X"), "110*************2X");
        assert_eq!(mask_for_display("12345"), "*****");
        assert_eq!(mask_for_display(""), "");
    }

    #[test]
    fn finding_labels() {
        assert_eq!(Finding::IdNumber.zh(), "身份证号");
        assert_eq!(Finding::OldIdNumber.zh(), "旧版15位身份证号");
        assert_eq!(Finding::Mobile.zh(), "手机号");
        assert_eq!(Finding::BankCard.zh(), "银行卡号");
    }

    #[test]
    fn scans_a_sentence() {
        let text = "收据号XNHH-2020-000123，编号D2020-00001，办公电话0715-8111755，邮箱1024209303@qq.com；\
                    受助人身份证号11010519491231002X，旧证110105491231002，手机138 0013 8000，\
                    银行卡6222-0212-3456-7890-128，另一卡6222-0212-3456-7890-123（校验不过）。";
        assert_eq!(
            scan_text(text),
            vec![
                (Finding::IdNumber, "110*************2X".to_string()),
                (Finding::OldIdNumber, "110**********02".to_string()),
                (Finding::Mobile, "138******00".to_string()),
                // The text says 银行卡: an account, not a chance Luhn match.
                (Finding::BankAccount, "622**************28".to_string()),
            ]
        );
    }

    #[test]
    fn scan_false_positive_traps() {
        for text in [
            "XNHH-2020-000123",
            "XNHH-2020-0001234567890",
            "D2020-00001",
            "XNHH-2020-6222021234567890128",
            "0715-8111755",
            "0715 8111755",
            "07158111755",
            "1024209303@qq.com",
            "1380013800",
            "2020-03-15-2020-03-20",
            "2020-03-15 2020-03-20",
            "金额12345.67元",
            "123456789012345678901234",
            "",
        ] {
            assert_eq!(scan_text(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn scan_variants() {
        let m = |t: &str| scan_text(t);
        let mobile = vec![(Finding::Mobile, "138******00".to_string())];
        assert_eq!(m("电话：１３８００１３８０００"), mobile, "full-width");
        assert_eq!(m("电话+86 138-0013-8000。"), mobile);
        assert_eq!(m("Tel 13800138000"), mobile);
        assert_eq!(m("13800138000@163.com"), mobile);
        assert_eq!(m("2020-03-15 13800138000"), mobile, "a date in front is not glued on");
        assert_eq!(m("13800138000 13900139000"), vec![(Finding::Mobile, "138******00".to_string()), (Finding::Mobile, "139******00".to_string())]);
        assert_eq!(m("身份证11010519491231002x。"), vec![(Finding::IdNumber, "110*************2X".to_string())]);
        assert_eq!(m("身份证110105 19491231 002X"), vec![(Finding::IdNumber, "110*************2X".to_string())]);
        // Glued to letters: IDs and mobiles are still found; possible cards are not.
        assert_eq!(m("11010519491231002XY"), vec![(Finding::DamagedIdNumber, "110************02".to_string())], "the X is read as a letter");
        assert_eq!(m("tel13800138000"), mobile);
        assert_eq!(m("13800138000abc"), mobile);
        assert_eq!(m("card6222021234567890128"), vec![]);
        // A valid ID that also passes Luhn is still an ID, never a card.
        let id = (100..1000).map(|seq| with_check(&format!("11010519491231{seq}"))).find(|id| luhn_ok(id)).unwrap();
        assert!(is_valid_id18(&id) && is_bank_card(&id));
        assert_eq!(m(&id), vec![(Finding::IdNumber, mask_for_display(&id))]);
        // Two numbers in one space-separated run are both found.
        assert_eq!(
            m("Tel 13800138000 11010519491231002X"),
            vec![(Finding::Mobile, "138******00".to_string()), (Finding::IdNumber, "110*************2X".to_string())]
        );
        // Wrong check digit, but a province code and a birth date: a damaged ID, whether or not
        // it passes Luhn.
        assert!(luhn_ok("110105194912310010"));
        assert_eq!(m("110105194912310010"), vec![(Finding::DamagedIdNumber, "110*************10".to_string())]);
        assert!(!luhn_ok("110105194912310012"));
        assert_eq!(m("110105194912310012"), vec![(Finding::DamagedIdNumber, "110*************12".to_string())]);
        // No birth date: only a card when it passes Luhn.
        assert_eq!(m("6222021234567890128"), vec![(Finding::BankCard, "622**************28".to_string())]);
        assert_eq!(m("6222021234567890123"), vec![]);
    }

    /// Every way of writing a number that the review of the privacy gate found getting through,
    /// and more. Each must be found.
    #[test]
    fn scans_through_separators_letters_and_damage() {
        let id = (Finding::IdNumber, "110*************2X".to_string());
        let mobile = (Finding::Mobile, "138******00".to_string());
        for text in [
            "110105  19491231  002X",
            "110105\u{2013}19491231\u{2013}002X",
            "110105—19491231—002X",
            "110105.19491231.002X",
            "110105/19491231/002X",
            "110105_19491231_002X",
            "110105\u{3000}19491231\u{3000}002X",
            "110105\t19491231\t002X",
            "sfz11010519491231002X",
            "SFZ:11010519491231002x",
            "ID 110105 1949 1231 002X",
            "１１０１０５１９４９１２３１００２Ｘ",
            "身份证号码110105-1949-1231-002X。",
        ] {
            assert_eq!(scan_text(text), vec![id.clone()], "{text:?}");
        }
        for text in [
            "13 800 138 000",
            "138  0013  8000",
            "138.0013.8000",
            "138–0013–8000",
            "tel13800138000",
            "Tel:13800138000",
            "手机：138 0013 8000号",
            "１３８　００１３　８０００",
            "+86 13800138000",
            "2020-03-15 13800138000",
        ] {
            assert_eq!(scan_text(text), vec![mobile.clone()], "{text:?}");
        }
        // Excel's rounding: the check digit is gone, region and birth date remain.
        for text in ["420102199003071000", "身份证420102199003071000", "4201021990030710", "42010219900307100"] {
            let got = scan_text(text);
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
            assert!(matches!(got[0].0, Finding::DamagedIdNumber | Finding::IdNumber), "{text:?}: {got:?}");
        }
        assert!(is_damaged_id("420102199003071000") && !is_valid_id18("420102199003071000"));
        assert!(!is_damaged_id("990102199003071000"), "no such province");
        assert!(!is_damaged_id("420102199013071000"), "month 13");
        // Dates and times stay dates.
        for text in ["1999-12-31 123", "2019-01-04 12", "2020/03/15", "2020.03.15", "2021年3月15日"] {
            assert_eq!(scan_text(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn scans_json() {
        let id = with_check("11010519491231001");
        let id_num: u64 = id.parse().unwrap();
        let value = json!({
            "title": "2020年救助名单",
            "records": [
                {"name": "张某", "note": "无"},
                {"name": "李某", "amount": 500},
                {"name": "王某", "phone": 13800138000u64},
                {"name": "赵某", "note": "电话138-0013-8000，卡号6222021234567890128", "ok": true, "x": null},
                {"id": id_num, "old": "110105491231002"}
            ],
            "a.b": ["11010519491231002X"],
            "13900139000": "key leaks"
        });
        let mut got = scan_json(&value);
        got.sort_by(|a, b| a.0.cmp(&b.0));
        let mut want = vec![
            ("records[2].phone".to_string(), Finding::Mobile, "138******00".to_string()),
            ("records[3].note".to_string(), Finding::Mobile, "138******00".to_string()),
            // 卡号 beside it: an account.
            ("records[3].note".to_string(), Finding::BankAccount, "622**************28".to_string()),
            ("records[4].id".to_string(), Finding::IdNumber, "110*************11".to_string()),
            ("records[4].old".to_string(), Finding::OldIdNumber, "110**********02".to_string()),
            ("[\"a.b\"][0]".to_string(), Finding::IdNumber, "110*************2X".to_string()),
            ("139******00".to_string(), Finding::Mobile, "139******00".to_string()),
        ];
        want.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(got, want);
        for (path, _, _) in &got {
            assert!(!path.contains("13900139000"), "path leaks: {path}");
        }
        assert_eq!(scan_json(&json!("13800138000")), vec![(String::new(), Finding::Mobile, "138******00".to_string())]);
        assert_eq!(scan_json(&json!([1, 2.5, 13800138000.0])), vec![("[2]".to_string(), Finding::Mobile, "138******00".to_string())]);
        assert_eq!(scan_json(&json!({"n": -13800138000i64})), vec![("n".to_string(), Finding::Mobile, "138******00".to_string())]);
    }
}
