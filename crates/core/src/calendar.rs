//! Day arithmetic on the proleptic Gregorian calendar: day numbers, adding days, Unix time to a
//! date. Pure integer arithmetic (Howard Hinnant's civil-days algorithms), no time zones.

use crate::date::{days_in_month, PartialDate};

/// Days since 1970-01-01 (negative before it) of year-month-day. The arguments must form a real
/// date (see [`crate::date::days_in_month`]).
pub fn day_number(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The (year, month, day) of a day number (days since 1970-01-01).
pub fn from_day_number(n: i64) -> (i32, u32, u32) {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// The last day a partial date can mean: 2023-09 → 2023-09-30, 2023 → 2023-12-31.
pub fn last_day(d: PartialDate) -> PartialDate {
    let month = d.month.unwrap_or(12);
    let day = d.day.unwrap_or_else(|| days_in_month(d.year, month));
    PartialDate { year: d.year, month: Some(month), day: Some(day) }
}

/// The first day a partial date can mean: 2023-09 → 2023-09-01, 2023 → 2023-01-01.
pub fn first_day(d: PartialDate) -> PartialDate {
    PartialDate { year: d.year, month: Some(d.month.unwrap_or(1)), day: Some(d.day.unwrap_or(1)) }
}

/// The day number of a partial date's last day.
pub fn day_number_of(d: PartialDate) -> i64 {
    let l = last_day(d);
    day_number(i32::from(l.year), u32::from(l.month.unwrap_or(12)), u32::from(l.day.unwrap_or(31)))
}

/// A full date from a day number, or `None` outside the years 1900–9999 that
/// [`PartialDate`] holds.
pub fn date_of_day_number(n: i64) -> Option<PartialDate> {
    let (y, m, d) = from_day_number(n);
    (1900..=9999).contains(&y).then_some(PartialDate { year: y as u16, month: Some(m as u8), day: Some(d as u8) })
}

/// `n` days after the date (before it when negative); a month or year is read as its last day.
/// Saturates at the ends of the range [`PartialDate`] holds.
pub fn add_days(d: PartialDate, n: i64) -> PartialDate {
    let target = day_number_of(d).saturating_add(n);
    let lo = day_number(1900, 1, 1);
    let hi = day_number(9999, 12, 31);
    date_of_day_number(target.clamp(lo, hi)).expect("clamped into range")
}

/// Days from `a` to `b` (positive when `b` is later), each read as its last day.
pub fn days_between(a: PartialDate, b: PartialDate) -> i64 {
    day_number_of(b) - day_number_of(a)
}

/// The UTC calendar date of a Unix time in seconds (the caller reads the clock).
pub fn date_from_unix_seconds(secs: i64) -> Option<PartialDate> {
    date_of_day_number(secs.div_euclid(86_400))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn day_numbers_round_trip_over_four_centuries() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        assert_eq!(day_number(1899, 12, 30), -25_569, "the Excel epoch");
        let start = day_number(1900, 1, 1);
        let end = day_number(2300, 1, 1);
        let mut prev: Option<(i32, u32, u32)> = None;
        for n in start..end {
            let (y, m, dd) = from_day_number(n);
            assert_eq!(day_number(y, m, dd), n);
            assert!(dd >= 1 && u32::from(days_in_month(y as u16, m as u8)) >= dd, "{y}-{m}-{dd}");
            if let Some(p) = prev {
                assert!((y, m, dd) > p);
            }
            prev = Some((y, m, dd));
        }
    }

    #[test]
    fn adding_days_reads_months_and_years_as_their_last_day() {
        assert_eq!(add_days(d("2023-09-18"), 90).to_string(), "2023-12-17");
        assert_eq!(add_days(d("2024-02-28"), 1).to_string(), "2024-02-29");
        assert_eq!(add_days(d("2023-02-28"), 1).to_string(), "2023-03-01");
        assert_eq!(add_days(d("2023-09"), 5).to_string(), "2023-10-05");
        assert_eq!(add_days(d("2023"), 1).to_string(), "2024-01-01");
        assert_eq!(add_days(d("2023-01-01"), -1).to_string(), "2022-12-31");
        assert_eq!(add_days(d("1900-01-01"), -5).to_string(), "1900-01-01", "saturates");
        assert_eq!(days_between(d("2023-12-17"), d("2024-01-01")), 15);
        assert_eq!(first_day(d("2023-02")).to_string(), "2023-02-01");
        assert_eq!(last_day(d("2024-02")).to_string(), "2024-02-29");
    }

    #[test]
    fn unix_seconds_to_utc_dates() {
        assert_eq!(date_from_unix_seconds(0).unwrap().to_string(), "1970-01-01");
        assert_eq!(date_from_unix_seconds(1_695_000_000).unwrap().to_string(), "2023-09-18");
        assert_eq!(date_from_unix_seconds(-1).unwrap().to_string(), "1969-12-31");
    }
}
