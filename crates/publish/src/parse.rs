//! Reading what people type into spreadsheets: money in 元 or 万元, dates in the usual Chinese
//! and numeric forms (and Excel serial numbers), yes/no answers.
//!
//! Money is parsed from its decimal text, digit by digit, into integer fen: no floating point
//! touches it. A spreadsheet number cell reaches here as the shortest decimal text that reads
//! back as the same `f64` (what Rust's `Display` writes), which is exactly what the person typed
//! whenever they typed at most 15 significant digits.

use gongshi_core::calendar;
use gongshi_core::date::PartialDate;
use gongshi_core::money::Fen;

/// Full-width forms (Ｕ+FF01–FF5E) to ASCII, the ideographic space and no-break space to a space,
/// and `￥` to `¥`. Everything else is left alone.
pub fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
            '￥' => '¥',
            '−' => '-',
            _ => c,
        })
        .collect()
}

/// The unit a bare number is in: 元, or 万元 (a column headed “金额（万元）”).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyUnit {
    Yuan,
    Wan,
}

/// Parses an amount of money in 元 into fen, exactly. Negative amounts are refused (use
/// [`parse_signed_money_fen`] where a refund or correction may be negative).
///
/// Accepted: `1234`, `1234.5`, `1,234.50`, `1234.5元`, `1.2万`, `1.2万元`, `¥300`, `￥300`,
/// `RMB 300`, `人民币300元`, `300.00`, `300元整`, full-width digits and punctuation
/// (`１２３`, `１，２３４．５０`). 元 take at most 2 decimals (分), 万 at most 6.
///
/// Refused, with a Chinese reason naming the value: more decimals than that (`12.345`), bad
/// thousands grouping (`1,00`, `12,34,567`), anything that is not a number (`abc`, `1.2.3`,
/// `1e5`, `12 34`), the empty string, and amounts too large for `i64` fen.
pub fn parse_money_fen(s: &str) -> Result<Fen, String> {
    parse_money(s, MoneyUnit::Yuan, false)
}

/// As [`parse_money_fen`], allowing a leading minus sign (`-5`, `-¥5`, `¥-5`).
pub fn parse_signed_money_fen(s: &str) -> Result<Fen, String> {
    parse_money(s, MoneyUnit::Yuan, true)
}

/// The general form: `default_unit` is the unit of a number written without 元 or 万 (a column
/// headed 万元 holds 万); `allow_negative` lets a leading minus through.
pub fn parse_money(s: &str, default_unit: MoneyUnit, allow_negative: bool) -> Result<Fen, String> {
    let bad = |why: &str| format!("“{}”不是有效金额：{why}", s.trim());
    let folded = fold_width(s);
    let mut t = folded.trim();
    if t.is_empty() {
        return Err("金额为空".to_string());
    }
    let mut negative = false;
    let mut take_sign = |t: &mut &str| -> Result<(), String> {
        if let Some(rest) = t.strip_prefix('-') {
            if negative {
                return Err(bad("有两个负号"));
            }
            negative = true;
            *t = rest.trim_start();
        } else if let Some(rest) = t.strip_prefix('+') {
            *t = rest.trim_start();
        }
        Ok(())
    };
    take_sign(&mut t)?;
    for prefix in ["¥", "RMB", "rmb", "CNY", "cny", "人民币"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim_start();
            break;
        }
    }
    take_sign(&mut t)?;
    let mut unit = default_unit;
    for (suffix, u) in [("万元", MoneyUnit::Wan), ("万", MoneyUnit::Wan), ("元整", MoneyUnit::Yuan), ("元", MoneyUnit::Yuan), ("圆", MoneyUnit::Yuan)] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.trim_end();
            unit = u;
            break;
        }
    }
    if t.is_empty() {
        return Err(bad("没有数字"));
    }
    if t.chars().any(|c| c.is_whitespace()) {
        return Err(bad("数字中间有空格"));
    }
    if !t.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        if t.contains(['e', 'E']) && t.chars().any(|c| c.is_ascii_digit()) {
            return Err(bad("不接受科学计数法，请把单元格设为数值或文本格式"));
        }
        return Err(bad("含有数字以外的字符"));
    }
    let (int_part, frac_part) = match t.split_once('.') {
        Some((i, f)) => {
            if f.contains('.') {
                return Err(bad("有多个小数点"));
            }
            if f.contains(',') {
                return Err(bad("小数部分不能有千分位逗号"));
            }
            if f.is_empty() {
                return Err(bad("小数点后没有数字"));
            }
            (i, f)
        }
        None => (t, ""),
    };
    let digits: String = if int_part.contains(',') {
        let groups: Vec<&str> = int_part.split(',').collect();
        let ok = (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
        if !ok {
            return Err(bad("千分位逗号位置不对（应每三位一组，如 1,234,567.89）"));
        }
        groups.concat()
    } else {
        int_part.to_string()
    };
    if digits.is_empty() && frac_part.is_empty() {
        return Err(bad("没有数字"));
    }
    let (max_decimals, scale): (usize, i64) = match unit {
        MoneyUnit::Yuan => (2, 100),
        MoneyUnit::Wan => (6, 1_000_000),
    };
    if frac_part.len() > max_decimals {
        return Err(match unit {
            MoneyUnit::Yuan => bad("以元为单位最多两位小数（到分）"),
            MoneyUnit::Wan => bad("以万元为单位最多六位小数（到分）"),
        });
    }
    let overflow = || bad("金额太大");
    let mut whole: i64 = 0;
    for b in digits.bytes() {
        whole = whole.checked_mul(10).and_then(|x| x.checked_add(i64::from(b - b'0'))).ok_or_else(overflow)?;
    }
    let mut frac: i64 = 0;
    for i in 0..max_decimals {
        let digit = frac_part.as_bytes().get(i).map(|b| i64::from(b - b'0')).unwrap_or(0);
        frac = frac * 10 + digit;
    }
    // `frac` is in units of 10^-max_decimals of the unit; 1 unit = scale fen.
    let frac_fen = frac * scale / 10_i64.pow(max_decimals as u32);
    let fen = whole.checked_mul(scale).and_then(|x| x.checked_add(frac_fen)).ok_or_else(overflow)?;
    if negative && fen != 0 {
        if !allow_negative {
            return Err(bad("金额不能为负数"));
        }
        return Ok(Fen(-fen));
    }
    Ok(Fen(fen))
}

/// The first and last Excel serial numbers read as dates: 1 = 1900-01-01, 2958465 = 9999-12-31.
pub const EXCEL_SERIAL_MAX: i64 = 2_958_465;

/// The date of an Excel serial day number in the 1900 date system.
///
/// Excel counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, pretends 1900 was a leap year:
/// serial 60 is the non-existent 1900-02-29 (refused here) and every serial from 61 on is one more
/// than the true count of days (61 = 1900-03-01). Serial 0 (“1900-01-00”) and negative serials
/// are refused, as are serials past 9999-12-31.
pub fn excel_serial_date(serial: i64) -> Result<PartialDate, String> {
    if serial < 1 {
        return Err(format!("Excel 日期序号 {serial} 不是有效日期（从 1 = 1900-01-01 起算）"));
    }
    if serial == 60 {
        return Err("Excel 日期序号 60 是不存在的 1900-02-29（Excel 1900 日期系统的已知错误），请核对日期".to_string());
    }
    if serial > EXCEL_SERIAL_MAX {
        return Err(format!("Excel 日期序号 {serial} 超出范围"));
    }
    let epoch = calendar::day_number(1899, 12, 31);
    let n = if serial < 60 { epoch + serial } else { epoch + serial - 1 };
    calendar::date_of_day_number(n).ok_or_else(|| format!("Excel 日期序号 {serial} 超出范围"))
}

/// Parses a date as people write it: `2020-01-05`, `2020-1-5`, `2020/1/5`, `2020.1.5`,
/// `2020年1月5日` (or `5号`), `2020年1月`, `2020-01`, `2020/1`, `2020年`, `2020`, `20200105`,
/// a trailing time (`2020-01-05 08:30:00`, `2020-01-05T08:30`) which is dropped, and Excel serial
/// numbers (`43835`, `43835.5` — five or more digits; see [`excel_serial_date`]). Full-width
/// digits are accepted.
///
/// Refused with a reason: impossible dates (`2019-02-29`, `2020/4/31`, `2020年13月`), years
/// outside 1900–2099, two-digit years, and anything else.
pub fn parse_date(s: &str) -> Result<PartialDate, String> {
    let folded = fold_width(s);
    let t = folded.trim();
    if t.is_empty() {
        return Err("日期为空".to_string());
    }
    let bad = |why: &str| format!("“{t}”不是有效日期：{why}");
    let t = strip_time(t);
    // Excel serial numbers and compact all-digit forms.
    if let Some((int, frac)) = t.split_once('.').filter(|(i, f)| i.len() >= 5 && is_digits(i) && is_digits(f)) {
        let _ = frac;
        return excel_serial_date(int.parse().map_err(|_| bad("数字太大"))?).map_err(|e| format!("“{t}”：{e}"));
    }
    if is_digits(t) {
        return match t.len() {
            4 => ymd(t, Some(t), None, None),
            6 => ymd(t, Some(&t[..4]), Some(&t[4..]), None),
            8 => ymd(t, Some(&t[..4]), Some(&t[4..6]), Some(&t[6..])),
            5 | 7 => excel_serial_date(t.parse().map_err(|_| bad("数字太大"))?).map_err(|e| format!("“{t}”：{e}")),
            _ => Err(bad("应为 2020-01-05、2020/1/5、2020年1月5日 等格式")),
        };
    }
    if t.contains('年') {
        let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        let (y, rest) = compact.split_once('年').expect("contains 年");
        if rest.is_empty() {
            return ymd(t, Some(y), None, None);
        }
        let Some((m, rest)) = rest.split_once('月') else { return Err(bad("有“年”无“月”")) };
        if rest.is_empty() {
            return ymd(t, Some(y), Some(m), None);
        }
        let d = rest.strip_suffix('日').or_else(|| rest.strip_suffix('号')).unwrap_or(rest);
        return ymd(t, Some(y), Some(m), Some(d));
    }
    for sep in ['-', '/', '.'] {
        if t.contains(sep) {
            let parts: Vec<&str> = t.split(sep).map(str::trim).collect();
            return match parts.as_slice() {
                [y, m] => ymd(t, Some(y), Some(m), None),
                [y, m, d] => ymd(t, Some(y), Some(m), Some(d)),
                _ => Err(bad("应为 2020-01-05、2020/1/5、2020年1月5日 等格式")),
            };
        }
    }
    Err(bad("应为 2020-01-05、2020/1/5、2020年1月5日 等格式"))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `2020-01-05 08:30:00` → `2020-01-05`; anything else unchanged.
fn strip_time(t: &str) -> &str {
    let is_time = |r: &str| {
        let r = r.trim();
        let r = r.strip_suffix('Z').unwrap_or(r);
        let parts: Vec<&str> = r.split(':').collect();
        (2..=3).contains(&parts.len())
            && parts[..2].iter().all(|p| (1..=2).contains(&p.len()) && is_digits(p))
            && parts.get(2).is_none_or(|s| {
                let (w, f) = s.split_once('.').unwrap_or((s, "0"));
                w.len() == 2 && is_digits(w) && is_digits(f)
            })
    };
    if let Some(i) = t.find([' ', 'T']) {
        if is_time(&t[i + 1..]) {
            return t[..i].trim_end();
        }
    }
    t
}

fn ymd(original: &str, y: Option<&str>, m: Option<&str>, d: Option<&str>) -> Result<PartialDate, String> {
    let bad = |why: String| format!("“{original}”不是有效日期：{why}");
    let y = y.unwrap_or("");
    if y.len() != 4 || !is_digits(y) {
        return Err(bad("年份应为四位数字".into()));
    }
    let year: u16 = y.parse().expect("four digits");
    if !(1900..=2099).contains(&year) {
        return Err(bad(format!("年份 {year} 不合理")));
    }
    let num = |p: &str, what: &str| -> Result<u8, String> {
        if (1..=2).contains(&p.len()) && is_digits(p) {
            Ok(p.parse().expect("two digits"))
        } else {
            Err(bad(format!("{what}“{p}”应为一到两位数字")))
        }
    };
    let month = m.map(|m| num(m, "月份")).transpose()?;
    let day = d.map(|d| num(d, "日")).transpose()?;
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return Err(bad(format!("没有 {m} 月")));
        }
        if let Some(d) = day {
            let max = gongshi_core::date::days_in_month(year, m);
            if d == 0 || d > max {
                return Err(bad(format!("{year} 年 {m} 月没有 {d} 日")));
            }
        }
    }
    Ok(PartialDate { year, month, day })
}

/// Parses a yes/no answer, e.g. the 是否定向 column: 是, 定向, 有, Y, yes, true, 1, √ → `true`;
/// 否, 非定向, 不定向, 无, N, no, false, 0, × → `false` (case and width insensitive).
pub fn parse_yes_no(s: &str) -> Result<bool, String> {
    let t = fold_width(s).trim().to_lowercase();
    match t.as_str() {
        "是" | "定向" | "有" | "y" | "yes" | "true" | "1" | "√" | "✓" | "✔" | "对" => Ok(true),
        "否" | "非定向" | "不定向" | "无" | "n" | "no" | "false" | "0" | "×" | "✗" | "✘" => Ok(false),
        "" => Err("是/否为空".to_string()),
        _ => Err(format!("“{}”无法识别为是/否（可写 是/否、定向/非定向、Y/N、true/false、1/0）", s.trim())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fen(s: &str) -> i64 {
        parse_money_fen(s).unwrap_or_else(|e| panic!("{s}: {e}")).0
    }

    #[test]
    fn money_forms() {
        let cases: &[(&str, i64)] = &[
            ("1,234.50", 123_450),
            ("1234.5元", 123_450),
            ("1234.5 元", 123_450),
            ("1.2万", 1_200_000),
            ("1.2万元", 1_200_000),
            ("1282.4万元", 1_282_400_000),
            ("0.000001万", 1),
            ("39.67万", 39_670_000),
            ("¥300", 30_000),
            ("￥300", 30_000),
            ("¥ 300", 30_000),
            ("RMB300", 30_000),
            ("人民币300元", 30_000),
            ("300元整", 30_000),
            ("300.00", 30_000),
            ("300.0", 30_000),
            ("300", 30_000),
            ("0.05", 5),
            (".5", 50),
            ("0", 0),
            ("１２３", 12_300),
            ("１，２３４．５０", 123_450),
            ("１２３元", 12_300),
            ("  12,345,678.90  ", 1_234_567_890),
            ("999", 99_900),
            ("1,000", 100_000),
            ("+5", 500),
            ("-0", 0),
            ("92233720368547758.07", i64::MAX),
        ];
        for (s, want) in cases {
            assert_eq!(fen(s), *want, "{s}");
        }
    }

    #[test]
    fn money_refusals_say_why() {
        let cases: &[(&str, &str)] = &[
            ("12.345", "两位小数"),
            ("1.2345678万", "六位小数"),
            ("abc", "数字以外"),
            ("", "为空"),
            ("   ", "为空"),
            ("1,00", "千分位"),
            ("12,34,567", "千分位"),
            (",123", "千分位"),
            ("1,234,", "千分位"),
            ("1.2.3", "多个小数点"),
            ("1.", "小数点后"),
            ("1e5", "科学计数法"),
            ("1.2E+05", "科学计数法"),
            ("12 34", "空格"),
            ("元", "没有数字"),
            ("¥", "没有数字"),
            ("-5", "负数"),
            ("¥-5", "负数"),
            ("--5", "两个负号"),
            ("92233720368547758.08", "太大"),
            ("99999999999999999999", "太大"),
            ("1.00.00", "多个小数点"),
            ("1.0,0", "千分位"),
        ];
        for (s, why) in cases {
            let e = parse_money_fen(s).expect_err(s);
            assert!(e.contains(why), "{s}: {e}");
            if !s.trim().is_empty() {
                assert!(e.contains(s.trim()), "names the value: {e}");
            }
        }
    }

    #[test]
    fn negatives_only_when_allowed_and_units_by_column() {
        assert_eq!(parse_signed_money_fen("-5").unwrap(), Fen(-500));
        assert_eq!(parse_signed_money_fen("-¥5.5").unwrap(), Fen(-550));
        assert_eq!(parse_signed_money_fen("¥-5").unwrap(), Fen(-500));
        assert_eq!(parse_signed_money_fen("-1.2万").unwrap(), Fen(-1_200_000));
        assert_eq!(parse_signed_money_fen("－５").unwrap(), Fen(-500), "full-width minus");
        assert_eq!(parse_signed_money_fen("−5").unwrap(), Fen(-500), "minus sign");
        assert_eq!(parse_money("1.2", MoneyUnit::Wan, false).unwrap(), Fen(1_200_000));
        assert_eq!(parse_money("1.2元", MoneyUnit::Wan, false).unwrap(), Fen(120), "an explicit unit wins");
        assert!(parse_money("1.1234567", MoneyUnit::Wan, false).is_err());
    }

    #[test]
    fn money_is_exact_for_every_two_decimal_amount_below_a_thousand() {
        for n in 0..100_000i64 {
            let s = format!("{}.{:02}", n / 100, n % 100);
            assert_eq!(fen(&s), n, "{s}");
            // What a number cell becomes: the shortest text reading back as the same f64.
            let cell = format!("{}", n as f64 / 100.0);
            assert_eq!(fen(&cell), n, "{cell}");
        }
    }

    fn date(s: &str) -> String {
        parse_date(s).unwrap_or_else(|e| panic!("{s}: {e}")).to_string()
    }

    #[test]
    fn date_forms() {
        let cases: &[(&str, &str)] = &[
            ("2020-01-05", "2020-01-05"),
            ("2020-1-5", "2020-01-05"),
            ("2020/1/5", "2020-01-05"),
            ("2020/01/05", "2020-01-05"),
            ("2020.1.5", "2020-01-05"),
            ("2020年1月5日", "2020-01-05"),
            ("2020 年 1 月 5 日", "2020-01-05"),
            ("2020年1月5号", "2020-01-05"),
            ("2020年1月", "2020-01"),
            ("2020年", "2020"),
            ("2020-01", "2020-01"),
            ("2020/1", "2020-01"),
            ("2020", "2020"),
            ("20200105", "2020-01-05"),
            ("202001", "2020-01"),
            ("2020-01-05 00:00:00", "2020-01-05"),
            ("2020/1/5 8:30", "2020-01-05"),
            ("2020-01-05T08:30:00.000Z", "2020-01-05"),
            ("２０２０年１月５日", "2020-01-05"),
            ("2020-02-29", "2020-02-29"),
            ("2000-02-29", "2000-02-29"),
            // Excel serials, 1900 system.
            ("43835", "2020-01-05"),
            ("43831", "2020-01-01"),
            ("43835.75", "2020-01-05"),
            ("43835.0", "2020-01-05"),
            ("43890", "2020-02-29"),
            ("45187", "2023-09-18"),
        ];
        for (s, want) in cases {
            assert_eq!(date(s), *want, "{s}");
        }
    }

    #[test]
    fn impossible_and_unreadable_dates_are_refused() {
        for s in [
            "2019-02-29",
            "1900-02-29",
            "2020/4/31",
            "2020-13-01",
            "2020年13月",
            "2020年0月",
            "2020-00",
            "2020-01-00",
            "2020-01-32",
            "20-01-05",
            "1899-12-31",
            "2100-01-01",
            "abc",
            "",
            "2020-01-05-06",
            "2020年5日",
            "2020.1.5.6",
            "2020-1-5x",
            "5/1/2020",
            "20201301",
            "2020-01-05 25:00:00x",
            "0",
            "60",
            "2958466",
            "123",
        ] {
            assert!(parse_date(s).is_err(), "{s} should be refused, got {:?}", parse_date(s));
        }
        assert_eq!(date("2020年1月5"), "2020-01-05", "a missing 日 is tolerated");
    }

    #[test]
    fn excel_serials_and_the_1900_leap_year_bug() {
        let s = |n: i64| excel_serial_date(n).map(|d| d.to_string());
        assert_eq!(s(1).unwrap(), "1900-01-01");
        assert_eq!(s(31).unwrap(), "1900-01-31");
        assert_eq!(s(59).unwrap(), "1900-02-28");
        let e = s(60).unwrap_err();
        assert!(e.contains("1900-02-29"), "{e}");
        assert_eq!(s(61).unwrap(), "1900-03-01");
        assert_eq!(s(366).unwrap(), "1900-12-31");
        assert_eq!(s(367).unwrap(), "1901-01-01");
        assert_eq!(s(36526).unwrap(), "2000-01-01");
        assert_eq!(s(43831).unwrap(), "2020-01-01");
        assert_eq!(s(EXCEL_SERIAL_MAX).unwrap(), "9999-12-31");
        assert!(s(0).is_err() && s(-1).is_err() && s(EXCEL_SERIAL_MAX + 1).is_err());
        // Every serial from 61 on is one day after the previous.
        for n in 61..80_000 {
            let a = excel_serial_date(n).unwrap();
            let b = excel_serial_date(n + 1).unwrap();
            assert_eq!(gongshi_core::calendar::days_between(a, b), 1, "{n}");
        }
    }

    #[test]
    fn yes_no() {
        for s in ["是", "定向", "Y", "y", "Yes", "TRUE", "true", "1", "１", "Ｙ", " 是 ", "√", "有"] {
            assert_eq!(parse_yes_no(s), Ok(true), "{s}");
        }
        for s in ["否", "非定向", "不定向", "N", "n", "No", "FALSE", "false", "0", "×", "无"] {
            assert_eq!(parse_yes_no(s), Ok(false), "{s}");
        }
        for s in ["", "maybe", "是的吧", "2"] {
            assert!(parse_yes_no(s).is_err(), "{s}");
        }
    }

    #[test]
    fn width_folding() {
        assert_eq!(fold_width("（元）１２ＡＢ　x￥"), "(元)12AB x¥");
    }
}
