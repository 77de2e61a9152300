//! Calendar dates as published: a day, a month or a year.

use std::fmt;

/// A date with the precision the source gives: `2022-05-27`, `2022-05` or `2022`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    /// 1–12, or `None` when only the year is known.
    pub month: Option<u8>,
    /// 1–31 (checked against the month), or `None`.
    pub day: Option<u8>,
}

pub fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl PartialDate {
    /// Parses ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Rejects impossible dates such as `2020-02-30`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize, what: &str| -> Result<u32, String> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("日期“{s}”格式不对：{what}应为 {len} 位数字（格式 YYYY-MM-DD）"));
            }
            Ok(p.parse().unwrap_or(0))
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(format!("日期“{s}”格式不对（应为 YYYY-MM-DD、YYYY-MM 或 YYYY）"));
        }
        let year = num(parts[0], 4, "年份")? as u16;
        if year < 1900 {
            return Err(format!("日期“{s}”的年份不合理"));
        }
        let month = match parts.get(1) {
            Some(p) => {
                let m = num(p, 2, "月份")? as u8;
                if !(1..=12).contains(&m) {
                    return Err(format!("日期“{s}”不存在：没有 {m} 月"));
                }
                Some(m)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(p), Some(m)) => {
                let d = num(p, 2, "日")? as u8;
                if d == 0 || d > days_in_month(year, m) {
                    return Err(format!("日期“{s}”不存在：{year} 年 {m} 月没有 {d} 日"));
                }
                Some(d)
            }
            _ => None,
        };
        Ok(Self { year, month, day })
    }

    /// Chinese rendering: 2022年5月27日, 2022年5月, 2022年.
    pub fn zh(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{}年{}月{}日", self.year, m, d),
            (Some(m), None) => format!("{}年{}月", self.year, m),
            _ => format!("{}年", self.year),
        }
    }
}

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl PartialDate {
    /// English rendering: 27 May 2022, May 2022, 2022.
    pub fn en(&self) -> String {
        let month = |m: u8| MONTHS_EN[(m.clamp(1, 12) - 1) as usize];
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month(m), self.year),
            (Some(m), None) => format!("{} {}", month(m), self.year),
            _ => self.year.to_string(),
        }
    }

    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        match lang {
            crate::i18n::Lang::Zh => self.zh(),
            crate::i18n::Lang::En => self.en(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_round_trips() {
        for s in ["2022-05-27", "2022-05", "2022", "2020-02-29", "2000-02-29"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in ["2020-02-30", "2019-02-29", "1900-02-29", "2022-13", "2022-00-10", "2022-04-31", "22-01-01", "2022/01/01", "", "2022-1-5", "abcd"] {
            assert!(PartialDate::parse(s).is_err(), "{s} should be rejected");
        }
    }

    #[test]
    fn chinese_rendering() {
        assert_eq!(PartialDate::parse("2022-05-27").unwrap().zh(), "2022年5月27日");
        assert_eq!(PartialDate::parse("2022-11").unwrap().zh(), "2022年11月");
    }

    #[test]
    fn english_rendering() {
        assert_eq!(PartialDate::parse("2023-09-18").unwrap().en(), "18 Sep 2023");
        assert_eq!(PartialDate::parse("2022-11").unwrap().en(), "Nov 2022");
        assert_eq!(PartialDate::parse("2022").unwrap().en(), "2022");
    }
}
