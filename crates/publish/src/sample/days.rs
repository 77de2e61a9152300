//! Days of the sample period as numbers: day 0 is 1 January of [`FIRST_YEAR`], counted on the
//! core's calendar ([`gongshi_core::calendar`]).

use super::rng::Rng;
use super::{FIRST_YEAR, LAST_YEAR};
use gongshi_core::calendar;

/// The core's day number of day 0.
fn epoch() -> i64 {
    calendar::day_number(i32::from(FIRST_YEAR), 1, 1)
}

/// The number of a real date in or after [`FIRST_YEAR`] (its 1 January is day 0).
pub(super) fn day_number(y: u16, m: u8, d: u8) -> u32 {
    (calendar::day_number(i32::from(y), u32::from(m), u32::from(d)) - epoch()) as u32
}

pub(super) fn ymd(n: u32) -> (u16, u8, u8) {
    let (y, m, d) = calendar::from_day_number(epoch() + i64::from(n));
    (y as u16, m as u8, d as u8)
}

pub(super) fn day_str(n: u32) -> String {
    let (y, m, d) = ymd(n);
    format!("{y:04}-{m:02}-{d:02}")
}

pub(super) fn year_of(n: u32) -> u16 {
    ymd(n).0
}

pub(super) fn last_day() -> u32 {
    day_number(LAST_YEAR, 12, 31)
}

pub(super) fn day_in(rng: &mut Rng, from: (u16, u8, u8), to: (u16, u8, u8)) -> u32 {
    let a = day_number(from.0, from.1, from.2);
    let b = day_number(to.0, to.1, to.2);
    rng.range(a as i64, b as i64) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_day_numbers_round_trip() {
        for n in 0..=last_day() + 400 {
            let (y, m, d) = ymd(n);
            assert_eq!(day_number(y, m, d), n);
            assert!(gongshi_core::date::PartialDate::parse(&day_str(n)).is_ok());
        }
        assert_eq!(day_str(0), "2019-01-01");
        assert_eq!(day_str(last_day()), "2023-12-31");
    }
}
