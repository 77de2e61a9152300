//! Number formatting for people: Chinese (万元 for large sums) and English (CNY, thousands
//! separators, millions for large sums); thousands separators for counts in both.

use crate::date::PartialDate;
use crate::i18n::Lang;
use crate::money::Fen;

/// Groups digits in threes: 1234567 → "1,234,567".
pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Rounds `value / 10^div_pow` to `decimals` places (half away from zero) and trims trailing zeros.
fn scaled(value: i64, div_pow: u32, decimals: u32) -> String {
    let neg = value < 0;
    let v = value.unsigned_abs() as u128;
    let step = 10u128.pow(div_pow - decimals);
    let rounded = (v + step / 2) / step; // now in units of 10^-decimals
    let unit = 10u128.pow(decimals);
    let int = rounded / unit;
    let frac = rounded % unit;
    let mut s = group_thousands(int as u64);
    if decimals > 0 && frac > 0 {
        let f = format!("{:0width$}", frac, width = decimals as usize);
        s.push('.');
        s.push_str(f.trim_end_matches('0'));
    }
    if neg && rounded > 0 {
        s.insert(0, '-');
    }
    s
}

/// Money for reading: ≥ 1万元 as "1,282.4万元" (at most 2 decimals), below as "600元" / "0.5元".
pub fn money_zh(fen: Fen) -> String {
    if fen.0.unsigned_abs() >= 1_000_000 {
        format!("{}万元", scaled(fen.0, 6, 2))
    } else {
        format!("{}元", scaled(fen.0, 2, 2))
    }
}

/// Money for reading in English: at least a million yuan in millions ("CNY 12.82 million", at
/// most 2 decimals); below, whole yuan as "CNY 14,700", and an amount with fen with both
/// decimals, as English writes money: "CNY 780,932.50", "CNY 0.50".
pub fn money_en(fen: Fen) -> String {
    if fen.0.unsigned_abs() >= 100_000_000 {
        format!("CNY {} million", scaled(fen.0, 8, 2))
    } else if fen.0 % 100 == 0 {
        format!("CNY {}", scaled(fen.0, 2, 0))
    } else {
        let sign = if fen.0 < 0 { "-" } else { "" };
        let v = fen.0.unsigned_abs();
        format!("CNY {sign}{}.{:02}", group_thousands(v / 100), v % 100)
    }
}

/// Money for reading in the given language.
pub fn money(lang: Lang, fen: Fen) -> String {
    match lang {
        Lang::Zh => money_zh(fen),
        Lang::En => money_en(fen),
    }
}

/// Money for totals lines and axes: 万元 in Chinese, whole yuan with separators in English
/// ("CNY 12,824,000").
pub fn money_total(lang: Lang, fen: Fen) -> String {
    match lang {
        Lang::Zh => wan_yuan(fen),
        Lang::En => format!("CNY {}", scaled(fen.0, 2, 0)),
    }
}

/// A count with thousands separators (same in both languages).
pub fn count(n: u64) -> String {
    group_thousands(n)
}

/// A date as its language writes it ("2023年9月18日", "18 Sep 2023").
pub fn date(lang: Lang, d: PartialDate) -> String {
    d.label(lang)
}

/// A figure's period as the report words it ("2019年至2021年", "2020年9月至2021年2月", "2023年底"),
/// in `lang`: English writes its years and months as English dates ("2019–2021",
/// "Sep 2020 – Feb 2021", "end of 2023"); anything else is shown as published.
pub fn period(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => text.to_string(),
        Lang::En => period_en(text).unwrap_or_else(|| text.to_string()),
    }
}

fn period_en(text: &str) -> Option<String> {
    // Points joined by 至 (a range) or 、 (and); a point is a year, with 年 (the first point of
    // "2019至2020年" has none), a month, and 底 (the end of it).
    let mut out = String::new();
    let mut rest = text.trim();
    let mut spaced = false;
    let mut joins = Vec::new();
    let mut points = Vec::new();
    loop {
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let n = digits(rest);
        if n != 4 {
            return None;
        }
        let year: u16 = rest[..4].parse().ok()?;
        rest = rest[4..].strip_prefix('年').unwrap_or(&rest[4..]);
        let m = digits(rest);
        let month = if (1..=2).contains(&m) && rest[m..].starts_with('月') {
            let month: u8 = rest[..m].parse().ok().filter(|m| (1..=12).contains(m))?;
            rest = &rest[m + '月'.len_utf8()..];
            Some(month)
        } else {
            None
        };
        let end = rest.starts_with('底');
        if end {
            rest = &rest['底'.len_utf8()..];
        }
        let d = crate::date::PartialDate { year, month, day: None };
        let label = d.label(Lang::En);
        spaced |= month.is_some() || end;
        points.push(if end { format!("end of {label}") } else { label });
        if rest.is_empty() {
            break;
        }
        let sep = rest.chars().next()?;
        joins.push(match sep {
            '至' => '–',
            '、' => '&',
            _ => return None,
        });
        rest = &rest[sep.len_utf8()..];
    }
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            out.push_str(match (joins[i - 1], spaced) {
                ('–', false) => "–",
                ('–', true) => " – ",
                _ if i + 1 == points.len() => " and ",
                _ => ", ",
            });
        }
        out.push_str(p);
    }
    Some(out)
}

/// Basis points as a percentage (same in both languages).
pub fn percent(_lang: Lang, bp: i64) -> String {
    percent_bp(bp)
}

/// Money in 万元 always (for totals lines and axes): "0.06万元".
pub fn wan_yuan(fen: Fen) -> String {
    format!("{}万元", scaled(fen.0, 6, 2))
}

/// Exact yuan with thousands separators and two decimals: "12,345.00", "-0.05".
pub fn yuan_grouped(fen: Fen) -> String {
    let a = fen.0.unsigned_abs();
    let sign = if fen.0 < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", group_thousands(a / 100), a % 100)
}

/// Basis points as a percentage: 442 → "4.42%", 5800 → "58%".
pub fn percent_bp(bp: i64) -> String {
    format!("{}%", scaled(bp, 2, 2))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_periods_years_and_months_in_english() {
        let en = |t: &str| period(Lang::En, t);
        assert_eq!(en("2019年至2021年"), "2019–2021");
        assert_eq!(en("2019至2020年"), "2019–2020");
        assert_eq!(en("2019年、2021年"), "2019 and 2021");
        assert_eq!(en("2021年"), "2021");
        assert_eq!(en("2020年1月"), "Jan 2020");
        assert_eq!(en("2020年9月至2021年2月"), "Sep 2020 – Feb 2021");
        assert_eq!(en("2022年12月底"), "end of Dec 2022");
        assert_eq!(en("2023年底"), "end of 2023");
        // Anything else as published; Chinese unchanged.
        assert_eq!(en("整改期间"), "整改期间");
        assert_eq!(en("2023年13月"), "2023年13月");
        assert_eq!(en("2023年第三季度"), "2023年第三季度");
        assert_eq!(period(Lang::Zh, "2019年至2021年"), "2019年至2021年");
    }

    use super::*;

    #[test]
    fn money_in_wan_yuan() {
        assert_eq!(money_zh(Fen(1_282_400_000)), "1,282.4万元");
        assert_eq!(money_zh(Fen(1_470_000)), "1.47万元");
        assert_eq!(money_zh(Fen(2_578_550)), "2.58万元");
        assert_eq!(money_zh(Fen(1_000_000)), "1万元");
        assert_eq!(money_zh(Fen(60_000)), "600元");
        assert_eq!(money_zh(Fen(999_999)), "9,999.99元");
        assert_eq!(money_zh(Fen(-1_620_000)), "-1.62万元");
        assert_eq!(money_zh(Fen(0)), "0元");
    }

    #[test]
    fn money_in_english() {
        assert_eq!(money_en(Fen(1_282_400_000)), "CNY 12.82 million");
        assert_eq!(money_total(Lang::En, Fen(1_282_400_000)), "CNY 12,824,000");
        assert_eq!(money_en(Fen(1_470_000)), "CNY 14,700");
        assert_eq!(money_en(Fen(60_000)), "CNY 600");
        assert_eq!(money_en(Fen(50)), "CNY 0.50");
        assert_eq!(money_en(Fen(78_093_250)), "CNY 780,932.50");
        assert_eq!(money_en(Fen(3_525_512)), "CNY 35,255.12");
        assert_eq!(money_en(Fen(-50)), "CNY -0.50");
        assert_eq!(money_en(Fen(-162_000_000)), "CNY -1.62 million");
        assert_eq!(money(Lang::Zh, Fen(1_470_000)), "1.47万元");
        assert_eq!(date(Lang::En, PartialDate { year: 2023, month: Some(9), day: Some(18) }), "18 Sep 2023");
        assert_eq!(date(Lang::Zh, PartialDate { year: 2023, month: Some(9), day: Some(18) }), "2023年9月18日");
    }

    #[test]
    fn percents_and_groups() {
        assert_eq!(percent_bp(442), "4.42%");
        assert_eq!(percent_bp(5800), "58%");
        assert_eq!(percent_bp(350), "3.5%");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(wan_yuan(Fen(60_000)), "0.06万元");
        assert_eq!(yuan_grouped(Fen(123_456_789)), "1,234,567.89");
        assert_eq!(yuan_grouped(Fen(-5)), "-0.05");
    }
}
